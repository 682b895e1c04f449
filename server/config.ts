import { resolve } from "node:path";
import { REPO_ROOT } from "./paths.js";
import { limitsFromEnv, type Limits } from "./sandbox/limits.js";
import { serverLimitsFromEnv, type ServerLimits } from "./limits.js";

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
  /**
   * Fastify's `trustProxy`: false (default) uses the socket's address; true trusts every X-Forwarded-For hop;
   * a number trusts that many hops; a comma-separated list of addresses/CIDRs trusts only those proxies.
   */
  trustProxy?: boolean | number | string;
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
    serverLimits: serverLimitsFromEnv(env),
    webDir: resolve(env.WEB_DIR ?? resolve(REPO_ROOT, "web/dist")),
    lessonsDir: resolve(env.LESSONS_DIR ?? resolve(REPO_ROOT, "lessons")),
    logLevel: env.LOG_LEVEL ?? "info",
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
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
