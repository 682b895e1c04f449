import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const monitors = trace.sockets("PUB");
  const hubs = trace.sockets("SUB");
  const copies = monitors.flatMap((s) => s.sent);
  const tagged = (prefix: string) => copies.filter((m) => m.texts[0] === prefix).length;
  expect("A queue with a monitor socket", trace.sockets("ROUTER").length > 0 && trace.sockets("DEALER").length > 0 && monitors.length > 0,
    "Keep the ROUTER frontend, the DEALER backend and the PUB monitor.");
  expect("The hub listens to the monitor", trace.linked("PUB", "SUB"), "Connect the hub's SUB to the monitor's endpoint.");
  expect("Requests are tagged \"in\"", tagged("in") >= 6, `The monitor sent ${tagged("in")} copies starting with "in"; prefix copies of frontend traffic with "in".`);
  expect("Replies are tagged \"out\"", tagged("out") >= 6, `The monitor sent ${tagged("out")} copies starting with "out"; prefix copies of backend traffic with "out".`);
  const heard = hubs.reduce((n, s) => n + s.totals.received, 0);
  expect("The hub saw the whole conversation", heard >= 12, `The hub received ${heard} of 12 copies.`, "12 copies seen by the hub.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
