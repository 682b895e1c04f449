import { test } from "@playwright/test";
test("probe", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Lessons" }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: "/tmp/shots/lessons.png" });
  await page.goto("/lessons/zero-copy");
  await page.waitForTimeout(1500);
  await page.screenshot({ path: "/tmp/shots/lesson.png" });
  await page.goto("/");
  await page.getByRole("button", { name: "Scenarios" }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: "/tmp/shots/scenarios.png" });
});
