import { expect, test } from "@playwright/test";

const TYPED_WRONG = `const count: number = "three";
console.log("ran with", count);
throw new Error("stopped on purpose");
`;

test("type errors are listed in the console as the run starts, the run goes ahead, and the markers clear once the code changes", async ({ page, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": TYPED_WRONG } } });
  await page.goto(((await res.json()) as { url: string }).url);
  // The editor underlines the type error before anything runs.
  await expect(page.locator(".squiggly-error")).toHaveCount(1);

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "failed");
  const lines = page.getByRole("log", { name: "Console output" }).locator(".console-line");
  await expect(lines.nth(0)).toHaveText("warningThe editor shows 1 type error; running the program anyway.");
  await expect(lines.nth(1)).toHaveText(/^warningmain\.ts:1:7 Type 'string' is not assignable to type 'number'\.$/);
  // The run went ahead: the program printed, then failed at run time, and that line is marked too.
  await expect(lines.nth(2)).toHaveText("ran with three");
  await expect(
    page
      .getByRole("log", { name: "Console output" })
      .getByText(/stopped on purpose/)
      .first(),
  ).toBeVisible();
  await expect(page.locator(".squiggly-error")).toHaveCount(2);

  // Fixing the first line clears the type error's marker and the run's marker of the code that changed.
  await page.locator(".view-line", { hasText: "const count" }).click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Shift+End");
  await page.keyboard.type("const count: number = 3;");
  await expect(page.locator(".view-line").first()).toHaveText("const count: number = 3;");
  await expect(page.locator(".squiggly-error")).toHaveCount(0);
});
