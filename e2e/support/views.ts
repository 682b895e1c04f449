import { expect, type Browser, type Page } from "@playwright/test";

/** The screen sizes a classroom meets: an old projector, a 720p one, a laptop. */
export const SCREENS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

export type Theme = "light" | "dark";

/** Every page of a browser context starts in this theme (the app reads it from localStorage before drawing). */
export async function applyTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((dark) => localStorage.setItem("zmq-workbench.dark", String(dark)), theme === "dark");
}

/**
 * Waits until the graph is laid out (GraphView sets data-layout when a layout arrives) and the nodes and view stay
 * where they are between two looks (a resize or a new layout moves them a moment after the change that caused it).
 */
export async function graphSettled(page: Page, timeout = 30_000): Promise<void> {
  let last = "";
  await expect
    .poll(
      async () => {
        const now = await page
          .locator(".graph-svg")
          .first()
          .evaluate((svg) => {
            const nodes = Array.from(svg.querySelectorAll("g.node"), (n) => n.getAttribute("transform")).join(";");
            const view = svg.querySelector(".viewport")?.getAttribute("transform") ?? "";
            return `${svg.hasAttribute("data-layout")}|${nodes}|${view}`;
          });
        const stable = now === last && now.startsWith("true|");
        last = now;
        return stable;
      },
      { timeout, intervals: [250] },
    )
    .toBe(true);
}

export async function runFinished(page: Page): Promise<void> {
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", /done|failed/, { timeout: 30_000 });
}

/** The playground after running its default program. */
export async function playground(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await runFinished(page);
  await expect(page.locator("[data-socket-id]")).toHaveCount(2);
  await graphSettled(page);
}

/** The first lesson after running its starter: the check has failed and says why. */
export async function lesson(page: Page): Promise<void> {
  await page.goto("/lessons/hello-req-rep");
  await expect(page.getByRole("heading", { name: "Hello, REQ and REP" })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-check-status]")).toHaveAttribute("data-check-status", "fail", { timeout: 30_000 });
  await graphSettled(page);
}

/** The scenario panel with the pipeline scenario running. */
export async function scenario(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Scenarios" }).click();
  await page.getByRole("combobox", { name: "Choose a scenario" }).selectOption("pipeline");
  await page.getByRole("slider", { name: "Seconds the demo runs" }).fill("121");
  await page.getByRole("button", { name: "Run scenario" }).click();
  await expect(page.getByText("Live: changes apply at once.")).toBeVisible();
  await expect(page.locator('[data-kind="PULL"]:not(.closed)')).toHaveCount(4);
  await graphSettled(page);
}

/** Presenter mode over the playground's finished run. */
export async function presenter(page: Page): Promise<void> {
  await playground(page);
  await page.locator("body").press("p");
  await expect(page.getByRole("region", { name: "Presenter mode" })).toBeVisible();
  await graphSettled(page);
}

/** Opens a classroom session on `page` and returns its join code. */
export async function startClass(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Start a class", exact: true }).click();
  const code = await page.getByRole("region", { name: "Classroom session" }).locator("[data-join-code]").getAttribute("data-join-code");
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  return code as string;
}

/** A spectator's page watching a presenter who has run the default program; both pages in fresh contexts. */
export async function watching(browser: Browser, baseURL: string, theme: Theme, screen: { width: number; height: number }) {
  const presenterPage = await (await browser.newContext({ baseURL })).newPage();
  await presenterPage.goto("/");
  const code = await startClass(presenterPage);
  const context = await browser.newContext({ baseURL, viewport: screen });
  const spectator = await context.newPage();
  await applyTheme(spectator, theme);
  await spectator.goto(`/watch/${code}`);
  await expect(spectator.locator("[data-watch-phase]")).toHaveAttribute("data-watch-phase", "watching");
  await presenterPage.getByRole("button", { name: "Run", exact: true }).click();
  await runFinished(presenterPage);
  await runFinished(spectator);
  await expect(spectator.locator("[data-socket-id]")).toHaveCount(2);
  await graphSettled(spectator);
  return {
    presenterPage,
    spectator,
    code,
    close: async () => {
      await presenterPage.context().close();
      await context.close();
    },
  };
}

/** The page is no wider than the window: nothing runs off to the side. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(client);
}

/** Waits until the workspace autosave under `key` holds `file` with `text` in it (the save follows edits by a moment). */
export async function autosaved(page: Page, key: string, file: string, text: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        ({ key, file }) => {
          try {
            return (JSON.parse(localStorage.getItem(key) ?? "{}") as { files?: Record<string, string> }).files?.[file] ?? "";
          } catch {
            return "";
          }
        },
        { key, file },
      ),
    )
    .toContain(text);
}
