import { expect, test, type Page } from "@playwright/test";

// A DEALER sends a Float64Array and a JSON frame to a ROUTER: the ROUTER's receive starts with a routing id.
const PROGRAM = `import * as zmq from "zeromq";

const router = new zmq.Router();
await router.bind("inproc://calc");
const dealer = new zmq.Dealer({ sendTimeout: 500 });
dealer.connect("inproc://calc");
await dealer.send([new Float64Array([1.5, 2.25, -3, 4]), JSON.stringify({ unit: "m" })]);
await dealer.send(new Float64Array(1000).map((_, i) => i / 2));
const [, values, meta] = await router.receive();
const [, big] = await router.receive();
console.log("router got " + values.length + " and " + big.length + " bytes, " + meta);
dealer.close();
router.close();
`;

async function runShared(page: Page, request: import("@playwright/test").APIRequestContext, main: string) {
  const res = await request.post("/api/shares", { data: { files: { "main.ts": main } } });
  await page.goto(((await res.json()) as { url: string }).url);
  await expect(page.getByRole("tab", { name: /main\.ts/ })).toBeVisible();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("[data-run-status]")).toHaveAttribute("data-run-status", "done");
}

test("a socket shows its details and a Float64Array frame reads as numbers", async ({ page, request }) => {
  await runShared(page, request, PROGRAM);
  const inspector = page.getByRole("region", { name: "Inspector" });
  const messages = page.getByRole("region", { name: "Messages" });

  await page.locator('[data-kind="DEALER"]').click();
  await expect(inspector.locator("h3")).toContainText("DEALER");
  await expect(inspector.locator("dd", { hasText: "inproc://calc" }).first()).toBeVisible();
  await expect(inspector.getByText("sendTimeout = 500")).toBeVisible();

  await messages
    .getByRole("button", { name: /^router received from/ })
    .last()
    .click();
  await expect(inspector.locator("h3")).toContainText("Received by");
  const frames = inspector.locator(".frames > li");
  await expect(frames).toHaveCount(3);
  await expect(frames.nth(0).locator(".envelope-tag")).toHaveText("routing id");

  const values = frames.nth(1);
  await values.getByRole("button", { name: "Float64" }).click();
  await expect(values.locator('[data-frame-view="float64"]')).toHaveText("[1.5, 2.25, -3, 4]");
  await values.getByRole("textbox", { name: "Array shape" }).fill("2x2");
  await expect(values.locator('[data-frame-view="float64"]')).toHaveText("[[1.5, 2.25],\n [-3, 4]]");
  await values.getByRole("button", { name: "Hex" }).click();
  await expect(values.locator('[data-frame-view="hex"]')).toContainText("00 00 00 00 00 00 f8 3f");
  await frames.nth(2).getByRole("button", { name: "JSON" }).click();
  await expect(frames.nth(2).locator('[data-frame-view="json"]')).toContainText('"unit": "m"');

  await messages
    .getByRole("button", { name: /^router received from/ })
    .first()
    .click();
  const big = inspector.locator(".frames > li").nth(1);
  await big.getByRole("button", { name: "Float64" }).click();
  await expect(big.getByText(/Only the first 256 bytes were recorded: showing 32 of 1000 values/)).toBeVisible();
  await expect(big.locator('[data-frame-view="float64"]')).toContainText("[0, 0.5, 1, 1.5");
});
