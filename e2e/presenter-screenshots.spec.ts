import { mkdirSync } from "node:fs";
import { graphSettled } from "./support/views.js";
import { expect, test } from "@playwright/test";

// A busy topology for the screenshots: a queue device, a worker thread, two clients and a connect nobody answers.
const MAIN = `import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";
import { device } from "zmq-devices";

const frontend = new zmq.Router();
const backend = new zmq.Dealer();
await frontend.bind("inproc://front");
await backend.bind("inproc://back");
const queue = device("queue", frontend, backend);

const worker = new Worker(new URL("./worker.js", import.meta.url));
const finished = new Promise((resolve) => worker.once("exit", resolve));
const rep = new zmq.Reply({ receiveTimeout: 1500 });
rep.connect("inproc://back");
const serving = (async () => {
  try { for (;;) { const [m] = await rep.receive(); await rep.send("done: " + m); } } catch { rep.close(); }
})();

const clients = [0, 1].map(() => {
  const client = new zmq.Request({ receiveTimeout: 1500 });
  client.connect("inproc://front");
  return client;
});
const lonely = new zmq.Push({ linger: 0 });
lonely.connect("tcp://127.0.0.1:7999");

const until = Date.now() + 7000;
for (let n = 0; Date.now() < until; n++) {
  await Promise.all(clients.map(async (c, i) => { await c.send("job " + n + " from client " + i); await c.receive(); }));
  await new Promise((r) => setTimeout(r, 25));
}
for (const c of clients) c.close();
lonely.close();
await serving;
await finished;
frontend.close();
await queue;
`;

const WORKER = `import * as zmq from "zeromq";

const rep = new zmq.Reply({ receiveTimeout: 1500 });
rep.connect("inproc://back");
try {
  for (;;) { const [m] = await rep.receive(); await rep.send("done in a thread: " + m); }
} catch { /* no more work */ }
rep.close();
`;

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];
const DIR = "test-results/screens";

for (const viewport of VIEWPORTS) {
  for (const theme of ["light", "dark"] as const) {
    test(`screenshots at ${viewport.width}x${viewport.height}, ${theme} theme`, async ({ page, request }) => {
      mkdirSync(DIR, { recursive: true });
      await page.setViewportSize(viewport);
      const res = await request.post("/api/shares", { data: { files: { "main.ts": MAIN, "worker.ts": WORKER } } });
      await page.goto("/");
      await page.evaluate((dark) => localStorage.setItem("zmq-workbench.dark", JSON.stringify(dark)), theme === "dark");
      await page.goto(((await res.json()) as { url: string }).url);
      await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await expect(page.locator('[data-kind="REQ"]')).toHaveCount(2);
      const routerMessage = page
        .getByRole("region", { name: "Messages" })
        .getByRole("button", { name: /^frontend received from/ })
        .first();
      await expect(routerMessage).toBeVisible({ timeout: 20_000 });
      await graphSettled(page);
      await routerMessage.click();
      const name = `${viewport.width}x${viewport.height}-${theme}`;
      await page.screenshot({ path: `${DIR}/main-${name}.png` });

      await page.locator("body").click({ position: { x: 2, y: 2 } });
      await page.keyboard.press("p");
      await expect(page.getByRole("region", { name: "Presenter mode" })).toBeVisible();
      await graphSettled(page);
      await page.screenshot({ path: `${DIR}/presenter-${name}.png` });
      await page.keyboard.press("Escape");
      await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 20_000 });
      await page.getByRole("region", { name: "Timeline" }).getByRole("button", { name: "Previous event" }).click();
      await expect(page.getByRole("region", { name: "Timeline" })).toHaveAttribute("data-timeline-live", "false");
      await graphSettled(page);
      await page.screenshot({ path: `${DIR}/paused-${name}.png` });
    });
  }
}
