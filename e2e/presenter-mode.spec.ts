import { expect, test } from "@playwright/test";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator(".monaco-editor")).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`presenter mode is driven from the keyboard (${theme} theme)`, async ({ page }) => {
    if (theme === "dark") await page.getByRole("button", { name: "Dark theme" }).click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
    const app = page.locator(".app");
    const timeline = page.getByRole("region", { name: "Timeline" });

    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("p");
    await expect(app).toHaveAttribute("data-presenting", "true");
    await expect(page.getByRole("region", { name: "Presenter mode" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Editor" })).toBeHidden();
    await expect(page.locator('[data-kind="REQ"]')).toBeVisible();
    const kindSize = await page.locator('[data-kind="REQ"] .node-kind').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(kindSize).toBeGreaterThanOrEqual(20);

    await page.keyboard.press("ArrowLeft");
    await expect(timeline).toHaveAttribute("data-timeline-paused", "true");
    const before = Number(await timeline.locator("[data-timeline-position]").getAttribute("data-timeline-position"));
    await page.keyboard.press("ArrowLeft");
    await expect(timeline.locator("[data-timeline-position]")).toHaveAttribute("data-timeline-position", String(before - 1));
    await page.keyboard.press("ArrowRight");
    await expect(timeline.locator("[data-timeline-position]")).toHaveAttribute("data-timeline-position", String(before));

    const speed = timeline.getByRole("combobox", { name: "Playback speed" });
    await page.keyboard.press("-");
    await page.keyboard.press("-");
    await expect(speed).toHaveValue("0.25");
    await page.keyboard.press("+");
    await expect(speed).toHaveValue("0.5");
    await page.keyboard.press("-");
    await page.keyboard.press("-");
    await expect(speed).toHaveValue("0.1");

    // Space plays from the start in slow motion, and pauses again.
    await page.keyboard.press("Home");
    await expect(timeline.locator("[data-timeline-position]")).toHaveAttribute("data-timeline-position", "0");
    await page.keyboard.press("Space");
    await page.keyboard.press("Space");
    await expect(timeline).toHaveAttribute("data-timeline-paused", "true");
    await expect(timeline.getByRole("button", { name: "Play" })).toBeVisible();

    await page.keyboard.press("c");
    await expect(page.getByRole("region", { name: "Editor" })).toBeVisible();
    await page.keyboard.press("c");
    await page.keyboard.press("f");
    await page.keyboard.press("Escape");
    await expect(app).not.toHaveAttribute("data-presenting", /.*/);
    await expect(page.getByRole("region", { name: "Editor" })).toBeVisible();

    await page.getByRole("button", { name: "Presenter mode" }).click();
    await expect(app).toHaveAttribute("data-presenting", "true");
    await page.getByRole("button", { name: "Exit presenter mode" }).click();
    await expect(app).not.toHaveAttribute("data-presenting", /.*/);
  });
}
