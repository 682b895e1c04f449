import { expect, test } from "@playwright/test";

/** A thousand lines at once, then two thousand more spread over six seconds, while a reader scrolls up. */
const CHATTY = `export {};
for (let i = 1; i <= 1000; i++) console.log(\`line \${i}\`);
const paced = Date.now();
for (let i = 1001; i <= 3000; i += 10) {
  for (let j = i; j < i + 10; j++) console.log(\`line \${j}\`);
  const due = paced + ((i - 1001) / 2000) * 6000;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
}
`;

test("the console follows 3,000 lines, stops following when scrolled up, counts the dropped lines and keeps the verdict in sight", async ({
  page,
  request,
}) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": CHATTY } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.locator(".monaco-editor")).toBeVisible();
  const log = page.getByRole("log", { name: "Console output" });
  const lastLine = log.locator(".console-line").last();

  await page.getByRole("button", { name: "Run", exact: true }).click();
  // While the program prints, the console shows its end.
  await expect(log.getByText("line 1000", { exact: true })).toBeAttached();
  await expect(log).toHaveAttribute("data-following", "true");
  await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(24);
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "running");

  // The reader scrolls up while lines still arrive: the console stays where the reader put it.
  await log.hover();
  await page.mouse.wheel(0, -600);
  await expect(log).toHaveAttribute("data-following", "false");

  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 30_000 });
  await expect(lastLine).toHaveText("The program finished normally.");
  await expect(lastLine).not.toBeInViewport();
  await expect(log).toHaveAttribute("data-following", "false");

  // The buffer kept the newest 2,000 lines and says how many came before them.
  const dropped = page.locator("[data-dropped]");
  // 3,000 lines and the verdict: the first 1,001 printed lines made room for the rest.
  await expect(dropped).toHaveText("1,001 earlier lines dropped");
  const count = Number(await dropped.getAttribute("data-dropped"));
  await expect(log.locator(".console-line")).toHaveCount(2000);
  await expect(log.locator(".console-line").first()).toHaveText(`line ${count + 1}`);

  // The verdict stays in sight below the scrolled-up console, and one click goes back to the end.
  const verdict = page.locator("[data-console-verdict]");
  await expect(verdict).toHaveText("The program finished normally.");
  await expect(verdict).toBeInViewport();
  await page.getByRole("button", { name: "Jump to the end" }).click();
  await expect(log).toHaveAttribute("data-following", "true");
  await expect(lastLine).toBeInViewport();
  await expect(verdict).toHaveCount(0);
  await page.screenshot({ path: "test-results/console-follow.png" });
});
