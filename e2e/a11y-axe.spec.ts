import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { lesson, playground, presenter, scenario, startClass, applyTheme, watching, type Theme } from "./support/views.js";

/**
 * axe-core on every view, in both themes, at 1024×768 (the tightest layout): no serious or critical finding.
 * Moderate and minor ones are attached to the test as annotations, to be read, not hidden.
 */
test.use({ viewport: { width: 1024, height: 768 } });

/** A type error (warning lines), a line on stderr, and a socket left open at the end (an info diagnostic). */
const TAGGED_OUTPUT = `import * as zmq from "zeromq";
const count: number = "three";
const left = new zmq.Push();
console.error("printed on stderr", count, left.closed);
`;

async function scan(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of violations.filter((x) => !grave.includes(x))) {
    test.info().annotations.push({ type: `axe ${v.impact}`, description: `${view}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})` });
  }
  expect(grave.map((v) => `${view}: ${v.impact} ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

for (const theme of ["light", "dark"] as Theme[]) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => applyTheme(page, theme));

    test("the playground and its dialogs", async ({ page }) => {
      await playground(page);
      await scan(page, "playground");
      await page.getByRole("button", { name: "Lessons" }).click();
      await expect(page.getByRole("dialog", { name: "Lessons" }).locator("[data-lesson-id]").first()).toBeVisible();
      await scan(page, "Lessons dialog");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "More" }).click();
      await page.getByRole("button", { name: "Join a class" }).click();
      await scan(page, "Join a class dialog");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Share" }).click();
      await expect(page.getByRole("textbox", { name: "Share link" })).toHaveValue(/\/s\//);
      await scan(page, "Share dialog");
    });

    test("a lesson after a failed check", async ({ page }) => {
      await lesson(page);
      await scan(page, "lesson");
    });

    test("a running scenario", async ({ page }) => {
      test.setTimeout(120_000);
      await scenario(page);
      await scan(page, "scenario");
      await page.getByRole("button", { name: "Stop", exact: true }).click();
    });

    test("the console's tags of every kind (warning, stderr, info) in full contrast", async ({ page, request }) => {
      const res = await request.post("/api/shares", { data: { files: { "main.ts": TAGGED_OUTPUT } } });
      await page.goto(((await res.json()) as { url: string }).url);
      await expect(page.locator(".squiggly-error")).toHaveCount(1); // the editor has checked the types: Run lists them
      await page.getByRole("button", { name: "Run", exact: true }).click();
      const log = page.getByRole("log", { name: "Console output" });
      for (const stream of ["warning", "stderr", "info"]) await expect(log.locator(`[data-stream="${stream}"] .stream-tag`).first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).include(".console-pane").withRules(["color-contrast"]).analyze();
      expect(violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.any[0]?.message ?? v.id}`))).toEqual([]);
    });

    test("presenter mode with the classroom panel, then with the code", async ({ page }) => {
      await presenter(page);
      await scan(page, "presenter mode");
      await startClass(page);
      await scan(page, "presenter mode with the classroom panel");
      await page.locator("body").press("c");
      await expect(page.getByRole("region", { name: "Editor" })).toBeVisible();
      await scan(page, "presenter mode with code");
    });

    test("a student watching a class", async ({ browser, baseURL }) => {
      test.setTimeout(120_000);
      const { spectator, close } = await watching(browser, baseURL as string, theme, { width: 1024, height: 768 });
      await scan(spectator, "watch");
      await close();
    });
  });
}
