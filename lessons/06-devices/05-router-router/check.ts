import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const routers = trace.sockets("ROUTER");
  const dealers = trace.sockets("DEALER");
  const engines = dealers.filter((d) => d.sent.some((m) => m.texts.includes("hello")));
  const clients = dealers.filter((d) => !engines.includes(d));
  expect("ROUTER on both sides", routers.length >= 2 && routers.every((r) => r.binds.length > 0), "Bind two zmq.Router sockets: one for clients, one for engines.");
  expect("Clients and engines are connected", trace.linked("DEALER", "ROUTER") && engines.length >= 2 && clients.length >= 2, "Keep two engines and two clients connected to the device.");
  const jobs = engines.reduce((n, e) => n + e.received.filter((m) => /^client-/.test(m.texts[0] ?? "")).length, 0);
  expect("Engines receive their jobs", jobs >= 4,
    `The engines received ${jobs} of 4 jobs. Sent unchanged, a job's first frame is the client's identity, which the backend cannot route: swap the first two frames.`);
  const results = clients.reduce((n, c) => n + c.received.filter((m) => /^engine-/.test(m.texts[0] ?? "")).length, 0);
  expect("Clients get results from named engines", results >= 4, `The clients received ${results} of 4 results; swap the frames on the way back too.`, "4 results, each naming its engine.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
