import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { BROKER, SIXTY } from "./graph-programs.js";
import { graphSettled } from "./support/views.js";

// Screenshots to look at: the broker with one request followed, the 60-socket program, and presenter mode.
const DIR = process.env.SHOTS_DIR ?? "test-results/graph-shots";
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

async function open(page: Page, theme: "light" | "dark", files: Record<string, string>) {
  const res = await page.request.post("/api/shares", { data: { files } });
  await page.goto("/");
  await page.evaluate((dark) => localStorage.setItem("zmq-workbench.dark", JSON.stringify(dark)), theme === "dark");
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

for (const viewport of VIEWPORTS) {
  for (const theme of ["light", "dark"] as const) {
    const name = `${viewport.width}x${viewport.height}-${theme}`;
    test(`graph screenshots at ${name}`, async ({ page }) => {
      test.setTimeout(150_000);
      mkdirSync(DIR, { recursive: true });
      await page.setViewportSize(viewport);
      await open(page, theme, { "main.ts": BROKER });
      await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 30_000 });
      await page
        .getByRole("region", { name: "Messages" })
        .getByRole("button", { name: /sent job 1 from client 2$/ })
        .click();
      await expect(page.locator(".follow-hop")).toHaveCount(4);
      await graphSettled(page);
      await page.screenshot({ path: `${DIR}/broker-${name}.png` });

      await page.locator("body").click({ position: { x: 2, y: 2 } });
      await page.keyboard.press("p");
      await graphSettled(page);
      await page.screenshot({ path: `${DIR}/presenter-broker-${name}.png` });
      await page.keyboard.press("Escape");

      await open(page, theme, { "main.ts": SIXTY(7) });
      await expect(page.locator(".graph-svg")).toHaveAttribute("data-layout", "60", { timeout: 45_000 });
      await graphSettled(page);
      await page.screenshot({ path: `${DIR}/sixty-${name}.png` });
      await page.locator("body").click({ position: { x: 2, y: 2 } });
      await page.keyboard.press("p");
      await graphSettled(page);
      await page.screenshot({ path: `${DIR}/presenter-sixty-${name}.png` });
      await page.keyboard.press("Escape");
    });
  }
}
