import { expect, test } from "@playwright/test";
import WebSocket from "ws";

const FOREVER = `import * as zmq from "zeromq";

const pull = new zmq.Pull();
await pull.bind("inproc://never");
console.log("holding a run");
for await (const [msg] of pull) console.log(msg.toString());
`;

/** Another tool on the same machine (so the same address) holding two long runs over its own WebSocket. */
async function holdTwoRuns(baseURL: string): Promise<{ stop: (runId: string) => Promise<void>; close: () => void }> {
  const ws = new WebSocket(`${baseURL.replace(/^http/, "ws")}/api/runs`);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  const started = new Set<string>();
  const exited = new Set<string>();
  const changed: Array<() => void> = [];
  ws.on("message", (raw) => {
    const m = JSON.parse(raw.toString()) as { type: string; meta: { runId?: string }; payload: { events?: { type: string; text?: string }[] } };
    for (const e of m.type === "trace" ? (m.payload.events ?? []) : []) {
      if (e.type === "console" && e.text?.includes("holding a run")) started.add(m.meta.runId!);
      if (e.type === "run/exit") exited.add(m.meta.runId!);
    }
    changed.splice(0).forEach((f) => {
      f();
    });
  });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((r) => changed.push(r));
  };
  for (const runId of ["held-1", "held-2"])
    ws.send(JSON.stringify({ type: "run/start", payload: { files: { "main.ts": FOREVER }, timeoutMs: 120_000 }, meta: { runId } }));
  await until(() => started.size === 2);
  return {
    stop: async (runId) => {
      ws.send(JSON.stringify({ type: "run/stop", payload: {}, meta: { runId } }));
      await until(() => exited.has(runId));
    },
    close: () => ws.close(),
  };
}

test("Run past the runs one address may have says why in the console, and runs once one of them stops", async ({ page, request, baseURL }) => {
  const held = await holdTwoRuns(baseURL!);
  try {
    const res = await request.post("/api/shares", { data: { files: { "main.ts": FOREVER } } });
    const { url } = (await res.json()) as { url: string };
    await page.goto(url);
    await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();

    await page.getByRole("button", { name: "Run", exact: true }).click();
    const consoleLog = page.getByRole("log", { name: "Console output" });
    await expect(consoleLog.locator('[data-stream="error"]')).toContainText("Your network address already has 2 runs going");
    await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "failed");
    await page.screenshot({ path: "test-results/run-share-refused.png" });

    await held.stop("held-1");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(consoleLog).toContainText("holding a run");
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await expect(page.locator("[data-run-status]")).toHaveText("Stopped");
  } finally {
    held.close();
  }
});
