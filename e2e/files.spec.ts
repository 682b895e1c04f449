import { expect, test } from "@playwright/test";
import { autosaved } from "./support/views.js";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator(".monaco-editor")).toBeVisible();
});

test("files can be added, renamed and deleted, and survive a reload", async ({ page }) => {
  const answers = ["helper.ts", "util.ts"];
  page.on("dialog", (dialog) => (dialog.type() === "confirm" ? dialog.accept() : dialog.accept(answers.shift())));

  await page.getByRole("button", { name: "New file" }).click();
  await expect(page.getByRole("tab", { name: "helper.ts" })).toHaveAttribute("aria-selected", "true");
  await page.locator(".monaco-editor").first().click();
  await page.keyboard.type("export const answer = 42;");

  await page.getByRole("button", { name: "Rename helper.ts" }).click();
  await expect(page.getByRole("tab", { name: "util.ts" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tab", { name: "helper.ts" })).toHaveCount(0);

  await autosaved(page, "zmq-workbench.files", "util.ts", "export const answer = 42;");
  await page.reload();
  await expect(page.getByRole("tab", { name: "util.ts" })).toHaveAttribute("aria-selected", "true");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("export const answer = 42;");

  await page.getByRole("tab", { name: /main\.ts/ }).press("ArrowRight");
  await expect(page.getByRole("tab", { name: "util.ts" })).toBeFocused();
  await page.getByRole("button", { name: "Delete util.ts" }).click();
  await expect(page.getByRole("tab")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Delete main.ts" })).toBeDisabled();
});

test("a bad file name is refused with a sentence", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept("notes.txt"));
  await page.getByRole("button", { name: "New file" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "notes.txt" })).toContainText('"notes.txt" is not a valid file name');
  await expect(page.getByRole("tab")).toHaveCount(1);
});
