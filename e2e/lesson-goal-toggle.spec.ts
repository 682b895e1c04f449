import { expect, test, type Page } from "@playwright/test";

const LESSON = "sync-subscribers";
const savedCode = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").files?.["main.ts"] as string | undefined, `zmq-workbench.files.lesson.${LESSON}`);

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  // The lesson page must never ask with a native dialog: any dialog fails the test.
  page.on("dialog", (dialog) => {
    throw new Error(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
  });
});

test("a lesson shows its goal, marks the failing part, and opens its linked scenario", async ({ page }) => {
  await page.goto(`/lessons/${LESSON}`);
  const lesson = page.getByRole("region", { name: "Synchronise N subscribers" });
  const goal = lesson.locator("figure.goal-view");
  await expect(goal.getByRole("img", { name: /Goal topology/ })).toBeVisible();
  await expect(goal.locator("[data-goal-socket]")).toHaveCount(4);
  await expect(goal.locator("[data-failing]")).toHaveCount(0);

  // The starter fails on the publisher's wait: that part of the goal is marked.
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const check = page.locator("[data-check-status]");
  await expect(check).toHaveAttribute("data-check-status", "fail", { timeout: 30_000 });
  await expect(check.getByText(/The publisher waited for every subscriber/)).toBeVisible();
  await expect(goal.locator('[data-goal-socket="publisher"]')).toHaveAttribute("data-failing", "true");
  await expect(goal.locator("figcaption")).toContainText("not there yet");

  await lesson.getByRole("button", { name: "Open the scenario" }).click();
  await expect(page.getByRole("combobox", { name: "Choose a scenario" })).toHaveValue("slow-joiner");
  await page.screenshot({ path: "test-results/lesson-goal.png" });
});

test("Show solution toggles back to the learner's own code, without a dialog", async ({ page }) => {
  await page.goto(`/lessons/${LESSON}`);
  const lesson = page.getByRole("region", { name: "Synchronise N subscribers" });
  await expect(page.locator(".view-line", { hasText: "const SUBSCRIBERS = 3;" })).toBeVisible();

  // The learner writes something of their own.
  await page.locator(".view-line", { hasText: "const SUBSCRIBERS = 3;" }).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" // my own attempt", { delay: 5 });
  await page.keyboard.press("Escape");
  await expect.poll(() => savedCode(page)).toContain("const SUBSCRIBERS = 3; // my own attempt");

  const toggle = lesson.getByRole("button", { name: "Show solution" });
  await toggle.click();
  await expect(page.locator(".view-line", { hasText: 'verbosity: "allSubs"' })).toBeVisible();
  await expect(page.locator(".view-line", { hasText: "my own attempt" })).toHaveCount(0);
  const back = lesson.getByRole("button", { name: "Back to my code" });
  await expect(back).toHaveAttribute("aria-pressed", "true");

  await back.click();
  await expect(page.locator(".view-line", { hasText: "const SUBSCRIBERS = 3; // my own attempt" })).toBeVisible();
  await expect(lesson.getByRole("button", { name: "Show solution" })).toHaveAttribute("aria-pressed", "false");

  // Reset keeps it too: the starter comes in, and the learner's code is one click away.
  await lesson.getByRole("button", { name: "Reset" }).click();
  await expect(page.locator(".view-line", { hasText: "my own attempt" })).toHaveCount(0);
  await lesson.getByRole("button", { name: "Back to my code" }).click();
  await expect(page.locator(".view-line", { hasText: "const SUBSCRIBERS = 3; // my own attempt" })).toBeVisible();

  // And it survives a reload while the solution is shown.
  await lesson.getByRole("button", { name: "Show solution" }).click();
  await expect(page.locator(".view-line", { hasText: 'verbosity: "allSubs"' })).toBeVisible();
  await page.reload();
  // After a reload the learner's code is in the editor, or one click away when the solution came back with the page.
  const reloaded = page.getByRole("region", { name: "Synchronise N subscribers" });
  const own = page.locator(".view-line", { hasText: "const SUBSCRIBERS = 3; // my own attempt" });
  const backAgain = reloaded.getByRole("button", { name: "Back to my code" });
  await expect(own.or(backAgain)).toBeVisible();
  if (await backAgain.isVisible()) await backAgain.click();
  await expect(own).toBeVisible();
});
