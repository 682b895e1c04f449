import { expect, test } from "@playwright/test";

const MAIN = `const zmq = require("zeromq");
const { label } = require("./label.cjs");

async function main() {
  const pull = new zmq.Pull();
  await pull.bind("tcp://localhost:6011");
  const push = new zmq.Push();
  push.connect("tcp://localhost:6011");
  await push.send("from CommonJS");
  const [msg] = await pull.receive();
  console.log(label(msg));
  push.close();
  pull.close();
}

if (require.main === module) main();
`;

const LABEL = `module.exports = { label: (msg) => "pulled " + msg.toString() };
`;

test("runs a shared CommonJS program that requires zeromq and connects to localhost", async ({ page, request }) => {
  const res = await request.post("/api/shares", { data: { files: { "main.cjs": MAIN, "label.cjs": LABEL }, entry: "main.cjs" } });
  expect(res.ok()).toBe(true);
  const { url } = (await res.json()) as { url: string };

  await page.goto(url);
  await expect(page.getByRole("tab", { name: /label\.cjs/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("log", { name: "Console output" })).toContainText("pulled from CommonJS");
  await expect(page.locator('[data-kind="PUSH"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="PULL"]')).toHaveCount(1);
  await expect(page.locator("[data-edge]")).toHaveCount(1);
  await page.screenshot({ path: "test-results/commonjs-run.png" });
});
