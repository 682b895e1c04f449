import { expect, test, type Page } from "@playwright/test";
import { BROKER, SIXTY } from "./graph-programs.js";
import { graphSettled } from "./support/views.js";

/** Names of 60 sockets at 1280×720 after Fit to view are at least this high on screen (CSS px). */
const MIN_LABEL_PX_SIXTY = 6;

type Box = { x: number; y: number; width: number; height: number };
const centreX = (b: Box) => b.x + b.width / 2;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

async function runShared(page: Page, files: Record<string, string>) {
  const res = await page.request.post("/api/shares", { data: { files } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

/** Boxes of every node's shape, keyed by socket id, once the layout has placed them all. */
async function shapeBoxes(page: Page, selector: string): Promise<Box[]> {
  const nodes = page.locator(`${selector}:not(.unplaced) path.shape`);
  return (await nodes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) as Box[];
}

/** Every caption and edge label drawn, as screen boxes; empty texts take no room. */
async function labelBoxes(page: Page): Promise<Array<Box & { text: string }>> {
  return page
    .locator(".graph-svg")
    .evaluate((svg) =>
      [...svg.querySelectorAll(".nodes text, .edge-status, .group-label")]
        .filter((t) => (t.textContent ?? "").trim() !== "" && !t.closest(".measure-probe") && (t as SVGGraphicsElement).getBBox().width > 0)
        .map((t) => ({ ...t.getBoundingClientRect().toJSON(), text: t.textContent ?? "" })),
    );
}

/** How high each node's name is drawn on screen, in CSS px: its font size times the view's zoom. */
async function labelPixels(page: Page): Promise<number[]> {
  return page.locator(".nodes .node-label").evaluateAll((els) =>
    els.map((e) => {
      const scale = (e as SVGGraphicsElement).getScreenCTM()?.a ?? 0;
      return Number.parseFloat(getComputedStyle(e).fontSize) * scale;
    }),
  );
}

/** Both ends, on screen, of every edge line drawn (member edges of a block draw none of their own). */
async function lineEnds(page: Page): Promise<Array<{ x: number; y: number }>> {
  return page.locator(".edges path.route").evaluateAll((paths) =>
    (paths as SVGPathElement[])
      .filter((p) => p.getBoundingClientRect().width + p.getBoundingClientRect().height > 0)
      .flatMap((p) =>
        [0, p.getTotalLength()].map((at) => new DOMPoint(p.getPointAtLength(at).x, p.getPointAtLength(at).y).matrixTransform(p.getScreenCTM() as DOMMatrix)),
      )
      .map((p) => ({ x: p.x, y: p.y })),
  );
}

function expectApart(labels: Array<Box & { text: string }>): void {
  const overlapping: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i], labels[j])) overlapping.push(`"${labels[i].text}" and "${labels[j].text}"`);
  }
  expect(overlapping).toEqual([]);
}

test("a broker with 2 clients and 3 workers reads left to right, labels legible and apart, and one request is followed through it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await runShared(page, { "main.ts": BROKER });
  await expect(page.getByRole("log", { name: "Console output" })).toContainText("job 3 from client 2 done by worker", { timeout: 30_000 });
  await expect(page.locator("g.node[data-kind]:not(.unplaced)")).toHaveCount(7);
  await expect(page.locator('[data-kind="REQ"]')).toHaveCount(2);
  await expect(page.locator('[data-kind="REP"]')).toHaveCount(3);
  // Names from the variables, made distinct where several sockets share a line; the site stays as detail.
  await expect(page.locator('[data-kind="ROUTER"] .node-label')).toHaveText("frontend");
  await expect(page.locator('[data-kind="DEALER"] .node-label')).toHaveText("backend");
  await expect(page.locator('[data-kind="ROUTER"] .node-counters')).toContainText("main.ts:3");
  const names = await page.locator(".nodes .node-label").allTextContents();
  expect(new Set(names).size).toBe(7);
  expect(names.filter((n) => /client/.test(n))).toHaveLength(2);
  expect(names.filter((n) => /worker/.test(n))).toHaveLength(3);
  await expect(page.locator(".graph-svg")).toHaveAttribute("data-layout", "7");

  // Layered: every client left of the broker, every worker right of it.
  const [router] = await shapeBoxes(page, '[data-kind="ROUTER"]');
  const [dealer] = await shapeBoxes(page, '[data-kind="DEALER"]');
  for (const c of await shapeBoxes(page, '[data-kind="REQ"]')) expect(centreX(c)).toBeLessThan(Math.min(router.x, dealer.x));
  for (const w of await shapeBoxes(page, '[data-kind="REP"]')) expect(centreX(w)).toBeGreaterThan(Math.max(router.x + router.width, dealer.x + dealer.width));

  // Labels never overlap one another, and names are at least 12 px high on screen at 1280×720.
  const labels = await labelBoxes(page);
  expect(labels.length).toBeGreaterThanOrEqual(14);
  expectApart(labels);
  const sizes = await labelPixels(page);
  expect(sizes).toHaveLength(7);
  for (const px of sizes) expect(px).toBeGreaterThanOrEqual(12);

  // Follow the first request: client → frontend, backend → worker, worker → backend, frontend → client.
  await page
    .getByRole("region", { name: "Messages" })
    .getByRole("button", { name: /sent job 0 from client 1$/ })
    .click();
  const hops = page.locator(".follow-hop");
  await expect(hops).toHaveCount(4);
  const path = await hops.evaluateAll((els) => els.map((e) => [e.getAttribute("data-hop"), e.getAttribute("data-from"), e.getAttribute("data-to")]));
  const kindOf = async (id: string | null) => page.locator(`[data-socket-id="${id}"]`).getAttribute("data-kind");
  expect(path.map((h) => h[0])).toEqual(["1", "2", "3", "4"]);
  expect(await Promise.all(path.map(async ([, from, to]) => `${await kindOf(from)}→${await kindOf(to)}`))).toEqual([
    "REQ→ROUTER",
    "DEALER→REP",
    "REP→DEALER",
    "ROUTER→REQ",
  ]);
  expect(path[0][1]).toBe(path[3][2]);
  expect(path[1][2]).toBe(path[2][1]);
  await expect(page.locator("g.edge.followed")).toHaveCount(2);
  const panel = page.getByRole("region", { name: "Followed message" });
  await expect(panel.locator("li")).toHaveCount(4);

  // The path's panel docks below the drawing: every node, captions included, stays in the room above it, uncovered.
  await graphSettled(page);
  const panelBox = (await panel.boundingBox()) as Box;
  const host = (await page.locator(".graph-host").boundingBox()) as Box;
  const nodeBoxes = (await page
    .locator(".nodes g.node[data-kind]:not(.unplaced)")
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) as Box[];
  expect(nodeBoxes).toHaveLength(7);
  for (const b of nodeBoxes) {
    expect(overlap(b, panelBox), "the message path covers a node").toBe(false);
    expect(
      b.x >= host.x - 1 && b.y >= host.y - 1 && b.x + b.width <= host.x + host.width + 1 && b.y + b.height <= host.y + host.height + 1,
      "a node outside the graph's room",
    ).toBe(true);
  }

  // Stepping along it moves the timeline to each hop's moment, in order.
  await panel.locator("li").nth(1).getByRole("button").click();
  await expect(panel.locator('li[aria-current="step"]')).toHaveAttribute("data-hop", "2");
  await panel.getByRole("button", { name: "Next hop" }).click();
  await expect(panel.locator('li[aria-current="step"]')).toHaveAttribute("data-hop", "3");
  await page.screenshot({ path: "test-results/graph-broker.png" });
});

test("60 sockets fit the pane after Fit to view at 1280×720, replicas packed in blocks, names legible and apart", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await runShared(page, { "main.ts": SIXTY(6) });
  await expect(page.locator(".graph-svg")).toHaveAttribute("data-layout", "60", { timeout: 45_000 });
  await page.getByRole("button", { name: "Fit to view" }).click();
  const pane = (await page.locator(".graph-host").boundingBox()) as Box;
  const boxes = await page.locator(".nodes g.node:not(.unplaced)").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  expect(boxes).toHaveLength(60);
  for (const b of boxes as Box[]) {
    expect(b.x).toBeGreaterThanOrEqual(pane.x - 1);
    expect(b.y).toBeGreaterThanOrEqual(pane.y - 1);
    expect(b.x + b.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
    expect(b.y + b.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
  }
  // The pools of 20 clients, 20 workers, 7 readers and 9 feeders are blocks of compact nodes, not columns.
  await expect(page.locator(".group-replicas")).toHaveCount(4);
  await expect(page.locator(".group-replicas .group-label")).toContainText(["20 × REP", "20 × REQ", "7 × SUB", "9 × PUSH"]);
  // Each block meets its peer with one line that counts the edges it stands for, not a fan of lines to its members.
  const counts = await page.locator("g.edge-bundle .edge-status").allTextContents();
  expect(counts.map((c) => c.split(" ")[0]).sort()).toEqual(["×20", "×20", "×7", "×9"]);
  const blocks = (await page.locator(".group-replicas rect").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) as Box[];
  const ends = await lineEnds(page);
  expect(ends).toHaveLength(8); // four lines, one per block
  for (const p of ends) for (const b of blocks) expect(p.x > b.x + 3 && p.x < b.x + b.width - 3 && p.y > b.y + 3 && p.y < b.y + b.height - 3).toBe(false);
  // Every socket keeps its name (drawn, or in its accessible name where a block is drawn bare); every name drawn is legible.
  const spoken = await page.locator("g.node[data-socket-id]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  expect(spoken.filter((l) => /, (c|w|s|p) #\d+/.test(l))).toHaveLength(56);
  const sizes = await labelPixels(page);
  expect(sizes.length).toBeGreaterThanOrEqual(4);
  console.log(`${sizes.length} names drawn, the smallest ${Math.min(...sizes).toFixed(1)} px on screen`);
  for (const px of sizes) expect(px).toBeGreaterThanOrEqual(MIN_LABEL_PX_SIXTY);
  expectApart(await labelBoxes(page));
  await page.screenshot({ path: "test-results/graph-sixty.png" });
});

test("killing and restarting an actor 5 times leaves no pile of closed sockets, and the graph stays in the pane", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/");
  await page.getByRole("button", { name: "Scenarios" }).click();
  await page.getByRole("combobox", { name: "Choose a scenario" }).selectOption("pipeline");
  await page.getByRole("slider", { name: "Seconds the demo runs" }).fill("151");
  await page.getByRole("slider", { name: "Workers" }).fill("2");
  await page.getByRole("button", { name: "Run scenario" }).click();
  const sinks = page.locator('[data-kind="PULL"][aria-label*="sink.ts"]');
  await expect(sinks).toHaveCount(1, { timeout: 30_000 });
  const openSink = sinks.and(page.locator(":not(.closed)"));
  for (let round = 1; round <= 5; round++) {
    const killed = await openSink.getAttribute("data-socket-id");
    await page.getByRole("button", { name: "Kill sink" }).click();
    await expect(page.locator(`[data-socket-id="${killed}"]`)).toHaveClass(/closed/);
    await page.getByRole("button", { name: "Restart sink" }).click();
    await expect(openSink).toHaveCount(1);
    expect(await openSink.getAttribute("data-socket-id")).not.toBe(killed);
  }
  // Replaced sockets fade, then fold away; the header says how many.
  await expect(sinks).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator("[data-collapsed]")).toHaveAttribute("data-collapsed", "5");
  const pane = (await page.locator(".graph-host").boundingBox()) as Box;
  await expect
    .poll(
      async () => {
        const boxes = (await page.locator(".nodes g.node:not(.unplaced)").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) as Box[];
        return (
          boxes.length > 0 &&
          boxes.every((b) => b.x >= pane.x - 1 && b.y >= pane.y - 1 && b.x + b.width <= pane.x + pane.width + 1 && b.y + b.height <= pane.y + pane.height + 1)
        );
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  await page.getByRole("button", { name: "Stop" }).click();
});
