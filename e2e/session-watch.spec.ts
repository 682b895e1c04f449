import { expect, test, type Page } from "@playwright/test";

/**
 * Connects, then sends 40 messages 250 ms apart: the presenter pauses once "connected" shows, and the run goes on
 * for 10 s more, a wide margin on a busy machine (the e2e server gives a run a minute).
 */
const TICKS = 40;
const TICKER = `import * as zmq from "zeromq";

const pull = new zmq.Pull();
await pull.bind("inproc://ticks");
const push = new zmq.Push();
push.connect("inproc://ticks");
console.log("connected");
for (let i = 1; i <= ${TICKS}; i++) {
  await push.send(\`tick \${i}\`);
  const [msg] = await pull.receive();
  console.log("got", msg.toString());
  await new Promise((resolve) => setTimeout(resolve, 250));
}
push.close();
pull.close();
`;
const ALL_MESSAGES = 2 * TICKS;

const messageCount = async (page: Page) => Number(await page.getByRole("region", { name: "Messages" }).locator(".count").textContent());
/** The count once two looks in a row agree: the spectator applies the presenter's pause moment right after the banner. */
async function settledCount(page: Page): Promise<number> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await messageCount(page);
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [400] },
    )
    .toBe(true);
  return last;
}
const socketIds = (page: Page) =>
  page.locator("[data-socket-id]").evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute("data-socket-id")}:${n.getAttribute("data-kind")}`).sort());

test("a spectator joins by code, watches the presenter's run live, and pauses when the presenter pauses", async ({ browser, baseURL, request }) => {
  test.setTimeout(180_000); // a 10 s run watched by three pages; slow on a loaded two-core machine
  const share = await request.post("/api/shares", { data: { files: { "main.ts": TICKER } } });
  const { url } = (await share.json()) as { url: string };
  const presenter = await (await browser.newContext({ baseURL })).newPage();
  const spectator = await (await browser.newContext({ baseURL })).newPage();

  // The presenter opens a session: a big join code, the link, and nobody watching yet.
  await presenter.goto(url);
  await expect(presenter.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await presenter.getByRole("button", { name: "Start a class", exact: true }).click();
  const panel = presenter.getByRole("region", { name: "Classroom session" });
  const code = await panel.locator("[data-join-code]").getAttribute("data-join-code");
  expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
  await expect(panel.getByRole("textbox", { name: "Session link" })).toHaveValue(new RegExp(`/watch/${code}$`));
  await expect(panel.getByText("Nobody is watching yet.")).toBeVisible();

  // The spectator types the code on the "Join a class" screen.
  await spectator.goto("/");
  await spectator.getByRole("button", { name: "Join a class" }).click();
  await spectator.getByRole("textbox", { name: "Join code" }).fill(code as string);
  await spectator.getByRole("button", { name: "Watch" }).click();
  await expect(spectator).toHaveURL(new RegExp(`/watch/${code}$`));
  await expect(spectator.getByRole("status").filter({ hasText: "Waiting for the presenter to run a program" })).toBeVisible();
  await expect(panel.getByText("1 watching")).toBeVisible();

  // The presenter runs and pauses as soon as the sockets are connected; the spectator's view pauses at the same
  // moment and stays put while the run goes on.
  // Ctrl+Enter runs without a click outside the panel, which would fold it away.
  await presenter.keyboard.press("Control+Enter");
  await expect(presenter.getByRole("log", { name: "Console output" })).toContainText("connected");
  await panel.getByRole("button", { name: "Pause for the class" }).press("Enter");
  await expect(spectator.getByText("Paused by the presenter")).toBeVisible();
  const atPause = await settledCount(spectator);

  // Meanwhile the spectator sees the presenter's code and the same sockets.
  await expect(spectator.locator('[data-kind="PUSH"]')).toHaveCount(1);
  await expect(spectator.locator('[data-kind="PULL"]')).toHaveCount(1);
  await expect(spectator.locator("[data-edge]")).toHaveCount(1);
  expect(await socketIds(spectator)).toEqual(await socketIds(presenter));
  await expect(spectator.locator(".view-line", { hasText: "tick" }).first()).toBeVisible();

  await expect(presenter.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 60_000 });
  // The spectator has every event of the run (its status says how the run ended), yet its paused view stays put.
  await expect(spectator.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 30_000 });
  expect(await messageCount(spectator)).toBe(atPause);
  expect(atPause).toBeLessThan(ALL_MESSAGES);
  await expect(spectator.getByRole("log", { name: "Console output" })).not.toContainText(`got tick ${TICKS}`);
  await spectator.screenshot({ path: "test-results/session-spectator-paused.png" });

  // Resume: the spectator catches up with every message that happened meanwhile, as the presenter does.
  await panel.getByRole("button", { name: "Resume for the class" }).click();
  await expect(spectator.getByText("Paused by the presenter")).toHaveCount(0);
  await expect.poll(() => messageCount(spectator), { timeout: 30_000 }).toBe(ALL_MESSAGES);
  await expect.poll(() => messageCount(presenter)).toBe(ALL_MESSAGES);
  await expect(spectator.getByRole("log", { name: "Console output" })).toContainText(`got tick ${TICKS}`);

  // A late joiner gets the whole trace so far.
  const late = await (await browser.newContext({ baseURL })).newPage();
  await late.goto(`/watch/${code}`);
  await expect(late.locator('[data-kind="PUSH"]')).toHaveCount(1);
  await expect.poll(() => messageCount(late)).toBe(ALL_MESSAGES);
  await expect(panel.getByText("2 watching")).toBeVisible();
  await presenter.screenshot({ path: "test-results/session-presenter.png" });

  // The presenter ends the session; spectators are told so.
  await panel.getByRole("button", { name: "End session" }).click();
  await expect(spectator.locator("[data-session-ended]")).toContainText("The session has ended.");
  await expect(spectator.getByRole("banner").getByRole("status")).toHaveText("Session ended");
  await expect(presenter.getByRole("button", { name: "Start a class", exact: true })).toBeVisible();
});

test("joining with a code no session has says so", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Join a class" }).click();
  await expect(page.getByRole("textbox", { name: "Join code" })).toBeFocused();
  await page.getByRole("textbox", { name: "Join code" }).fill("ZZZ999");
  await page.getByRole("button", { name: "Watch" }).click();
  await expect(page.getByRole("dialog", { name: "Join a class" }).getByRole("alert")).toContainText("No session has the code ZZZ999");

  // Opening the link of an unknown code gives one clear sentence, not "ended" beside "Connecting…".
  await page.goto("/watch/ZZZ999");
  await expect(page.locator("[data-session-ended]")).toHaveText("No session has the code ZZZ999. Check the code on the presenter's screen.");
  await expect(page.getByText("Connecting to the server")).toHaveCount(0);
  await expect(page.getByText("The session has ended")).toHaveCount(0);
  await expect(page.getByText("Watching class")).toHaveCount(0);
  await expect(page.locator(".watch-title")).toHaveText("Class ZZZ999");
  await expect(page.getByRole("textbox", { name: "Join code" })).toBeVisible();
});
