import { expect, test } from "@playwright/test";
import { BROKER } from "./graph-programs.js";

test("the inspector's socket picker names sockets as the graph does, each one distinct, without the trace's ids", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const res = await request.post("/api/shares", { data: { files: { "main.ts": BROKER } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done", { timeout: 30_000 });
  await expect(page.locator(".nodes g.node[data-kind]")).toHaveCount(7);

  // What the graph draws for each socket: its kind in the shape, its name below it.
  const drawn = await page.locator(".nodes g.node[data-kind]").evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute("data-socket-id") ?? "",
      kind: e.getAttribute("data-kind") ?? "",
      name: e.querySelector(".node-label")?.textContent?.trim() ?? "",
    })),
  );
  const picker = page.getByRole("combobox", { name: "Inspect socket" });
  const options = await picker
    .locator("option:not([value=''])")
    .evaluateAll((els) => els.map((e) => ({ id: (e as HTMLOptionElement).value, text: e.textContent ?? "" })));
  expect(options).toHaveLength(7);
  for (const { id, kind, name } of drawn) {
    expect(name).not.toBe("");
    expect(options.find((o) => o.id === id)?.text).toBe(`${kind} ${name} (closed)`);
  }
  expect(new Set(options.map((o) => o.text)).size).toBe(7);
  expect(options.map((o) => o.text)).toContain("REQ client #2 (closed)");
  for (const o of options) expect(o.text).not.toMatch(/\bs\d+\b/);

  // Choosing a name in the picker selects that very node in the graph.
  await picker.selectOption({ label: "REQ client #2 (closed)" });
  const chosen = drawn.find((d) => d.name === "client #2");
  await expect(page.locator(".nodes g.node.selected")).toHaveAttribute("data-socket-id", chosen?.id ?? "?");
  // The details say the same name first, with where the socket was made.
  await expect(page.getByRole("group", { name: "Inspector details" }).locator("h3")).toHaveText("REQ client #2 · main.ts:21");
  await page.screenshot({ path: "test-results/inspector-picker.png" });
});
