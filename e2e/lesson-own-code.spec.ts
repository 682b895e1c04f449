import { expect, test } from "@playwright/test";

const LESSON = "hello-req-rep";
const FILES_KEY = `zmq-workbench.files.lesson.${LESSON}`;

test("a lesson solved with the learner's own code offers Show solution after a reload, not Back to my code", async ({ page, request }) => {
  // The learner wrote, line for line, what the solution says, as learners often do.
  const lesson = (await (await request.get(`/api/lessons/${LESSON}`)).json()) as { solution: Record<string, string> };
  await page.goto("/");
  await page.evaluate(
    ({ key, files }) => {
      localStorage.clear();
      localStorage.setItem(key, JSON.stringify({ files, active: "main.ts", entry: "main.ts" }));
    },
    { key: FILES_KEY, files: lesson.solution },
  );
  await page.goto(`/lessons/${LESSON}`);
  const pane = page.getByRole("region", { name: "Hello, REQ and REP" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-check-status]")).toHaveAttribute("data-check-status", "pass");
  await expect(pane.locator(".solved-badge")).toBeVisible();

  await page.reload();
  await expect(pane.locator(".solved-badge")).toBeVisible();
  await expect(page.locator(".view-line", { hasText: "const client = new zmq.Request();" })).toBeVisible();
  const toggle = pane.locator("button[aria-pressed]");
  await expect(toggle).toHaveText("Show solution");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(pane.getByRole("button", { name: "Back to my code" })).toHaveCount(0);

  // Shown by the button, the solution is remembered as shown across a reload, and the toggle puts the learner's code back.
  await toggle.click();
  await expect(toggle).toHaveText("Back to my code");
  await page.reload();
  await expect(toggle).toHaveText("Back to my code");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(toggle).toHaveText("Show solution");
  await expect(page.locator(".view-line", { hasText: "const client = new zmq.Request();" })).toBeVisible();
  await page.reload();
  await expect(toggle).toHaveText("Show solution");
});

test("Reset keeps the learner's code even when it matches the solution, and Back to my code returns it", async ({ page, request }) => {
  const lesson = (await (await request.get(`/api/lessons/${LESSON}`)).json()) as { solution: Record<string, string> };
  await page.goto("/");
  await page.evaluate(
    ({ key, files }) => {
      localStorage.clear();
      localStorage.setItem(key, JSON.stringify({ files, active: "main.ts", entry: "main.ts" }));
    },
    { key: FILES_KEY, files: lesson.solution },
  );
  await page.goto(`/lessons/${LESSON}`);
  const pane = page.getByRole("region", { name: "Hello, REQ and REP" });
  await expect(page.locator(".view-line", { hasText: "const client = new zmq.Request();" })).toBeVisible();
  await pane.getByRole("button", { name: "Reset" }).click();
  await expect(page.locator(".view-line", { hasText: "TODO: create a zmq.Request socket" })).toBeVisible();
  await pane.getByRole("button", { name: "Back to my code" }).click();
  await expect(page.locator(".view-line", { hasText: "const client = new zmq.Request();" })).toBeVisible();
  await expect(pane.getByRole("button", { name: "Show solution" })).toBeVisible();
});
