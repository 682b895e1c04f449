import { expect, test } from "@playwright/test";
import { autosaved } from "./support/views.js";

const MAIN = `import * as zmq from "zeromq";
import { work } from "./worker";

const pull = new zmq.Pull();
await pull.bind("tcp://127.0.0.1:6001");
await work("tcp://127.0.0.1:6001");
const [msg] = await pull.receive();
console.log("pulled " + msg.toString());
pull.close();
`;

const WORKER = `import * as zmq from "zeromq";

export async function work(endpoint: string) {
  const push = new zmq.Push();
  push.connect(endpoint);
  await push.send("job done");
  push.close();
}
`;

test("opens a shared two-file program and runs it", async ({ page, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": MAIN, "worker.ts": WORKER } } });
  expect(res.ok()).toBe(true);
  const { url } = (await res.json()) as { id: string; url: string };
  expect(url).toMatch(/^\/s\//);

  await page.goto(url);
  await expect(page.getByRole("tab", { name: /worker\.ts/ })).toBeVisible();
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toHaveAttribute("aria-selected", "true");

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator('[data-kind="PUSH"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="PULL"]')).toHaveCount(1);
  await expect(page.locator("[data-edge]")).toHaveCount(1);
  await expect(page.getByRole("log", { name: "Console output" })).toContainText("pulled job done");
});

test("the Share button makes a link that opens the same files", async ({ page, context }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Share" }).click();
  const link = page.getByRole("textbox", { name: "Share link" });
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]+$/);
  const other = await context.newPage();
  await other.goto(await link.inputValue());
  await expect(other.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
});

test("a link to a share or lesson that does not exist says so, in the banner and in the editor", async ({ page }) => {
  await page.goto("/s/abcdefghij");
  await expect(page.getByText(/no such share|not found|does not exist/i).first()).toBeVisible();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("The files could not be loaded");
  await page.goto("/lessons/no-such-lesson");
  await expect(page.getByText("There is no such lesson. Choose one from the lesson list.").first()).toBeVisible();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("The files could not be loaded: There is no such lesson");
});

test("a link shared with the last run's trace opens the code and that run, under a shared-program banner", async ({ page, context }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this program" });
  await dialog.getByRole("checkbox", { name: /With the trace of the last run/ }).check();
  const link = dialog.getByRole("textbox", { name: "Share link" });
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]+\?trace=[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  await other.goto(await link.inputValue());
  await expect(other.getByRole("region", { name: "Shared program" })).toContainText("the run recorded with it");
  await expect(other.locator("[data-trace-file]")).toBeVisible();
  // The recorded sockets are there without running anything, and the editor holds the shared code.
  await expect(other.locator("[data-socket-id]")).toHaveCount(2);
  await expect(other.locator("[data-run-status]")).toHaveAttribute("data-run-status", "idle");
  await expect(other.locator(".view-line", { hasText: "new zmq.Request()" })).toBeVisible();
  await expect(other.getByRole("region", { name: "Code of the trace" })).toHaveCount(0);

  // Edited and opened again, the link shows the recorded run beside its own code; the edits are kept to put back.
  await other.locator(".monaco-editor .view-lines").first().click();
  await other.keyboard.press("Control+End");
  await other.keyboard.type("// my change");
  const shareId = new URL(await link.inputValue()).pathname.split("/").at(-1) as string;
  await autosaved(other, `zmq-workbench.files.share.${shareId}`, "main.ts", "// my change");
  await other.reload();
  await expect(other.locator("[data-trace-file]")).toBeVisible();
  const banner = other.getByRole("region", { name: "Code of the trace" });
  await expect(banner).toBeVisible();
  const saved = () =>
    other.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").files?.["main.ts"] as string, `zmq-workbench.files.share.${shareId}`);
  await expect.poll(saved).not.toContain("// my change");
  await banner.getByRole("button", { name: "Put my code back" }).click();
  await expect.poll(saved).toContain("// my change");
  await expect(banner).toHaveCount(0);
});
