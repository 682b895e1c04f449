import Fastify, { type FastifyInstance } from "fastify";
import websocket from "@fastify/websocket";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { AppConfig } from "./config.js";
import type { Supervisor } from "./sandbox/supervisor.js";
import type { ShareStore } from "./shares/store.js";
import supervisorService from "./services/supervisor.js";
import drainService from "./services/drain.js";
import redisService from "./services/redis.js";
import databaseService from "./services/database.js";
import sharesService from "./services/shares.js";
import sharedTracesService from "./services/shared-traces.js";
import limitsService from "./services/limits.js";
import clusterCountsService from "./services/cluster-counts.js";
import lessonsService from "./services/lessons.js";
import sessionsService from "./services/sessions.js";
import scenariosService from "./services/scenarios.js";
import health from "./routes/health.js";
import shares from "./routes/shares.js";
import traces from "./routes/traces.js";
import lessons from "./routes/lessons.js";
import sessions from "./routes/sessions.js";
import scenarios from "./routes/scenarios.js";
import runs from "./routes/runs.js";
import web from "./routes/web.js";

export interface BuildOptions {
  /** A supervisor shared across app instances (tests); the app then leaves it running on close. */
  supervisor?: Supervisor;
  logger?: boolean;
  /** Where shares are kept; by default SQLite under `config.dataDir`. */
  shareStore?: ShareStore;
}

/** The whole application: external plugins, then services, then routes. `main.ts` only listens. */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy every limit must key on the real client (request.ip), not on the proxy.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // A share with `"main.ts": 42` or an unknown key is a mistake to report, not something to quietly fix.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) request.log.error(err);
    const message = status >= 500 ? "Something went wrong on the server. The error has been logged." : clearMessage(err);
    return reply.code(status).send({ statusCode: status, error: statusText(status), message });
  });

  await app.register(websocket, { options: { maxPayload: 2 * 1024 * 1024 } });
  await app.register(redisService, { config });
  await app.register(databaseService, { config });
  await app.register(limitsService, { limits: config.serverLimits });
  await app.register(clusterCountsService);
  await app.register(supervisorService, { config, supervisor: options.supervisor });
  await app.register(drainService);
  await app.register(sharesService, { config, store: options.shareStore });
  await app.register(sharedTracesService, { config });
  await app.register(lessonsService, { lessonsDir: config.lessonsDir });
  await app.register(sessionsService);
  await app.register(scenariosService);
  await app.register(health);
  await app.register(shares);
  await app.register(traces);
  await app.register(lessons);
  await app.register(sessions);
  await app.register(scenarios);
  await app.register(runs);
  await app.register(web, { webDir: config.webDir });
  return app;
}

/** Fastify's types leave out its hop-count form; the same rule as a function: trust the first n hops. */
function fastifyTrustProxy(value: AppConfig["trustProxy"]): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof value === "number") return (_address, hop) => hop < value;
  return value ?? false;
}

function clearMessage(err: Error & { code?: string; validation?: unknown }): string {
  if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return "Send JSON with Content-Type: application/json.";
  if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") return "The request body is too large.";
  if (err.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || err.name === "SyntaxError") return "The request body is not valid JSON.";
  if (err.validation) return `Invalid request: ${err.message}.`;
  return err.message;
}

function statusText(status: number): string {
  return (
    (
      {
        400: "Bad Request",
        404: "Not Found",
        413: "Payload Too Large",
        415: "Unsupported Media Type",
        429: "Too Many Requests",
        507: "Insufficient Storage",
      } as Record<number, string>
    )[status] ?? (status >= 500 ? "Internal Server Error" : "Error")
  );
}
