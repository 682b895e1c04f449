import { count, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const collectors = trace.sockets("ROUTER").filter((s) => s.binds.length > 0);
  const dealers = trace.sockets("DEALER");
  expect("The collector binds to a free port", collectors.length > 0, "Bind the ROUTER collector (port * picks a free one).");
  expect("Sensors are connected", dealers.length >= 2 && trace.linked("DEALER", "ROUTER"), "Connect both DEALER sensors to the collector's lastEndpoint.");
  // Identities libzmq makes up are 5 bytes starting with a zero byte; a routingId set before connect() is the name.
  const seen = receivedFrom(collectors, dealers).map((m) => ({ from: m.from, head: m.frames[0]?.head ? Buffer.from(m.frames[0].head, "base64") : Buffer.alloc(0) }));
  const named = new Set(seen.filter((s) => s.head.length > 0 && s.head[0] !== 0).map((s) => `${s.from}=${s.head.toString("utf8")}`));
  const anonymous = seen.filter((s) => s.head[0] === 0).length;
  expect("Sensors have names", named.size >= 2 && anonymous === 0,
    `The collector saw ${count(anonymous, "reading")} from sensors without a name (identities libzmq made up). Set each sensor's routingId before connect().`,
    `The collector knows its sensors by name: ${[...new Set(seen.map((s) => s.head.toString("utf8")))].join(", ")}.`);
  const lingering = trace.sockets().filter((s) => typeof s.options.linger === "number" && (s.options.linger as number) !== 0);
  expect("No socket lingers at close", lingering.length === 0,
    `${lingering.map((s) => `${s.label} has linger ${s.options.linger} ms`).join(", ")}. Drop the 2 s default: make linger 0 the default with zmq.context.blocky = false (or give each socket linger: 0).`);
  expectFinished(trace, expect);
});
