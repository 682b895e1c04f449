import { expect, test } from "@playwright/test";
import { autosaved } from "./support/views.js";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator(".monaco-editor")).toBeVisible();
});

test("a second file is written, imported by main.ts and run; the edits survive a reload", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept("greeting.ts"));
  await page.getByRole("button", { name: "New file" }).click();
  await expect(page.getByRole("tab", { name: "greeting.ts" })).toHaveAttribute("aria-selected", "true");
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.insertText('export const greeting = "hello from greeting.ts";\n');

  await page.getByRole("tab", { name: /main\.ts/ }).click();
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText('import { greeting } from "./greeting";\nconsole.log(greeting);\n');
  await autosaved(page, "zmq-workbench.files", "main.ts", "console.log(greeting);");
  await page.reload();
  await expect(page.getByRole("tab", { name: "greeting.ts" })).toBeVisible();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("console.log(greeting);");

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("log", { name: "Console output" })).toContainText("hello from greeting.ts");
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
});
