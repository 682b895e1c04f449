import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { autosaved } from "./support/views.js";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator(".monaco-editor")).toBeVisible();
});

test("a trace exported after a run opens later without running anything", async ({ page }, testInfo) => {
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
  const timeline = page.getByRole("region", { name: "Timeline" });

  const [download] = await Promise.all([page.waitForEvent("download"), timeline.getByRole("button", { name: "Export trace" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^zmq-trace-.*\.json$/);
  const path = testInfo.outputPath("trace.json");
  await download.saveAs(path);
  const saved = JSON.parse(readFileSync(path, "utf8"));
  expect(saved).toMatchObject({ format: "zmq-workbench-trace", version: 1, files: { "main.ts": expect.any(String) } });
  expect(saved.events.at(-1).type).toBe("run/exit");

  await page.reload();
  await expect(page.locator("[data-socket-id]")).toHaveCount(0);
  await timeline.getByLabel("Trace file to open").setInputFiles(path);
  await expect(timeline.getByText("Viewing trace.json")).toBeVisible();
  await expect(page.locator('[data-kind="REQ"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="REP"]')).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Messages" }).locator(".count")).toHaveText("12");
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "idle");

  // The opened trace can be stepped like a run.
  await timeline.getByRole("button", { name: "Previous event" }).click();
  await expect(timeline).toHaveAttribute("data-timeline-paused", "true");
  await timeline.getByRole("button", { name: "Close trace" }).click();
  await expect(page.locator("[data-socket-id]")).toHaveCount(0);
});

test("an opened trace puts its own code in the editor, and the code it replaced comes back on request", async ({ page }, testInfo) => {
  const path = testInfo.outputPath("other.json");
  const code = 'console.log("recorded elsewhere");\n';
  writeFileSync(path, JSON.stringify({ format: "zmq-workbench-trace", version: 1, files: { "main.ts": code }, events: [] }));
  const editor = page.locator(".monaco-editor .view-lines");
  await expect(editor).toContainText("zmq.Reply");
  const timeline = page.getByRole("region", { name: "Timeline" });
  await timeline.getByLabel("Trace file to open").setInputFiles(path);
  await expect(timeline.getByText("Viewing other.json")).toBeVisible();
  await expect(editor).toContainText("recorded elsewhere");
  await expect(editor).not.toContainText("zmq.Reply");
  const banner = page.getByRole("region", { name: "Code of the trace" });
  await expect(banner).toContainText("the code that was there is kept");

  // The replaced code survives a reload, and comes back when asked for.
  await page.reload();
  await expect(editor).toContainText("recorded elsewhere");
  await banner.getByRole("button", { name: "Put my code back" }).click();
  await expect(editor).toContainText("zmq.Reply");
  await expect(banner).toHaveCount(0);

  // A trace of the program already in the editor changes nothing and keeps nothing aside.
  const same = testInfo.outputPath("same.json");
  await autosaved(page, "zmq-workbench.files", "main.ts", "zmq.Reply");
  const files = await page.evaluate(() => JSON.parse(localStorage.getItem("zmq-workbench.files") ?? "{}").files);
  writeFileSync(same, JSON.stringify({ format: "zmq-workbench-trace", version: 1, files, events: [] }));
  await timeline.getByLabel("Trace file to open").setInputFiles(same);
  await expect(timeline.getByText("Viewing same.json")).toBeVisible();
  await expect(editor).toContainText("zmq.Reply");
  await expect(banner).toHaveCount(0);
});

test("a file that is not a trace is refused with a sentence", async ({ page }) => {
  const timeline = page.getByRole("region", { name: "Timeline" });
  await timeline.getByLabel("Trace file to open").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{oops") });
  await expect(timeline.getByRole("alert")).toContainText("Could not open notes.json: This file is not JSON");
  const wrong = JSON.stringify({ format: "zmq-workbench-trace", version: 1, files: { "main.ts": "" }, events: [{ type: "socket/open", t: 0 }] });
  await timeline.getByLabel("Trace file to open").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(wrong) });
  await expect(timeline.getByRole("alert")).toContainText("Could not open broken.json: Event 1 of the trace is not valid");
  await expect(page.locator("[data-socket-id]")).toHaveCount(0);
});
