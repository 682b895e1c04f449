import { expect, test, type Page } from "@playwright/test";
import { graphSettled, runFinished } from "./support/views.js";

// A message lost on real sockets shows a marker at the socket where it was lost, with the reason; a program that
// loses nothing shows none. The server judges drops from the trace when the run ends (message/drop events).

const HEAD = `import * as zmq from "zeromq";\nconst pause = (ms: number) => new Promise((r) => setTimeout(r, ms));\n`;

/** A ROUTER that replies once to a routing id nobody has (lost: no route), then to its real peer. */
const NO_ROUTE = `${HEAD}const router = new zmq.Router({ linger: 0 });
await router.bind("inproc://svc");
const dealer = new zmq.Dealer({ linger: 0, routingId: "a" });
dealer.connect("inproc://svc");
await dealer.send("hi");
const [id] = await router.receive();
await router.send(["nobody", "lost"]);
await router.send([id, "ok"]);
console.log("dealer got", String(await dealer.receive()));
router.close(); dealer.close();
`;

/** A SUB subscribed to "weather" while "sports" is published twice (lost: filtered), then "weather" once. */
const FILTERED = `${HEAD}const news = new zmq.Publisher({ linger: 0 });
await news.bind("inproc://news");
const reader = new zmq.Subscriber({ linger: 0 });
reader.connect("inproc://news");
reader.subscribe("weather");
await pause(50);
for (const m of ["sports 1", "sports 2", "weather 1"]) await news.send(m);
console.log("reader got", String(await reader.receive()));
news.close(); reader.close();
`;

/** Both done right: the ROUTER answers the identity it received, the SUB subscribes to all it is sent. */
const NOTHING_LOST = `${HEAD}const router = new zmq.Router({ linger: 0 });
await router.bind("inproc://svc");
const dealer = new zmq.Dealer({ linger: 0 });
dealer.connect("inproc://svc");
await dealer.send("hi");
const [id] = await router.receive();
await router.send([id, "ok"]);
console.log("dealer got", String(await dealer.receive()));
const news = new zmq.Publisher({ linger: 0 });
await news.bind("inproc://news");
const reader = new zmq.Subscriber({ linger: 0 });
reader.connect("inproc://news");
reader.subscribe("sports", "weather");
await pause(50);
for (const m of ["sports 1", "sports 2", "weather 1"]) await news.send(m);
for (let i = 0; i < 3; i++) console.log("reader got", String(await reader.receive()));
for (const s of [router, dealer, news, reader]) s.close();
`;

async function run(page: Page, code: string): Promise<void> {
  const res = await page.request.post("/api/shares", { data: { files: { "main.ts": code } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await runFinished(page);
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
}

/** The marker stands beside the node it names: their screen boxes are no further apart than a node is wide. */
async function expectBeside(page: Page, socketId: string): Promise<void> {
  const node = await page.locator(`g.node[data-socket-id="${socketId}"] path.shape`).boundingBox();
  const marker = await page.locator(`.drop-marker[data-socket="${socketId}"] path`).boundingBox();
  expect(node && marker).toBeTruthy();
  if (!node || !marker) return;
  const gap = Math.hypot(node.x + node.width / 2 - (marker.x + marker.width / 2), node.y + node.height / 2 - (marker.y + marker.height / 2));
  expect(gap).toBeLessThan(2 * node.width);
}

test.use({ viewport: { width: 1280, height: 720 } });

test("a ROUTER's reply to an unknown routing id shows a 'no route' marker at the ROUTER", async ({ page }) => {
  await run(page, NO_ROUTE);
  const router = page.locator('g.node[data-kind="ROUTER"]');
  const id = (await router.getAttribute("data-socket-id")) as string;
  const marker = page.locator(".drop-marker");
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveAttribute("data-socket", id);
  await expect(marker).toHaveAttribute("data-drop-reason", "no-route");
  await expect(marker.locator("text")).toHaveText("1 no route");
  await expect(marker).toHaveAttribute("aria-label", /^1 lost at /);
  await graphSettled(page);
  await expectBeside(page, id);
});

test("a SUB whose subscription matches nothing sent shows a 'filtered' marker at the SUB", async ({ page }) => {
  await run(page, FILTERED);
  const reader = page.locator('g.node[data-kind="SUB"]');
  const id = (await reader.getAttribute("data-socket-id")) as string;
  const marker = page.locator(".drop-marker");
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveAttribute("data-socket", id);
  await expect(marker).toHaveAttribute("data-drop-reason", "filtered");
  await expect(marker.locator("text")).toHaveText("2 filtered");
  await graphSettled(page);
  await expectBeside(page, id);
});

test("a program that loses nothing shows no drop marker", async ({ page }) => {
  await run(page, NOTHING_LOST);
  await expect(page.getByRole("log", { name: "Console output" })).toContainText("reader got weather 1");
  await expect(page.locator("g.node[data-socket-id]:not(.unplaced)")).toHaveCount(4);
  await graphSettled(page);
  await expect(page.locator(".drop-marker")).toHaveCount(0);
});
