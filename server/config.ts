import { resolve } from "node:path";
import { REPO_ROOT } from "./paths.js";
import { limitsFromEnv, type Limits } from "./sandbox/limits.js";

export interface AppConfig {
  host: string;
  port: number;
  /** Where the SQLite database lives; created on first start. */
  dataDir: string;
  /** Isolation driver name: auto, bwrap or none. */
  sandbox: string;
  limits: Limits;
  /** The curriculum: numbered part and lesson folders. */
  lessonsDir: string;
  /** Built web app to serve; absent in API-only tests. */
  webDir?: string;
  logLevel: string;
  /** PostgreSQL for shares, shared by every node; SQLite in `dataDir` when absent. */
  databaseUrl?: string;
  /** Redis for classroom sessions and rate limits across nodes; this process's memory when absent. */
  redisUrl?: string;
  /** Addresses of the reverse proxy whose X-Forwarded-For is believed (comma-separated), or true for any. */
  trustProxy?: string | boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    host: env.HOST ?? "127.0.0.1",
    port,
    dataDir: resolve(env.DATA_DIR ?? resolve(REPO_ROOT, "data")),
    sandbox: env.SANDBOX ?? "auto",
    limits: limitsFromEnv(env),
    webDir: resolve(env.WEB_DIR ?? resolve(REPO_ROOT, "web/dist")),
    lessonsDir: resolve(env.LESSONS_DIR ?? resolve(REPO_ROOT, "lessons")),
    logLevel: env.LOG_LEVEL ?? "info",
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY === "true" ? true : env.TRUST_PROXY } : {}),
  };
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}
