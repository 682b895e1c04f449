import { expect, test } from "@playwright/test";

const FOREVER = `import * as zmq from "zeromq";

const pull = new zmq.Pull();
await pull.bind("inproc://never");
console.log("waiting forever");
for await (const [msg] of pull) console.log(msg.toString());
`;

test("Stop ends a program that would run forever", async ({ page, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": FOREVER } } });
  const { url } = (await res.json()) as { url: string };
  await page.goto(url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop", exact: true })).toBeDisabled();

  await page.getByRole("button", { name: "Run", exact: true }).click();
  const consoleLog = page.getByRole("log", { name: "Console output" });
  await expect(consoleLog).toContainText("waiting forever");
  await expect(page.locator('[data-kind="PULL"]')).toHaveCount(1);
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "running");

  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "failed");
  await expect(page.locator("[data-run-status]")).toHaveText("Stopped");
  await expect(consoleLog.locator('[data-stream="system"]')).toHaveCount(1);
});
