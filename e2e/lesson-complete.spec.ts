import { expect, test, type Page } from "@playwright/test";
import { autosaved, graphSettled } from "./support/views.js";

const LESSON = "hello-req-rep";
const savedCode = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").files?.["main.ts"] as string | undefined, `zmq-workbench.files.lesson.${LESSON}`);

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("a learner completes Hello, REQ and REP: read, run, take a hint, fix, pass, and it stays solved", async ({ page }) => {
  // Find the lesson in the course list, which shows what each lesson teaches.
  await page.getByRole("button", { name: "Lessons", exact: true }).click();
  const list = page.getByRole("dialog", { name: "Lessons" });
  await expect(list.getByText(/^0 of \d+ lessons solved$/)).toBeVisible();
  await expect(list.getByRole("list", { name: "Concepts in Hello, REQ and REP" })).toContainText("REQ/REP");
  await list.getByRole("link", { name: /Hello, REQ and REP/ }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${LESSON}$`));

  // Read: title, objectives, prose with its diagram; the editor holds the starter.
  const lesson = page.getByRole("region", { name: "Hello, REQ and REP" });
  await expect(lesson.getByRole("heading", { name: "You will" })).toBeVisible();
  await expect(lesson.locator("pre.code-block").first()).toContainText('REQ  ── "Hello" ──▶  REP');
  await expect(page.locator(".view-line", { hasText: "TODO: create a zmq.Request socket" })).toBeVisible();
  const check = page.locator("[data-check-status]");
  await expect(check).toHaveAttribute("data-check-status", "pending");

  // Run the starter: the check fails and says what to change.
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(check).toHaveAttribute("data-check-status", "fail");
  await expect(check.getByText(/Create a zmq\.Request socket and connect it to the endpoint/)).toBeVisible();
  await expect(page.locator('[data-kind="REP"]')).toHaveCount(1);

  // One hint at a time.
  await lesson.getByRole("button", { name: "Show a hint" }).click();
  await expect(lesson.getByRole("listitem", { name: "Hint 1 of 3" })).toContainText("Create a zmq.Request() and connect it");
  await expect(lesson.getByText("1 of 3 shown")).toBeVisible();

  // Fix the code by typing in the editor: replace the two TODO lines (16-17) with a client. Escape closes
  // Monaco's suggestions before each Enter, as a learner would, so Enter makes a new line.
  await page.locator(".view-line", { hasText: "TODO: create a zmq.Request socket" }).click({ position: { x: 20, y: 5 } });
  await page.keyboard.press("Control+Home");
  for (let line = 1; line < 16; line++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Delete");
  const typeLine = async (text: string) => {
    await page.keyboard.type(text, { delay: 5 });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Enter");
  };
  await typeLine(`const client = new zmq.Request();`);
  await typeLine(`client.connect("tcp://127.0.0.1:5555");`);
  await typeLine(`for (let i = 0; i < 3; i++) {`);
  await typeLine(`await client.send("Hello");`);
  await typeLine(`const [reply] = await client.receive();`);
  await page.keyboard.type(`console.log("Client got", reply.toString());`, { delay: 5 });
  await page.keyboard.press("Escape");
  // Monaco closed the loop's brace itself; step past it.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await typeLine(`client.close();`);
  await expect
    .poll(() => savedCode(page))
    .toContain(`const serving = serve();

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");
for (let i = 0; i < 3; i++) {
  await client.send("Hello");
  const [reply] = await client.receive();
  console.log("Client got", reply.toString());
}
client.close();

// Without a client`);

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(check).toHaveAttribute("data-check-status", "pass");
  await expect(check.getByText(/Passed: all 5 checks hold/)).toBeVisible();
  await expect(page.locator('[data-kind="REQ"]')).toHaveCount(1);
  await expect(lesson.locator(".solved-badge")).toHaveText("✓ Solved");

  await graphSettled(page);
  await page.screenshot({ path: "test-results/lesson-1440x900.png" });
  await page.setViewportSize({ width: 1280, height: 720 });
  await graphSettled(page);
  await page.screenshot({ path: "test-results/lesson-1280x720.png" });

  // After a reload the lesson is still solved, in the pane and in the list, and the code is the learner's.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  await expect(page.getByRole("region", { name: "Hello, REQ and REP" }).locator(".solved-badge")).toBeVisible();
  // The learner's last line may sit below the editor's fold: go to the end of the file to see it.
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+End");
  await expect(page.locator(".view-line", { hasText: "client.close();" })).toBeVisible();
  await page.getByRole("button", { name: "Lessons", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Lessons" }).locator(`[data-lesson-id="${LESSON}"]`)).toHaveAttribute("data-solved", "true");
  await expect(page.getByText(/^1 of \d+ lessons solved$/)).toBeVisible();
});

test("Show solution fills the editor without solving the lesson; Reset brings the starter back; Next lesson moves on", async ({ page }) => {
  await page.goto(`/lessons/${LESSON}`);
  const lesson = page.getByRole("region", { name: "Hello, REQ and REP" });
  await expect(page.locator(".view-line", { hasText: "TODO: create" })).toBeVisible();

  await lesson.getByRole("button", { name: "Show solution" }).click();
  await expect(page.locator(".view-line", { hasText: "const client = new zmq.Request();" })).toBeVisible();
  await expect(lesson.locator(".solved-badge")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("zmq-workbench.progress"))).toBeNull();

  await lesson.getByRole("button", { name: "Reset" }).click();
  await expect(page.locator(".view-line", { hasText: "TODO: create" })).toBeVisible();

  await lesson.getByRole("button", { name: "Next lesson →" }).click();
  await expect(page).toHaveURL(/\/lessons\/lock-step$/);
  await expect(page.getByRole("heading", { level: 2, name: /Lock-step/ })).toBeVisible();
  await expect(page.locator(".view-line", { hasText: "new zmq.Reply({ receiveTimeout: 500 })" })).toBeVisible();
  await page.getByRole("link", { name: "← Playground" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("[data-lesson-id]")).toHaveCount(0);
});

test("progress and lesson code travel through an exported file", async ({ page }) => {
  await page.goto(`/lessons/${LESSON}`);
  await page.getByRole("region", { name: "Hello, REQ and REP" }).getByRole("button", { name: "Show solution" }).click();
  await page.evaluate(() => localStorage.setItem("zmq-workbench.progress", JSON.stringify({ solved: { topics: "2025-01-01T00:00:00.000Z" } })));
  await autosaved(page, `zmq-workbench.files.lesson.${LESSON}`, "main.ts", "new zmq.Request()");
  await page.getByRole("button", { name: "Lessons", exact: true }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export progress" }).click();
  const file = await (await download).path();

  await page.evaluate(() => localStorage.clear());
  await page.goto("/");
  await page.getByRole("button", { name: "Lessons", exact: true }).click();
  await expect(page.getByText(/^0 of \d+ lessons solved$/)).toBeVisible();
  await page.getByLabel("Progress file to import").setInputFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "Imported 1 solved lesson and the code of 1." })).toBeVisible();
  await expect(page.getByText(/^1 of \d+ lessons solved$/)).toBeVisible();
  await page
    .getByRole("dialog", { name: "Lessons" })
    .getByRole("link", { name: /Hello, REQ and REP/ })
    .click();
  await expect(page.locator(".view-line", { hasText: "const client = new zmq.Request();" })).toBeVisible();
});
