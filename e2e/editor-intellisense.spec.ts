import { expect, test } from "@playwright/test";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator(".monaco-editor")).toBeVisible();
});

test("completion after zmq. offers zeromq's socket classes", async ({ page }) => {
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("const probe = zmq.");
  const suggest = page.locator(".monaco-editor .suggest-widget");
  await expect(suggest).toBeVisible({ timeout: 20_000 });
  // Monaco's suggestion rows are list items named "<label>, <kind>".
  await expect(suggest.getByRole("listitem", { name: /^Dealer, Class/ })).toBeVisible({ timeout: 20_000 });
  // The list is long and virtualised: narrowing it brings the class into view.
  await page.keyboard.type("Req");
  await expect(suggest.getByRole("listitem", { name: /^Request, Class/ })).toBeVisible();
});

test("the editor knows Node's own types: process, Buffer and node: modules from @types/node", async ({ page }) => {
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("const usage = process.memoryUsa");
  const suggest = page.locator(".monaco-editor .suggest-widget");
  await expect(suggest.getByRole("listitem", { name: /^memoryUsage, (Field|Method)/ })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  await page.keyboard.type('const digest = (await import("node:crypto")).createHa');
  await expect(suggest.getByRole("listitem", { name: /^createHash, Function/ })).toBeVisible({ timeout: 30_000 });
});
