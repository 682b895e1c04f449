import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSidewaysScroll, lesson, playground, presenter, scenario } from "./support/views.js";

// At 1024×768 (an old projector) every toolbar action is on screen or one "More" away, and nothing scrolls sideways.
test.use({ viewport: { width: 1024, height: 768 } });

const TOOLBAR_ACTIONS = ["Run", "Stop", "Scenarios", "Lessons", "Start a class", "Join a class", "Presenter mode", "Share", /^(Dark|Light) theme$/];

/** The toolbar button, wholly on screen: directly, or after opening "More". */
async function reach(page: Page, name: string | RegExp): Promise<Locator> {
  const button = page.getByRole("banner").getByRole("button", { name, exact: typeof name === "string" });
  if (!(await button.isVisible())) {
    await page.getByRole("button", { name: "More" }).click();
    await expect(page.getByRole("button", { name: "More" })).toHaveAttribute("aria-expanded", "true");
  }
  await expect(button).toBeInViewport({ ratio: 1 });
  return button;
}

async function everyActionReachable(page: Page): Promise<void> {
  for (const name of TOOLBAR_ACTIONS) {
    await reach(page, name);
    // Escape folds "More" away again, so the next action is looked for from the same start.
    if ((await page.getByRole("button", { name: "More" }).getAttribute("aria-expanded")) === "true") {
      await page.keyboard.press("Escape");
      await expect(page.getByRole("button", { name: "More" })).toHaveAttribute("aria-expanded", "false");
    }
  }
  await expectNoSidewaysScroll(page);
}

test("the playground fits 1024 px: every toolbar action reachable, no sideways scroll", async ({ page }) => {
  await playground(page);
  await everyActionReachable(page);
  // The folded actions work from the menu: Share opens its panel with the link, the theme switches.
  await (await reach(page, "Share")).click();
  await expect(page.getByRole("dialog", { name: "Share this program" }).getByRole("textbox", { name: "Share link" })).toHaveValue(/\/s\//);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Share this program" })).toBeHidden();
  await (await reach(page, "Dark theme")).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("a lesson fits 1024 px in two panes: text beside editor and output", async ({ page }) => {
  await lesson(page);
  await everyActionReachable(page);
  const text = await page.getByRole("region", { name: "Hello, REQ and REP" }).boundingBox();
  const editor = await page.getByRole("region", { name: "Editor" }).boundingBox();
  const consolePane = await page.getByRole("region", { name: "Console" }).boundingBox();
  expect(text && editor && consolePane).toBeTruthy();
  if (!text || !editor || !consolePane) return;
  // The editor is to the right of the text and above the output, wide enough for the starter's lines.
  expect(editor.x).toBeGreaterThanOrEqual(text.x + text.width);
  expect(consolePane.y).toBeGreaterThanOrEqual(editor.y + editor.height);
  expect(editor.width).toBeGreaterThan(600);
  // The check panel says what failed, and the keyboard reaches it (it scrolls when long).
  await expect(page.locator("[data-check-status]")).toHaveAttribute("tabindex", "0");
});

type Box = { x: number; y: number; width: number; height: number };
const intersect = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
const box = async (locator: Locator) => (await locator.boundingBox()) as Box;

for (const [id, title] of [
  ["hello-req-rep", "Hello, REQ and REP"],
  ["sync-subscribers", "Synchronise N subscribers"],
]) {
  test(`after a failed check of "${title}" at 1024×768 nothing overlaps: the goal in full above the check, a readable socket picker`, async ({ page }) => {
    await page.goto(`/lessons/${id}`);
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.locator("[data-check-status]")).toHaveAttribute("data-check-status", "fail", { timeout: 30_000 });
    const goal = page.locator("figure.goal-view");
    await expect(goal).toHaveAttribute("data-goal-failing", /[1-9]/);
    await expect(page.locator("[data-socket-id]").first()).toBeVisible();

    // The goal, whose failing part the check names, is wholly in the visible lesson text, clear of the check panel.
    const goalBox = await box(goal);
    expect(intersect(goalBox, await box(page.locator("[data-check-status]"))), "goal diagram under the check panel").toBe(false);
    expect(inside(goalBox, await box(page.locator(".lesson-scroll"))), "goal diagram cut off").toBe(true);
    // The lesson's actions sit on one line below the check, on screen.
    const actions = page.locator(".lesson-actions button");
    const tops = new Set(await actions.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top))));
    expect(tops.size, "lesson actions wrapped").toBe(1);
    for (const b of await actions.all()) await expect(b).toBeInViewport({ ratio: 1 });

    // The panes tile the window: no two overlap.
    const panes = ["Editor", "Console", "Sockets", "Messages", "Inspector"].map((name) => page.getByRole("region", { name, exact: true }));
    const boxes = [await box(page.locator(".lesson-pane")), ...(await Promise.all(panes.map(box)))];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(intersect(boxes[i], boxes[j]), `panes ${i} and ${j} overlap`).toBe(false);

    // The inspector's socket picker keeps a width that reads a socket's name.
    const picker = page.getByRole("combobox", { name: "Inspect socket" });
    await picker.selectOption({ index: 1 });
    expect((await box(picker)).width).toBeGreaterThanOrEqual(120);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `test-results/lesson-1024-${id}.png` });
  });
}

test("a running scenario fits 1024 px", async ({ page }) => {
  await scenario(page);
  await everyActionReachable(page);
  await page.getByRole("button", { name: "Stop", exact: true }).click();
});

test("presenter mode fits 1024 px, its own controls included", async ({ page }) => {
  await presenter(page);
  await everyActionReachable(page);
  const bar = page.getByRole("region", { name: "Presenter mode" });
  await expect(bar.getByRole("button", { name: "Show code" })).toBeInViewport({ ratio: 1 });
  await expect(bar.getByRole("button", { name: "Exit presenter mode" })).toBeInViewport({ ratio: 1 });
});

test("the favicon is served", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect((await res.body()).length).toBeGreaterThan(100);
});
