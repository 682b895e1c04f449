import { expect, test, type Page } from "@playwright/test";
import { graphSettled } from "./support/views.js";

// Issue 8, acceptance #2: a classroom scenario runs, and its live controls change the running program's graph.
const open = (page: Page, kind: string) => page.locator(`[data-kind="${kind}"]:not(.closed)`);
const sinkNodes = (page: Page) => page.locator('[data-kind="PULL"][aria-label*="sink.ts"]');

test("a scenario's controls add workers, kill and restart an actor while it runs", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  await page.getByRole("button", { name: "Scenarios" }).click();
  await page.getByRole("combobox", { name: "Choose a scenario" }).selectOption("pipeline");
  // A short demo: it ends itself soon even if the spec fails half-way.
  await page.getByRole("slider", { name: "Seconds the demo runs" }).fill("121");
  await page.getByRole("slider", { name: "Workers" }).fill("1");
  await expect(page.locator("output[for='scenario-param-workers']")).toHaveText("1");
  await page.getByRole("button", { name: "Run scenario" }).click();

  // The editor shows the generated program; the graph shows the sink, one worker and the ventilator.
  await expect(page.getByRole("tab", { name: /worker\.ts/ })).toBeVisible();
  await expect(page.getByText("Live: changes apply at once.")).toBeVisible();
  await expect(open(page, "PULL")).toHaveCount(2);
  await expect(open(page, "PUSH")).toHaveCount(2);

  // More workers, live: two more PULL/PUSH pairs appear.
  await page.getByRole("slider", { name: "Workers" }).fill("3");
  await expect(open(page, "PULL")).toHaveCount(4);
  await expect(open(page, "PUSH")).toHaveCount(4);
  await expect(page.locator('[data-actor="worker"] .sockets')).toHaveText("6 open");

  // Kill the sink: its socket closes and the workers' PUSH sockets show the lost peer (disconnect or retrying).
  await expect(sinkNodes(page)).toHaveCount(1);
  const firstSink = await sinkNodes(page).getAttribute("data-socket-id");
  await page.getByRole("button", { name: "Kill sink" }).click();
  await expect(page.locator(`[data-socket-id="${firstSink}"]`)).toHaveClass(/closed/);
  await expect(page.locator(`g.edge[data-edge$="->${firstSink}"].closed`)).toHaveCount(3);
  await expect(page.locator('[data-actor="sink"] .sockets')).toHaveText("0 open · 1 closed");
  // The workers' Observers report the disconnect and the retries: the panel counts their lost peers.
  await expect(page.locator('[data-actor="worker"] .links-down')).toHaveText("3 peers lost");

  // Restart it: a new sink socket binds again and the workers' edges resolve to it.
  await page.getByRole("button", { name: "Restart sink" }).click();
  await expect(sinkNodes(page).and(page.locator(":not(.closed)"))).toHaveCount(1);
  const secondSink = await sinkNodes(page).and(page.locator(":not(.closed)")).getAttribute("data-socket-id");
  expect(secondSink).not.toBe(firstSink);
  await expect(page.locator(`g.edge[data-edge$="->${secondSink}"]`)).toHaveCount(3, { timeout: 20_000 });
  await expect(page.locator(`g.edge[data-edge$="->${secondSink}"]:not(.closed)`)).toHaveCount(3);
  await expect(page.locator('[data-actor="worker"] .links-down')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('[data-actor="sink"] .sockets')).toHaveText("1 open · 1 closed");

  // One replica: choose worker 2, kill it; its two sockets close and the others keep going.
  await page.getByRole("combobox", { name: "Which worker" }).selectOption("worker-2");
  await page.getByRole("button", { name: "Kill worker-2" }).click();
  await expect(page.locator('[data-actor="worker"] .sockets')).toHaveText("4 open · 2 closed");

  // Pause and resume are keyboard reachable and toggle.
  await page.getByRole("button", { name: "Pause ventilator" }).press("Enter");
  await expect(page.getByRole("button", { name: "Resume ventilator" })).toBeVisible();
  await page.getByRole("button", { name: "Resume ventilator" }).click();

  await graphSettled(page);
  await page.screenshot({ path: "test-results/scenario-live.png" });
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(page.getByText("Not running: controls set the starting values.")).toBeVisible();
});
