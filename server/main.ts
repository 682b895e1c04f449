import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.js";
import { configFromEnv, type AppConfig } from "./config.js";

let config: AppConfig;
try {
  config = configFromEnv();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const { DRAIN_MS } = config.serverLimits;
const app = await buildApp(config);

// SIGTERM or SIGINT: take no new runs, let the ones going finish (at most DRAIN_MS), then close and exit, so a
// node can be replaced in the middle of a class. A second signal, or DRAIN_MS plus a margin, exits at once.
closeWithGrace({ delay: DRAIN_MS + 10_000, logger: { error: (m: string) => app.log.error(m) } }, async ({ signal, err }) => {
  if (err) app.log.error(err, "shutting down after an error");
  else {
    app.log.info({ signal, runs: app.supervisor.runningCount + app.supervisor.queuedCount }, "draining: no new runs; waiting for the running ones");
    app.server.close(); // new connections go to the other nodes; open ones stay until their runs end
    const finished = await app.drain.begin(() => app.supervisor.runsDone(), DRAIN_MS);
    app.log.info(finished ? "drained: every run finished" : `drained: stopping the runs still going after ${DRAIN_MS} ms`);
  }
  await app.close();
});

try {
  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    `ØMQ Workbench at http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${config.port} (sandbox: ${app.supervisor.driver.name})`,
  );
} catch (err) {
  app.log.error(err);
  process.exit(1);
}
