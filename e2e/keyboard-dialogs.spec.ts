import { expect, test, type Page } from "@playwright/test";
import { playground, startClass } from "./support/views.js";

/** Presses Tab until the focused element is the control named `name`; fails after `limit` presses. */
async function tabTo(page: Page, name: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
    });
    if (focused.startsWith(name)) return;
  }
  throw new Error(`${limit} presses of Tab never reached "${name}"`);
}

test("a student joins a class with the keyboard alone, at 1024 px: open, type the code, Enter, watching", async ({ browser, baseURL }) => {
  const teacher = await (await browser.newContext({ baseURL })).newPage();
  await teacher.goto("/");
  const code = await startClass(teacher);

  const student = await (await browser.newContext({ baseURL, viewport: { width: 1024, height: 768 } })).newPage();
  await student.goto("/");
  await expect(student.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
  // At 1024 px "Join a class" is under "More": Tab there, open it, Tab on to the action.
  await tabTo(student, "More");
  await student.keyboard.press("Enter");
  await tabTo(student, "Join a class");
  await student.keyboard.press("Enter");
  const dialog = student.getByRole("dialog", { name: "Join a class" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Join code" })).toBeFocused();
  await student.keyboard.type(code.toLowerCase());
  await student.keyboard.press("Enter");
  await expect(student).toHaveURL(new RegExp(`/watch/${code}$`));
  await expect(student.locator("[data-watch-phase]")).toHaveAttribute("data-watch-phase", "watching");
  await teacher.context().close();
  await student.context().close();
});

test("dialogs follow the dialog pattern: first field focused, Escape or a click outside closes, focus returns", async ({ page }) => {
  await page.goto("/");
  const lessons = page.getByRole("button", { name: "Lessons" });
  await lessons.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Lessons" });
  await expect(dialog.getByRole("searchbox", { name: "Find a lesson or concept" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(lessons).toBeFocused();

  // A click on the backdrop, outside the dialog's box, closes it too.
  await lessons.click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 760);
  await expect(dialog).toBeHidden();

  const join = page.getByRole("button", { name: "Join a class" });
  await join.click();
  await expect(page.getByRole("dialog", { name: "Join a class" }).getByRole("textbox", { name: "Join code" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(join).toBeFocused();
});

test("the classroom panel closes with Escape or a click outside, and docks beside the graph in presenter mode", async ({ page }) => {
  await playground(page);
  await startClass(page);
  const panel = page.getByRole("region", { name: "Classroom session" });
  await expect(panel.getByRole("button", { name: "Copy link" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  const reopen = page.getByRole("button", { name: /Presenting/ });
  await expect(reopen).toBeFocused();

  await reopen.click();
  await expect(panel).toBeVisible();
  await page.getByRole("region", { name: "Console" }).click();
  await expect(panel).toBeHidden();

  // In presenter mode the open panel sits beside the graph, not over it.
  await page.locator("body").press("p");
  await reopen.click();
  await expect(panel).toBeVisible();
  const graph = await page.getByRole("region", { name: "Sockets" }).boundingBox();
  const box = await panel.boundingBox();
  expect(graph && box).toBeTruthy();
  if (graph && box) expect(box.x).toBeGreaterThanOrEqual(graph.x + graph.width);
  // Escape in the panel closes the panel first; presenter mode stays.
  await panel.getByRole("button", { name: "Copy link" }).focus();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(page.getByRole("region", { name: "Presenter mode" })).toBeVisible();
});
