import { expect, test } from "@playwright/test";

// Five messages, then the run ends: a short trace to step through.
const FIVE = `import * as zmq from "zeromq";

const pull = new zmq.Pull();
await pull.bind("inproc://work");
const push = new zmq.Push();
push.connect("inproc://work");
for (let i = 0; i < 5; i++) {
  await push.send("task " + i);
  await pull.receive();
}
push.close();
pull.close();
`;

// Keeps sending every 100 ms for a few seconds, so there is a live run to pause.
const TICKER = `import * as zmq from "zeromq";

const pull = new zmq.Pull();
await pull.bind("inproc://tick");
const push = new zmq.Push();
push.connect("inproc://tick");
for (let i = 0; i < 80; i++) {
  await push.send("tick " + i);
  await pull.receive();
  await new Promise((r) => setTimeout(r, 100));
}
push.close();
pull.close();
`;

async function open(page: import("@playwright/test").Page, request: import("@playwright/test").APIRequestContext, main: string) {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": main } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
}

test("pausing freezes the live view and Live catches up", async ({ page, request }) => {
  await open(page, request, TICKER);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const count = page.getByRole("region", { name: "Messages" }).locator(".count");
  await expect.poll(async () => Number(await count.textContent())).toBeGreaterThan(4);

  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "running");
  await timeline.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(timeline).toHaveAttribute("data-timeline-paused", "true");
  const frozen = Number(await count.textContent());
  // The run goes on underneath ("Event N of TOTAL" grows) while the view, and its message count, stay put.
  const where = timeline.locator("[data-timeline-position]");
  const totalNow = async () => Number(/of (\d+)/.exec((await where.textContent()) ?? "")?.[1] ?? 0);
  const atPause = await totalNow();
  await expect.poll(totalNow).toBeGreaterThan(atPause + 4);
  expect(Number(await count.textContent())).toBe(frozen);

  await timeline.getByRole("button", { name: "Go live" }).click();
  await expect(timeline).toHaveAttribute("data-timeline-live", "true");
  await expect.poll(async () => Number(await count.textContent())).toBeGreaterThan(frozen);
});

test("scrubbing and stepping show the graph, log and inspector at that moment", async ({ page, request }) => {
  test.setTimeout(120_000); // many small steps; slow on a loaded two-core machine
  await open(page, request, FIVE);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
  const timeline = page.getByRole("region", { name: "Timeline" });
  const slider = timeline.getByRole("slider", { name: "Trace position" });
  const total = Number(await slider.getAttribute("max"));
  const count = page.getByRole("region", { name: "Messages" }).locator(".count");
  await expect(count).toHaveText("10");

  await slider.focus();
  await page.keyboard.press("Home");
  await expect(timeline.locator("[data-timeline-position]")).toHaveAttribute("data-timeline-position", "0");
  await expect(page.locator("[data-socket-id]")).toHaveCount(0);

  // → steps one event at a time while the slider has focus; the PULL opens first, then binds.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(timeline).toHaveAttribute("data-timeline-paused", "true");
  await expect(timeline.locator("[data-timeline-position]")).toHaveAttribute("data-timeline-position", "3");
  await expect(page.locator('[data-kind="PULL"]')).toHaveCount(1);
  await expect(timeline.locator(".timeline-event")).not.toHaveText("");

  await slider.fill(String(Math.floor(total / 2)));
  await expect.poll(async () => Number(await count.textContent())).toBeLessThan(10);
  await expect.poll(async () => Number(await count.textContent())).toBeGreaterThan(0);

  await timeline.getByRole("button", { name: "Next event" }).click();
  await expect(timeline.locator("[data-timeline-position]")).toHaveAttribute("data-timeline-position", String(Math.floor(total / 2) + 1));
  await timeline.getByRole("button", { name: "Previous event" }).click();
  await timeline.getByRole("button", { name: "Previous event" }).click();
  await expect(timeline.locator("[data-timeline-position]")).toHaveAttribute("data-timeline-position", String(Math.floor(total / 2) - 1));

  // The inspector shows the socket as it was: fewer messages than at the end.
  const pullId = await page.locator('[data-kind="PULL"]').getAttribute("data-socket-id");
  await page.getByRole("combobox", { name: "Inspect socket" }).selectOption(pullId as string);
  await expect(page.getByRole("region", { name: "Inspector" }).locator("dd", { hasText: /^0 sent · [0-4] received/ })).toBeVisible();

  // Replay at 4× runs to the end and the view is live again.
  await timeline.getByRole("combobox", { name: "Playback speed" }).selectOption("4");
  await timeline.getByRole("button", { name: "Play" }).click();
  await expect(timeline).toHaveAttribute("data-timeline-live", "true", { timeout: 20_000 });
  await expect(count).toHaveText("10");
});
