import { expect, test, type Page } from "@playwright/test";
import { expectNoSidewaysScroll } from "./support/views.js";

async function box(page: Page, name: string, role: "region" | "complementary" = "region") {
  const found = await page.getByRole(role, { name, exact: true }).boundingBox();
  expect(found, `the ${name} pane is on screen`).toBeTruthy();
  return found as { x: number; y: number; width: number; height: number };
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`beside the scenario panel at ${size.width}×${size.height} the panes keep their columns`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/");
    await page.getByRole("button", { name: "Scenarios" }).click();
    await expect(page.locator(".workspace")).toHaveAttribute("data-layout", "scenario");
    const panel = await box(page, "Scenario", "complementary");
    const editor = await box(page, "Editor");
    const consolePane = await box(page, "Console");
    const graph = await box(page, "Sockets");
    // Code on the left (editor over console), the graph to its right from the top: nothing falls out of its column.
    expect(editor.x).toBeGreaterThanOrEqual(panel.x + panel.width);
    expect(consolePane.y).toBeGreaterThanOrEqual(editor.y + editor.height);
    expect(Math.abs(consolePane.x - editor.x)).toBeLessThan(2);
    expect(graph.x).toBeGreaterThanOrEqual(editor.x + editor.width);
    expect(Math.abs(graph.y - editor.y)).toBeLessThan(2);
    expect(editor.height).toBeGreaterThan(size.height * 0.3);
    expect(graph.height).toBeGreaterThan(size.height * 0.3);
    await expectNoSidewaysScroll(page);
  });
}
