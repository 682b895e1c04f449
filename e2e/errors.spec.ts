import { expect, test } from "@playwright/test";

const BROKEN = `import * as zmq from "zeromq";

const push = new zmq.Push();
push.connect("nonsense://nowhere");
`;

test("a runtime error links to its line and is marked in the code", async ({ page, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": BROKEN } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.locator(".monaco-editor")).toBeVisible();
  await expect(page.locator(".squiggly-error")).toHaveCount(0);

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "failed");
  const link = page
    .getByRole("log", { name: "Console output" })
    .getByRole("button", { name: /^main\.ts:4/ })
    .first();
  await expect(link).toBeVisible();
  await expect(page.locator(".squiggly-error")).not.toHaveCount(0);

  await link.click();
  await expect(page.locator(".monaco-editor").first()).toHaveClass(/\bfocused\b/);
  await page.screenshot({ path: "test-results/error-link.png" });
});
