import { expect, test } from "@playwright/test";
import { graphSettled } from "./support/views.js";

const centre = (box: { x: number; y: number; width: number; height: number } | null) => ({ x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });

test("a dragged node stays where it is dropped, and the view stops refitting around it", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
  const rep = page.locator('[data-kind="REP"]');
  await graphSettled(page);

  const start = centre(await rep.boundingBox());
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 40, { steps: 8 });
  await page.mouse.up();
  const dropped = centre(await rep.boundingBox());
  expect(Math.abs(dropped.x - (start.x + 60))).toBeLessThan(6);
  expect(Math.abs(dropped.y - (start.y + 40))).toBeLessThan(6);

  await graphSettled(page); // the simulation ran on and stopped: a pinned node and an unfitted view kept it in place
  const later = centre(await rep.boundingBox());
  expect(Math.abs(later.x - dropped.x)).toBeLessThan(2);
  expect(Math.abs(later.y - dropped.y)).toBeLessThan(2);
});
