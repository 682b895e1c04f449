import { buildApp } from "./app.js";
import { configFromEnv, type AppConfig } from "./config.js";

let config: AppConfig;
try {
  config = configFromEnv();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const app = await buildApp(config);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: stopping every run");
    app.close().then(() => process.exit(0), (err) => {
      app.log.error(err);
      process.exit(1);
    });
  });
}

try {
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`ØMQ Workbench at http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${config.port} (sandbox: ${app.supervisor.driver.name})`);
} catch (err) {
  app.log.error(err);
  process.exit(1);
}
