import { expect, test } from "@playwright/test";
import { graphSettled } from "./support/views.js";
import { DEFAULT_MAIN } from "../web/src/program/defaultProgram.js";

test.beforeEach(async ({ page }) => {
  // A fresh browser profile has no saved files, so the default program opens.
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("runs the default REQ/REP program and shows its sockets, edge and replies", async ({ page }) => {
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await expect(page.locator(".monaco-editor")).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();

  await expect(page.locator('[data-kind="REQ"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="REP"]')).toHaveCount(1);
  const req = await page.locator('[data-kind="REQ"]').getAttribute("data-socket-id");
  const rep = await page.locator('[data-kind="REP"]').getAttribute("data-socket-id");
  await expect(page.locator(`[data-edge="${req}->${rep}"]`)).toHaveCount(1);

  const consoleLog = page.getByRole("log", { name: "Console output" });
  await expect(consoleLog.getByText(/World/)).toHaveCount(3);
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
  await expect(page.getByRole("button", { name: "Stop", exact: true })).toBeDisabled();

  await graphSettled(page);
  await page.screenshot({ path: "test-results/run-default.png" });
});

test("Ctrl+Enter runs, and the inspector shows a chosen socket and message", async ({ page }) => {
  await page.locator(".monaco-editor").click();
  await page.keyboard.press("Control+Enter");
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
  // The shortcut runs instead of inserting a line; the autosaved code is unchanged.
  // The program still has its own number of lines (the editor's last line, reached with Ctrl+End), so nothing
  // was inserted, and nothing but the default program was ever saved.
  await page.keyboard.press("Control+End");
  await expect(page.locator(".line-numbers.active-line-number")).toHaveText(String(DEFAULT_MAIN.split("\n").length));
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("zmq-workbench.files") ?? "{}").files?.["main.ts"] ?? null);
  expect(saved === null || saved === DEFAULT_MAIN).toBe(true);

  await page.locator('[data-kind="REP"]').click();
  const inspector = page.getByRole("region", { name: "Inspector" });
  await expect(inspector.getByText("3 sent · 3 received")).toBeVisible();

  await page.locator('[data-kind="REQ"]').focus();
  await page.keyboard.press("Enter");
  await expect(inspector.locator("h3")).toContainText("REQ");
  await expect(page.getByRole("combobox", { name: "Inspect socket" })).not.toHaveValue("");

  await page
    .getByRole("button", { name: /received from .*Hello/ })
    .first()
    .click();
  await expect(inspector.locator(".frame-body").first()).toHaveText("Hello");
});

test("the dark theme persists across a reload and the graph still draws", async ({ page }) => {
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
  await graphSettled(page);
  await page.screenshot({ path: "test-results/run-default-dark.png" });
});
