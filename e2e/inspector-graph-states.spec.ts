import { expect, test } from "@playwright/test";

// A PUSH connects where nothing listens (libzmq retries), and a worker thread opens a socket of its own.
const MAIN = `import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";

const lonely = new zmq.Push({ linger: 0 });
lonely.connect("tcp://127.0.0.1:7999");
const pull = new zmq.Pull();
await pull.bind("inproc://from-thread");
const worker = new Worker(new URL("./worker.js", import.meta.url));
console.log("got " + (await pull.receive())[0]);
await new Promise((r) => worker.once("exit", r));
// Runs on, the PUSH retrying, until the test has seen what it looks for and stops it.
setInterval(() => {}, 1000);
`;
const WORKER = `import * as zmq from "zeromq";

const push = new zmq.Push();
push.connect("inproc://from-thread");
await push.send("hello from a thread");
push.close();
`;

test("an unanswered connect shows as retrying, and a worker thread's sockets are grouped", async ({ page, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": MAIN, "worker.ts": WORKER } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();

  const push = page.locator('[data-kind="PUSH"]').first();
  await expect(page.getByRole("log", { name: "Console output" })).toContainText("got hello from a thread");
  const edge = page.locator('[data-edge$="->?tcp://127.0.0.1:7999"]');
  await expect(edge).toHaveAttribute("data-link-state", "retrying");
  await expect(edge.locator(".edge-status")).toHaveText(/^retrying \(\d+\)$/);
  await expect(page.locator('[data-group^="thread-"]')).toHaveCount(2);
  await expect(page.locator(".group-label", { hasText: "main thread" })).toHaveCount(1);
  await expect(push).toBeVisible();
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveText("Stopped");
});
