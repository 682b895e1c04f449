import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { graphSettled } from "./support/views.js";

// A pipeline reads in the direction of its flow (ventilator → workers → sink), and its rates sit on their edges.
const DIR = process.env.SHOTS_DIR ?? "test-results/graph-shots";
const LESSON = "lessons/03-pipeline/01-ventilator-workers-sink";

type Box = { x: number; y: number; width: number; height: number };
const centreX = (b: Box) => b.x + b.width / 2;

async function shapes(page: Page, selector: string): Promise<Box[]> {
  return (await page.locator(`${selector}:not(.unplaced) path.shape`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) as Box[];
}

/** Ventilator, every worker's input, every worker's output, the sink: each column right of the one before. */
async function expectLeftToRight(page: Page, columns: string[]): Promise<void> {
  const xs: number[][] = [];
  for (const selector of columns) {
    const boxes = await shapes(page, selector);
    expect(boxes.length, selector).toBeGreaterThan(0);
    xs.push(boxes.map(centreX));
  }
  for (let i = 1; i < xs.length; i++) expect(Math.max(...xs[i - 1]), `${columns[i - 1]} left of ${columns[i]}`).toBeLessThan(Math.min(...xs[i]));
}

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
  test(`the pipeline scenario at ${size} reads ventilator → workers → sink, its rates on their own edges`, async ({ page }) => {
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
    await expectLeftToRight(page, [
      '[data-kind="PUSH"][aria-label*="ventilator.ts"]',
      '[data-kind="PULL"][aria-label*="worker.ts"]',
      '[data-kind="PUSH"][aria-label*="worker.ts"]',
      '[data-kind="PULL"][aria-label*="sink.ts"]',
    ]);

    // Every rate drawn sits by its own edge (ELK made room for it there), never alone in the graph's corner.
    const labels = await rateLabelsOffTheirLines(page);
    expect(labels.filter((l) => l.text.includes("msg/s")).length).toBeGreaterThan(0);
    for (const l of labels) expect(l.distance, `"${l.text}" at ${l.x.toFixed(0)},${l.y.toFixed(0)}`).toBeLessThan(24);
    mkdirSync(DIR, { recursive: true });
    await page.screenshot({ path: `${DIR}/pipeline-scenario-${size}.png` });
    await page.getByRole("button", { name: "Stop" }).click();
  });
}

test("the pipeline lesson's program reads ventilator → workers → sink", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const files = {
    "main.ts": readFileSync(`${LESSON}/solution/main.ts`, "utf8"),
    "worker.ts": readFileSync(`${LESSON}/starter/worker.ts`, "utf8"),
  };
  const res = await request.post("/api/shares", { data: { files } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("log", { name: "Console output" })).toContainText("sent 10 tasks", { timeout: 30_000 });
  await expect(page.locator("g.node[data-kind]:not(.unplaced)")).toHaveCount(6);
  await graphSettled(page);
  await expectLeftToRight(page, [
    '[data-kind="PUSH"][aria-label*="tcp://"]',
    '[data-kind="PULL"]:not([aria-label*="tcp://"])',
    '[data-kind="PUSH"]:not([aria-label*="tcp://"])',
    '[data-kind="PULL"][aria-label*="tcp://"]',
  ]);
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: `${DIR}/pipeline-lesson-1280x720.png` });
});
