import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { BROKER } from "./graph-programs.js";

/** Opens a one-file program as a share and runs it to its end. */
async function runToEnd(page: Page, request: APIRequestContext, main: string): Promise<void> {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": main } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 30_000 });
}

test("the inspector's socket picker names sockets as the graph does, each one distinct, without the trace's ids", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await runToEnd(page, request, BROKER);
  await expect(page.locator(".nodes g.node[data-kind]")).toHaveCount(7);

  // What the graph draws for each socket: its kind in the shape, its name below it.
  const drawn = await page.locator(".nodes g.node[data-kind]").evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute("data-socket-id") ?? "",
      kind: e.getAttribute("data-kind") ?? "",
      name: e.querySelector(".node-label")?.textContent?.trim() ?? "",
    })),
  );
  const picker = page.getByRole("combobox", { name: "Inspect socket" });
  const options = await picker
    .locator("option:not([value=''])")
    .evaluateAll((els) => els.map((e) => ({ id: (e as HTMLOptionElement).value, text: e.textContent ?? "" })));
  expect(options).toHaveLength(7);
  for (const { id, kind, name } of drawn) {
    expect(name).not.toBe("");
    expect(options.find((o) => o.id === id)?.text).toBe(`${kind} ${name} (closed)`);
  }
  expect(new Set(options.map((o) => o.text)).size).toBe(7);
  expect(options.map((o) => o.text)).toContain("REQ client #2 (closed)");
  for (const o of options) expect(o.text).not.toMatch(/\bs\d+\b/);

  // Choosing a name in the picker selects that very node in the graph.
  await picker.selectOption({ label: "REQ client #2 (closed)" });
  const chosen = drawn.find((d) => d.name === "client #2");
  await expect(page.locator(".nodes g.node.selected")).toHaveAttribute("data-socket-id", chosen?.id ?? "?");
  // The details say the same name first, with where the socket was made.
  await expect(page.getByRole("group", { name: "Inspector details" }).locator("h3")).toHaveText("REQ client #2 · main.ts:21");
  await page.screenshot({ path: "test-results/inspector-picker.png" });
});

const LONG_NAMES = `import * as zmq from "zeromq";
const replyingServiceWithAVeryLongName = new zmq.Reply();
await replyingServiceWithAVeryLongName.bind("inproc://long");
const requestingClientWithALongName = new zmq.Request();
requestingClientWithALongName.connect("inproc://long");
for (let i = 0; i < 3; i++) {
  await requestingClientWithALongName.send("ping " + i);
  await replyingServiceWithAVeryLongName.receive();
  await replyingServiceWithAVeryLongName.send("pong " + i);
  await requestingClientWithALongName.receive();
}
replyingServiceWithAVeryLongName.close();
requestingClientWithALongName.close();
`;

test("at 1024 px a long socket name in the Messages pane's filter shortens inside its header, and the filter works", async ({ page, request }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await runToEnd(page, request, LONG_NAMES);
  await page.getByRole("combobox", { name: "Inspect socket" }).selectOption({ label: "REP replyingServiceWithAVeryLongName (closed)" });

  const messages = page.getByRole("region", { name: "Messages" });
  const only = messages.getByRole("checkbox", { name: "only replyingServiceWithAVeryLongName" });
  await expect(only).toBeVisible();
  const header = (await messages.locator(".pane-header").boundingBox()) as { x: number; width: number };
  for (const part of [messages.locator(".only-socket"), messages.locator(".count"), messages.getByRole("heading", { name: "Messages" })]) {
    const box = (await part.boundingBox()) as { x: number; width: number };
    expect(box.x).toBeGreaterThanOrEqual(header.x);
    expect(box.x + box.width).toBeLessThanOrEqual(header.x + header.width);
  }
  await expect(messages.locator(".count")).toHaveText("12");

  await only.check();
  const rows = messages.locator(".message-log li:not(.log-note)");
  await expect(rows).toHaveCount(6);
  // The inspector wraps the long name instead of widening its pane past the screen.
  const details = page.getByRole("group", { name: "Inspector details" });
  await expect(details.locator("h3")).toContainText("replyingServiceWithAVeryLongName");
  // The drawn text itself (a Range covers text that overflows its box), not the boxes around it.
  const textRight = await details.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return Math.max(...[...range.getClientRects()].map((r) => r.right));
  });
  const pane = (await page.locator(".inspector-pane").boundingBox()) as { x: number; width: number };
  expect(textRight, "inspector text runs past its pane").toBeLessThanOrEqual(pane.x + pane.width);
  await page.screenshot({ path: "test-results/messages-only-1024.png" });
});
