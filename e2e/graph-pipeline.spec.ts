import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { graphSettled } from "./support/views.js";

// A pipeline's rates sit on their own edges.
const DIR = process.env.SHOTS_DIR ?? "test-results/graph-shots";

/** Rate labels drawn (non-empty), each with its distance on screen from its own edge's line, in CSS px. */
async function rateLabelsOffTheirLines(page: Page): Promise<Array<{ text: string; distance: number; x: number; y: number }>> {
  return page.locator("g.edge").evaluateAll((edges) =>
    edges.flatMap((edge) => {
      const label = edge.querySelector(".edge-status") as SVGTextElement;
      const path = edge.querySelector("path.route") as SVGPathElement;
      const text = label.textContent ?? "";
      if (!text || (edge as SVGGElement).style.display === "none") return [];
      const box = label.getBoundingClientRect();
      const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const ctm = path.getScreenCTM() as DOMMatrix;
      const length = path.getTotalLength();
      let distance = Number.POSITIVE_INFINITY;
      for (let i = 0; i <= 40; i++) {
        const p = new DOMPoint(path.getPointAtLength((length * i) / 40).x, path.getPointAtLength((length * i) / 40).y).matrixTransform(ctm);
        distance = Math.min(distance, Math.hypot(p.x - at.x, p.y - at.y));
      }
      return [{ text, distance, x: box.x, y: box.y }];
    }),
  );
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`the pipeline scenario at ${size} draws its rates on their own edges`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize(viewport);
    await page.goto("/");
    await page.getByRole("button", { name: "Scenarios" }).click();
    await page.getByRole("combobox", { name: "Choose a scenario" }).selectOption("pipeline");
    await page.getByRole("slider", { name: "Seconds the demo runs" }).fill("61");
    await page.getByRole("button", { name: "Run scenario" }).click();
    await expect(page.locator('[data-kind="PULL"]:not(.closed)')).toHaveCount(4, { timeout: 30_000 });
    await expect(page.locator(".edge-status", { hasText: "msg/s" }).first()).toBeAttached({ timeout: 30_000 });
    await graphSettled(page);

    // Every rate drawn sits by its own edge (ELK made room for it there), never alone in the graph's corner.
    const labels = await rateLabelsOffTheirLines(page);
    expect(labels.filter((l) => l.text.includes("msg/s")).length).toBeGreaterThan(0);
    for (const l of labels) expect(l.distance, `"${l.text}" at ${l.x.toFixed(0)},${l.y.toFixed(0)}`).toBeLessThan(24);
    mkdirSync(DIR, { recursive: true });
    await page.screenshot({ path: `${DIR}/pipeline-scenario-${size}.png` });
    await page.getByRole("button", { name: "Stop" }).click();
  });
}
