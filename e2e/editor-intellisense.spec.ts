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

test("the editor knows zmq-devices: its classes complete and its import is not an error", async ({ page }) => {
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type('import { ProcessDevice } from "zmq-devices";\nconst queue = new ProcessDevice("queue", "ROUTER", "DEALER");\n\n');
  await page.keyboard.press("ArrowUp");
  await page.keyboard.type("queue.bindI");
  const suggest = page.locator(".monaco-editor .suggest-widget");
  await expect(suggest.getByRole("listitem", { name: /^bindIn, (Method|Function)/ })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("Escape");
  await page.keyboard.type("n(1);");
  // A wrong argument type is flagged, so the module's types are really in use; the import line is not flagged.
  const editor = page.locator(".monaco-editor");
  const squiggledTops = () =>
    editor.locator(".view-overlays .squiggly-error").evaluateAll((els) => [...new Set(els.map((e) => (e.parentElement as HTMLElement).style.top))]);
  const lineTop = (n: number) =>
    editor
      .locator(".margin-view-overlays .line-numbers")
      .getByText(String(n), { exact: true })
      .evaluate((e) => (e.parentElement as HTMLElement).style.top);
  await expect.poll(squiggledTops, { timeout: 30_000 }).toEqual([await lineTop(3)]);
});
