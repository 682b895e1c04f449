import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const [collector] = trace.sockets("ROUTER");
  const dealers = trace.sockets("DEALER");
  const ids = new Set(collector?.received.map((m) => m.texts[0]) ?? []);
  expect("The collector binds to a free port", Boolean(collector?.binds.length), "Bind the ROUTER collector (port * picks a free one).");
  expect("Sensors are connected", dealers.length >= 2 && trace.linked("DEALER", "ROUTER"), "Connect both DEALER sensors to the collector's lastEndpoint.");
  expect("Sensors have names", ids.has("sensor-1") && ids.has("sensor-2"),
    `The collector saw identities ${[...ids].join(", ") || "none"}. Set sensor.routingId to "sensor-1" and "sensor-2" before connect().`);
  const lingering = trace.sockets().filter((s) => typeof s.options.linger === "number" && (s.options.linger as number) !== 0);
  expect("No socket lingers at close", lingering.length === 0,
    `${lingering.length} socket(s) set linger to ${lingering.map((s) => s.options.linger).join(", ")} ms. Make linger 0 the default with zmq.context.blocky = false.`);
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
