import { answeredJobs, count, defineCheck, expectAllClosed, expectFinished } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const links = trace.edges().filter((e) => trace.socket(e.from)?.kind === "REQ" && trace.socket(e.to)?.kind === "REP");
  const overIpc = links.filter((e) => e.endpoint.startsWith("ipc://"));
  expect("Client and server meet over ipc", overIpc.length > 0,
    links.length === 0 ? "Connect a REQ client to a bound REP server." : `The client reaches the server over ${links[0].endpoint.split(":")[0]}. Bind and connect to an ipc:// endpoint instead.`,
    `Connected over ${overIpc[0]?.endpoint}.`);
  const clients = overIpc.map((e) => trace.socket(e.from)!);
  const servers = overIpc.map((e) => trace.socket(e.to)!);
  const answered = clients.reduce((n, c) => n + answeredJobs(c, servers).answered, 0);
  expect("Three requests answered over ipc", answered >= 3, `${count(answered, "request")} came back answered over ipc; send three and receive each reply.`);
  expectAllClosed(trace, expect);
  expectFinished(trace, expect);
});
