import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { applyTheme, graphSettled } from "./support/views.js";

// Every socket kind's name lies inside its shape, in normal and in presenter mode's larger type, replicas included.
const DIR = process.env.SHOTS_DIR ?? "test-results/graph-shots";

const EVERY_KIND = `import * as zmq from "zeromq";

const router = new zmq.Router();
await router.bind("inproc://router");
const dealers = Array.from({ length: 4 }, () => { const d = new zmq.Dealer(); d.connect("inproc://router"); return d; });
const rep = new zmq.Reply();
await rep.bind("inproc://rep");
const req = new zmq.Request();
req.connect("inproc://rep");
const xpub = new zmq.XPublisher();
await xpub.bind("inproc://xpub");
const xsub = new zmq.XSubscriber();
xsub.connect("inproc://xpub");
const pub = new zmq.Publisher();
await pub.bind("inproc://pub");
const sub = new zmq.Subscriber();
sub.connect("inproc://pub");
const push = new zmq.Push();
await push.bind("inproc://push");
const pull = new zmq.Pull();
pull.connect("inproc://push");
const left = new zmq.Pair();
await left.bind("inproc://pair");
const right = new zmq.Pair();
right.connect("inproc://pair");
await new Promise((r) => setTimeout(r, 500));
for (const s of [router, ...dealers, rep, req, xpub, xsub, pub, sub, push, pull, left, right]) s.close();
`;

/** Kinds whose text box (its four corners) is not inside the node's drawn shape. */
async function kindsOutsideTheirShapes(page: Page): Promise<string[]> {
  return page.locator("g.node[data-kind]:not(.unplaced)").evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      const text = node.querySelector(".node-kind") as SVGTextElement;
      const shape = node.querySelector("path.shape") as SVGPathElement;
      const b = text.getBBox();
      const corners = [
        [b.x, b.y],
        [b.x + b.width, b.y],
        [b.x, b.y + b.height],
        [b.x + b.width, b.y + b.height],
      ];
      const inside = b.width > 0 && corners.every(([x, y]) => shape.isPointInFill(new DOMPoint(x, y)));
      return inside
        ? []
        : [`${node.getAttribute("data-kind")}${node.classList.contains("compact") ? " (replica)" : ""}: ${b.width.toFixed(1)}×${b.height.toFixed(1)}`];
    }),
  );
}

for (const [viewport, theme] of [
  [{ width: 1280, height: 720 }, "light"],
  [{ width: 1440, height: 900 }, "dark"],
] as const) {
  const size = `${viewport.width}x${viewport.height}-${theme}`;
  test(`at ${size} every kind's name fits inside its shape, in normal and presenter mode`, async ({ page, request }) => {
    mkdirSync(DIR, { recursive: true });
    await page.setViewportSize(viewport);
    await applyTheme(page, theme);
    const res = await request.post("/api/shares", { data: { files: { "main.ts": EVERY_KIND } } });
    await page.goto(((await res.json()) as { url: string }).url);
    await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 30_000 });
    await expect(page.locator("g.node[data-kind]:not(.unplaced)")).toHaveCount(15);
    await expect(page.locator("g.node.compact[data-kind='DEALER']")).toHaveCount(4);
    await graphSettled(page);
    expect(await kindsOutsideTheirShapes(page)).toEqual([]);
    await page.screenshot({ path: `${DIR}/kinds-${size}.png` });

    await page.locator("body").click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("p");
    await expect(page.getByRole("region", { name: "Presenter mode" })).toBeVisible();
    await graphSettled(page);
    const kindPx = await page.locator('[data-kind="ROUTER"] .node-kind').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(kindPx).toBeGreaterThanOrEqual(20);
    expect(await kindsOutsideTheirShapes(page)).toEqual([]);
    await page.screenshot({ path: `${DIR}/kinds-presenter-${size}.png` });
  });
}
