import { expect, test } from "@playwright/test";

// One PUSH bound, three PULLs connected: PUSH deals messages round-robin, one every 300 ms.
const PROGRAM = `import * as zmq from "zeromq";

const push = new zmq.Push();
await push.bind("inproc://jobs");
const pulls = [0, 1, 2].map(() => {
  const pull = new zmq.Pull();
  pull.connect("inproc://jobs");
  return pull;
});
const done = pulls.map(async (pull, i) => {
  for (let k = 0; k < 3; k++) console.log("worker " + i + " got " + (await pull.receive())[0]);
});
await new Promise((r) => setTimeout(r, 300));
for (let n = 0; n < 9; n++) {
  await push.send("job " + n);
  await new Promise((r) => setTimeout(r, 300));
}
await Promise.all(done);
for (const s of [push, ...pulls]) s.close();
`;

interface Arrival {
  edge: string;
  to: string;
  direction: string;
  t: number;
  count?: number;
}

test("a PUSH to three PULLs shows particles reaching each PULL in turn", async ({ page, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": PROGRAM } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();

  // Particles are real DOM elements along an edge while in flight.
  await expect(page.locator("circle.particle[data-on-edge][data-particle]").first()).toBeAttached({ timeout: 15_000 });
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 30_000 });
  // A dot stands for every message that left on its edge at once (count): on a loaded machine the trace comes in
  // bigger batches and two messages to one PULL may share a dot.
  const delivered = () => page.evaluate(() => (window.__workbench?.particles ?? []).reduce((n, p) => n + (p.count ?? 1), 0));
  await expect.poll(delivered, { timeout: 10_000 }).toBeGreaterThanOrEqual(9);

  const push = await page.locator('[data-kind="PUSH"]').getAttribute("data-socket-id");
  const pulls = await page.locator('[data-kind="PULL"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-socket-id") as string));
  expect(pulls).toHaveLength(3);
  const arrivals = (await page.evaluate(() => window.__workbench?.particles ?? [])) as Arrival[];
  const reached = arrivals
    .filter((a) => pulls.includes(a.to))
    .sort((a, b) => a.t - b.t)
    .flatMap((a) => Array.from({ length: a.count ?? 1 }, () => a.to));
  expect(reached).toHaveLength(9);
  for (const a of arrivals) expect(a.edge).toBe(`${a.to}->${push}`);

  // Round-robin: every PULL gets three; with one dot per message, one of each three in the same order every round.
  for (const pull of pulls) expect(reached.filter((to) => to === pull)).toHaveLength(3);
  if (arrivals.every((a) => (a.count ?? 1) === 1)) {
    const round = reached.slice(0, 3);
    expect(new Set(round).size).toBe(3);
    expect(reached).toEqual([...round, ...round, ...round]);
  }
});
