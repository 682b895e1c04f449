import { expect, test } from "@playwright/test";

/** A thousand lines at once, then ten more every 30 ms until stopped: the run lasts as long as the test needs it. */
const CHATTY = `export {};
for (let i = 1; i <= 1000; i++) console.log(\`line \${i}\`);
for (let i = 1001; ; i += 10) {
  for (let j = i; j < i + 10; j++) console.log(\`line \${j}\`);
  await new Promise((resolve) => setTimeout(resolve, 30));
}
`;

test("the console follows thousands of lines, stops following when scrolled up, counts the dropped lines and keeps the verdict in sight", async ({
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
  await expect.poll(() => log.locator(".console-line").count()).toBeGreaterThanOrEqual(1000);
  await expect(log).toHaveAttribute("data-following", "true");
  await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(24);
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "running");

  // The reader scrolls up while lines still arrive: the console stays where the reader put it.
  await log.hover();
  await page.mouse.wheel(0, -600);
  await expect(log).toHaveAttribute("data-following", "false");

  // Once the buffer is full and lines are being dropped, the reader stops the run.
  const dropped = page.locator("[data-dropped]");
  await expect(dropped).toHaveText(/^[\d,]+ earlier lines dropped$/);
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "failed");
  await expect(lastLine).toHaveText("You stopped the run.");
  await expect(lastLine).not.toBeInViewport();
  await expect(log).toHaveAttribute("data-following", "false");

  // The buffer kept the newest 2,000 lines (the verdict among them) and says how many came before them.
  const count = Number(await dropped.getAttribute("data-dropped"));
  expect(count).toBeGreaterThan(0);
  await expect(dropped).toHaveText(`${count.toLocaleString("en-US")} earlier lines dropped`);
  await expect(log.locator(".console-line")).toHaveCount(2000);
  await expect(log.locator(".console-line").first()).toHaveText(`line ${count + 1}`);

  // The verdict stays in sight below the scrolled-up console, and one click goes back to the end.
  const verdict = page.locator("[data-console-verdict]");
  await expect(verdict).toHaveText("You stopped the run.");
  await expect(verdict).toBeInViewport();
  await page.getByRole("button", { name: "Jump to the end" }).click();
  await expect(log).toHaveAttribute("data-following", "true");
  await expect(lastLine).toBeInViewport();
  await expect(verdict).toHaveCount(0);
  await page.screenshot({ path: "test-results/console-follow.png" });
});
