import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { SCREENS, expectNoSidewaysScroll, lesson, playground, presenter, scenario, startClass, applyTheme, watching, type Theme } from "./support/views.js";

/** Screenshots of every view at each classroom screen size, to be looked at; SHOTS_DIR puts them elsewhere. */
const DIR = process.env.SHOTS_DIR ?? "test-results/screens";

const RUNS: Array<{ screen: (typeof SCREENS)[number]; theme: Theme }> = [
  ...SCREENS.map((screen) => ({ screen, theme: "light" as Theme })),
  { screen: SCREENS[1], theme: "dark" },
];

for (const { screen, theme } of RUNS) {
  const size = `${screen.width}x${screen.height}`;
  test.describe(`${size} ${theme}`, () => {
    test.use({ viewport: screen });
    test.beforeEach(async ({ page }) => {
      mkdirSync(DIR, { recursive: true });
      await applyTheme(page, theme);
    });
    const shot = async (page: Page, view: string) => {
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: join(DIR, `${view}-${size}-${theme}.png`) });
    };

    test("playground, dialogs, presenter mode", async ({ page }) => {
      test.setTimeout(180_000);
      await playground(page);
      await shot(page, "playground");
      await page.getByRole("button", { name: "Lessons" }).click();
      await expect(page.getByRole("dialog", { name: "Lessons" }).locator("[data-lesson-id]").first()).toBeVisible();
      await shot(page, "dialog-lessons");
      await page.keyboard.press("Escape");
      const more = page.getByRole("button", { name: "More" });
      if (await more.isVisible()) {
        await more.click();
        await shot(page, "toolbar-more");
      }
      await page.getByRole("button", { name: "Share" }).click();
      await expect(page.getByRole("textbox", { name: "Share link" })).toHaveValue(/\/s\//);
      await shot(page, "dialog-share");
      await page.keyboard.press("Escape");
      await startClass(page);
      await shot(page, "classroom-panel");
      await page.keyboard.press("Escape");
      await presenter(page);
      await shot(page, "presenter");
      await startClass(page);
      await shot(page, "presenter-with-class");
      await page.keyboard.press("Escape");
      await page.locator("body").press("c");
      await expect(page.getByRole("region", { name: "Editor" })).toBeVisible();
      await shot(page, "presenter-with-code");
    });

    test("lesson", async ({ page }) => {
      await lesson(page);
      await shot(page, "lesson");
    });

    test("scenario", async ({ page }) => {
      test.setTimeout(180_000);
      await scenario(page);
      await shot(page, "scenario");
      await page.getByRole("button", { name: "Stop", exact: true }).click();
    });

    test("watching a class, and the join dialog", async ({ browser, baseURL, page }) => {
      test.setTimeout(180_000);
      const { spectator, close } = await watching(browser, baseURL as string, theme, screen);
      await shot(spectator, "watch");
      await close();
      await page.goto("/");
      // Whether "More" shows depends on the width alone (CSS), once the toolbar is drawn: wait for it, then look.
      await expect(page.getByRole("banner").getByRole("button", { name: "Run", exact: true })).toBeVisible();
      const more = page.getByRole("button", { name: "More" });
      if (await more.isVisible()) await more.click();
      await page.getByRole("button", { name: "Join a class" }).click();
      await page.getByRole("textbox", { name: "Join code" }).fill("ZZZZZZ");
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog", { name: "Join a class" }).getByRole("alert")).toBeVisible();
      await shot(page, "dialog-join-unknown-code");
    });
  });
}
