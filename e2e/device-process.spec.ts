import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";

// A queue device in a child process between a client and a worker of the main thread.
const PROGRAM = `import * as zmq from "zeromq";
import { ProcessDevice } from "zmq-devices";

const device = new ProcessDevice("queue", "ROUTER", "DEALER");
device.bindIn("tcp://127.0.0.1:5570");
device.bindOut("tcp://127.0.0.1:5571");
await device.start();

const worker = new zmq.Reply();
worker.connect("tcp://127.0.0.1:5571");
const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5570");

for (let i = 1; i <= 20; i++) {
  await client.send("job " + i);
  const [job] = await worker.receive();
  await worker.send("done: " + job);
  console.log(String((await client.receive())[0]));
  await new Promise((r) => setTimeout(r, 100));
}
client.close();
worker.close();
await device.stop();
`;

test("a device in a child process shows as a process box holding the device and its sockets, linked to the program", async ({ page, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": PROGRAM } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();

  await expect(page.getByRole("log", { name: "Console output" })).toContainText("done: job 3");
  const router = page.locator('[data-kind="ROUTER"]');
  const dealer = page.locator('[data-kind="DEALER"]');
  await expect(router).toHaveCount(1);
  await expect(dealer).toHaveCount(1);
  const routerId = await router.getAttribute("data-socket-id");
  const dealerId = await dealer.getAttribute("data-socket-id");
  const clientId = await page.locator('[data-kind="REQ"]').getAttribute("data-socket-id");
  const workerId = await page.locator('[data-kind="REP"]').getAttribute("data-socket-id");
  expect(routerId).toMatch(/^p\d+\.s\d+$/);
  await expect(page.locator(`[data-edge="${clientId}->${routerId}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-edge="${workerId}->${dealerId}"]`)).toHaveCount(1);

  const graph = page.getByRole("region", { name: "Sockets" });
  await expect(graph.locator(".group-thread .group-label", { hasText: /^process \d+$/ })).toHaveCount(1);
  await expect(graph.locator(".group-thread .group-label", { hasText: "main thread" })).toHaveCount(1);
  await expect(graph.locator(".group-device .group-label", { hasText: "queue (process)" })).toHaveCount(1);
  // The text alternative says the same: where each socket runs, and which sockets the device owns.
  const text = graph.locator(".visually-hidden");
  await expect(text).toContainText(new RegExp(`\\(${routerId!.replace(".", "\\.")}, process \\d+\\)`));
  await expect(text).toContainText(`queue (process) (`);
  await expect(text).toContainText(`sockets ${routerId}, ${dealerId}`);
  mkdirSync("test-results/screens", { recursive: true });
  await page.screenshot({ path: "test-results/screens/device-process.png" });
});
