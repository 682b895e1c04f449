import { expect, test } from "@playwright/test";
import { graphSettled } from "./support/views.js";

// One PUB bound on a wildcard port, two SUBs over tcp and inproc, and a PUSH whose endpoint nobody binds.
const PROGRAM = `import * as zmq from "zeromq";

const pub = new zmq.Publisher();
await pub.bind("tcp://*:*");
const port = pub.lastEndpoint!.split(":").pop();
await pub.bind("inproc://news");

const tcpSub = new zmq.Subscriber();
tcpSub.connect(\`tcp://127.0.0.1:\${port}\`);
tcpSub.subscribe("");
const inprocSub = new zmq.Subscriber();
inprocSub.connect("inproc://news");
inprocSub.subscribe("");

const lonely = new zmq.Push();
lonely.connect("tcp://127.0.0.1:7999");

// Subscriptions reach the PUB a little later (the slow joiner), so publish until both have heard it.
let heard = false;
const publishing = (async () => {
  while (!heard) {
    await pub.send("headline");
    await new Promise((r) => setTimeout(r, 50));
  }
})();
const [a] = await tcpSub.receive();
const [b] = await inprocSub.receive();
heard = true;
await publishing;
console.log("tcp got " + a + ", inproc got " + b);
for (const s of [pub, tcpSub, inprocSub, lonely]) s.close();
`;

test("draws wildcard tcp, inproc and dangling connections", async ({ page, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": PROGRAM } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();

  await expect(page.getByRole("log", { name: "Console output" })).toContainText("tcp got headline, inproc got headline");
  await expect(page.locator('[data-kind="PUB"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="SUB"]')).toHaveCount(2);
  await expect(page.locator('[data-kind="PUSH"]')).toHaveCount(1);

  const pub = await page.locator('[data-kind="PUB"]').getAttribute("data-socket-id");
  const subs = await page.locator('[data-kind="SUB"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-socket-id")));
  for (const sub of subs) await expect(page.locator(`[data-edge="${sub}->${pub}"]`)).toHaveCount(1);
  const push = await page.locator('[data-kind="PUSH"]').getAttribute("data-socket-id");
  await expect(page.locator(`[data-edge="${push}->?tcp://127.0.0.1:7999"]`)).toHaveCount(1);

  await graphSettled(page);
  await page.screenshot({ path: "test-results/topology.png" });
});
