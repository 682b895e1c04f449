import { bodyTexts, count, defineCheck, expectFinished, frameText, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const routers = trace.sockets("ROUTER").filter((r) => r.binds.length > 0);
  const dealers = trace.sockets("DEALER");
  const engines = dealers.filter((d) => d.sent.some((m) => m.texts.includes("hello")));
  const clients = dealers.filter((d) => !engines.includes(d));
  expect("ROUTER on both sides", routers.length >= 2, "Bind two zmq.Router sockets: one for clients, one for engines.");
  expect("Clients and engines are connected", trace.linked("DEALER", "ROUTER") && engines.length >= 2 && clients.length >= 2, "Keep two engines and two clients connected to the device.");
  // Each engine's identity, as the backend ROUTER saw it on the engine's own messages.
  const identityOf = new Map<string, string>();
  for (const m of routers.flatMap((r) => r.received)) if (m.from && m.frames[0]?.envelope === "identity") identityOf.set(frameText(m.frames[0]), m.from);
  const jobs = clients.flatMap((c) => c.sent.map((m) => ({ target: bodyTexts(m)[0] ?? "", job: bodyTexts(m).at(-1) ?? "" })));
  const misrouted = jobs.filter(({ target, job }) => {
    const engine = engines.find((e) => e.id === identityOf.get(target));
    return !engine || !receivedFrom([engine], routers).some((m) => bodyTexts(m).at(-1) === job);
  });
  expect("Engines receive the jobs addressed to them", jobs.length >= 4 && misrouted.length === 0,
    jobs.length < 4 ? `The clients sent ${count(jobs.length, "job")}; each client sends one to each engine.`
      : `${count(misrouted.length, "job")} did not reach the engine named in its first frame (e.g. "${misrouted[0]?.job}" for ${misrouted[0]?.target}). On the way in, swap the first two frames: [engine, client, job].`,
    `All ${jobs.length} jobs reached the engine they named.`);
  const computed = new Map(engines.flatMap((e) => e.sent.map((m) => [bodyTexts(m).at(-1) ?? "", e.id] as const)));
  const wrong = clients.flatMap((c) => receivedFrom([c], routers)).filter((m) => {
    const engine = computed.get(bodyTexts(m).at(-1) ?? "");
    return !engine || identityOf.get(bodyTexts(m)[0] ?? "") !== engine;
  });
  const results = clients.flatMap((c) => receivedFrom([c], routers)).length - wrong.length;
  expect("Clients get results from named engines", results >= jobs.length && results >= 4 && wrong.length === 0,
    wrong.length > 0 ? `A client got "${wrong[0] ? bodyTexts(wrong[0]).join(" | ") : ""}", which no engine of that name computed. Pass the engine's result on, its name first.`
      : `The clients received ${count(results, "result")} for ${count(jobs.length, "job")}; on the way back, swap the first two frames too.`,
    `${results} results, each from the engine that computed it.`);
  expectFinished(trace, expect);
});
