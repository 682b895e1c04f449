import { expect, test, type WebSocketRoute } from "@playwright/test";

/**
 * The page's run socket goes through a relay the test controls: `silent` drops every frame both ways (a cut
 * network or a frozen machine: no close, no error), and new connections are turned away until it ends; `pages`
 * are the page ends of the sockets, to close as a restarting server would.
 */
async function relay(page: import("@playwright/test").Page) {
  const state = { silent: false, pages: [] as WebSocketRoute[] };
  await page.routeWebSocket(/\/api\/runs$/, (ws) => {
    if (state.silent) return ws.close({ code: 1013, reason: "unreachable" });
    const server = ws.connectToServer();
    state.pages.push(ws);
    ws.onMessage((m) => {
      if (!state.silent) server.send(m);
    });
    server.onMessage((m) => {
      if (!state.silent) ws.send(m);
    });
  });
  return state;
}

test("the connection indicator notices a silent server without a Run, and says when it is back", async ({ page }) => {
  const link = await relay(page);
  await page.goto("/");
  const indicator = page.locator("[data-connection]");
  const status = page.locator("[data-run-status]");
  await expect(status).not.toHaveText("Connecting to the server…");
  await expect(indicator).toHaveAttribute("data-connection", "fine");

  link.silent = true;
  await expect(indicator).toHaveAttribute("data-connection", "lost", { timeout: 20_000 });
  await expect(indicator).toHaveText("Server connection lost · reconnecting…");

  link.silent = false;
  await expect(indicator).toHaveAttribute("data-connection", "back", { timeout: 20_000 });
  await expect(indicator).toHaveText("Connected again");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status).toHaveAttribute("data-run-status", "done", { timeout: 30_000 });
  await expect(indicator).toHaveAttribute("data-connection", "fine");
});

test("a connection the server closes is reported at once, and its return too", async ({ page }) => {
  const link = await relay(page);
  await page.goto("/");
  const indicator = page.locator("[data-connection]");
  await expect(page.locator("[data-run-status]")).not.toHaveText("Connecting to the server…");
  await expect(indicator).toHaveAttribute("data-connection", "fine");
  // The page's end of the socket closes as when the server restarts.
  await link.pages.at(-1)?.close({ code: 1012, reason: "restarting" });
  await expect(indicator).toHaveAttribute("data-connection", "lost");
  await expect(indicator).toHaveAttribute("data-connection", "back");
});
