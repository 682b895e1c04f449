import { resolve } from "node:path";
import { envSchema } from "env-schema";
import { Type, type Static } from "@sinclair/typebox";
import { REPO_ROOT } from "./paths.js";
import { limitsFromEnv, type Limits } from "./sandbox/limits.js";
import { serverLimitsFromEnv, type ServerLimits } from "./limits.js";

/**
 * Every environment variable the server reads, with its default and what it is for (run limits are the `WB_*`
 * variables of sandbox/limits.ts). Validated at start-up: a bad value stops the server with a sentence naming it.
 */
export const ServerEnv = Type.Object({
  HOST: Type.String({ default: "127.0.0.1", description: "Address the server listens on." }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: "Port the server listens on." }),
  DATA_DIR: Type.String({ default: "", description: "Folder of the SQLite database of shared programs (default ./data), created on first start." }),
  SANDBOX: Type.Union([Type.Literal("auto"), Type.Literal("bwrap"), Type.Literal("none")], {
    default: "auto",
    description: "Isolation driver for runs: bwrap, none (trusted local use only), or auto (bwrap when it works here).",
  }),
  WEB_DIR: Type.String({ default: "", description: "The built web app to serve (default ./web/dist)." }),
  LESSONS_DIR: Type.String({ default: "", description: "The curriculum folder (default ./lessons)." }),
  LOG_LEVEL: Type.Union(
    ["fatal", "error", "warn", "info", "debug", "trace", "silent"].map((l) => Type.Literal(l)),
    {
      default: "info",
      description: "Server log level.",
    },
  ),
  DATABASE_URL: Type.String({
    default: "",
    pattern: "^(postgres(ql)?://.*)?$",
    description: "PostgreSQL for shared programs, shared by every node (postgres://user@host:5432/db); SQLite in DATA_DIR when unset.",
  }),
  REDIS_URL: Type.String({
    default: "",
    pattern: "^(rediss?://.*)?$",
    description: "Redis for classroom sessions and rate limits across nodes (redis://host:6379); this process's memory when unset.",
  }),
  TRUST_PROXY: Type.String({
    default: "",
    description: "Which proxy in front to believe about the client's address (Fastify trustProxy): true, a hop count, or addresses/CIDRs. Unset: none.",
  }),
});
export type ServerEnv = Static<typeof ServerEnv>;

export interface AppConfig {
  host: string;
  port: number;
  /** Where the SQLite database lives; created on first start. */
  dataDir: string;
  /** Isolation driver name: auto, bwrap or none. */
  sandbox: string;
  limits: Limits;
  /** Sessions, shares and join-code limits (`limits.ts`). */
  serverLimits: ServerLimits;
  /** The curriculum: numbered part and lesson folders. */
  lessonsDir: string;
  /** Built web app to serve; absent in API-only tests. */
  webDir?: string;
  logLevel: string;
  /** PostgreSQL for shares, shared by every node; SQLite in `dataDir` when absent. */
  databaseUrl?: string;
  /** Redis for classroom sessions and rate limits across nodes; this process's memory when absent. */
  redisUrl?: string;
  /**
   * Fastify's `trustProxy`: false (default) uses the socket's address; true trusts every X-Forwarded-For hop;
   * a number trusts that many hops; a comma-separated list of addresses/CIDRs trusts only those proxies.
   */
  trustProxy?: boolean | number | string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.fromEntries(
    Object.keys(ServerEnv.properties)
      .filter((k) => env[k] !== undefined && env[k] !== "")
      .map((k) => [k, env[k]]),
  );
  let parsed: ServerEnv;
  try {
    parsed = envSchema<ServerEnv>({ schema: ServerEnv, data: known, env: false, dotenv: false });
  } catch (err) {
    throw new Error(`The server's configuration is not valid: ${(err as Error).message.replace(/^env\//, "")}`);
  }
  const orDefault = (value: string, fallback: string) => resolve(value || resolve(REPO_ROOT, fallback));
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    dataDir: orDefault(parsed.DATA_DIR, "data"),
    sandbox: parsed.SANDBOX,
    limits: limitsFromEnv(env),
    serverLimits: serverLimitsFromEnv(env),
    webDir: orDefault(parsed.WEB_DIR, "web/dist"),
    lessonsDir: orDefault(parsed.LESSONS_DIR, "lessons"),
    logLevel: parsed.LOG_LEVEL,
    ...(parsed.DATABASE_URL ? { databaseUrl: parsed.DATABASE_URL } : {}),
    ...(parsed.REDIS_URL ? { redisUrl: parsed.REDIS_URL } : {}),
    trustProxy: trustProxyFromEnv(parsed.TRUST_PROXY),
  };
}

/** `TRUST_PROXY`: unset or "false" → false, "true" → true, a whole number → that many hops, else addresses/CIDRs. */
export function trustProxyFromEnv(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}
