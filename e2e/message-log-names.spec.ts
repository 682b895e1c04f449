import { expect, test } from "@playwright/test";

// More message events than the trace keeps in full (5,000), between sockets the program names.
const BUSY = `import * as zmq from "zeromq";

const sink = new zmq.Pull();
await sink.bind("inproc://work");
const source = new zmq.Push();
source.connect("inproc://work");
for (let i = 0; i < 2600; i++) {
  await source.send("task " + i);
  await sink.receive();
}
source.close();
sink.close();
`;

test("the message log names both ends by their variables and notes where sampling starts", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const res = await request.post("/api/shares", { data: { files: { "main.ts": BUSY } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 30_000 });
  const log = page.getByRole("region", { name: "Messages" });
  await expect(log.getByRole("button", { name: /^sink received from source task/ }).first()).toBeVisible();
  await expect(log.locator('[data-trace-note="sampling-started"]')).toContainText("Message sampling starts here");
  await page.screenshot({ path: "test-results/message-log-names.png" });
});
