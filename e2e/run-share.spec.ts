import { expect, test } from "@playwright/test";

const FOREVER = `import * as zmq from "zeromq";

const pull = new zmq.Pull();
await pull.bind("inproc://never");
console.log("holding a run");
for await (const [msg] of pull) console.log(msg.toString());
`;

test("a third tab's Run, past the runs one address may have, says why in its console and runs once a tab stops", async ({ browser, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": FOREVER } } });
  const { url } = (await res.json()) as { url: string };
  const context = await browser.newContext();
  const tabs = await Promise.all([1, 2, 3].map(() => context.newPage()));
  for (const tab of tabs) {
    await tab.goto(url);
    await expect(tab.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  }
  for (const tab of tabs.slice(0, 2)) {
    await tab.getByRole("button", { name: "Run", exact: true }).click();
    await expect(tab.getByRole("log", { name: "Console output" })).toContainText("holding a run");
  }

  const third = tabs[2];
  await third.getByRole("button", { name: "Run", exact: true }).click();
  const refusal = third.getByRole("log", { name: "Console output" }).locator('[data-stream="error"]');
  await expect(refusal).toHaveText("You already have 2 runs going, the most one address may have at once; stop one or wait for it to finish.");
  await expect(third.locator("[data-run-status]")).toHaveAttribute("data-run-status", "failed");
  await third.screenshot({ path: "test-results/run-share-refused.png" });

  await tabs[0].getByRole("button", { name: "Stop", exact: true }).click();
  await expect(tabs[0].locator("[data-run-status]")).toHaveText("Stopped");
  await third.getByRole("button", { name: "Run", exact: true }).click();
  await expect(third.getByRole("log", { name: "Console output" })).toContainText("holding a run");
  await context.close();
});
