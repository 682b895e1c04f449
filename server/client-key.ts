import { normalizeIP } from "@fastify/rate-limit";
import type { FastifyRequest } from "fastify";

/**
 * Who a limit counts against: the client's address as Fastify resolved it (`request.ip`, the forwarded address
 * when `TRUST_PROXY` trusts the proxy in front), IPv6 grouped by /64 as @fastify/rate-limit does, so every limit
 * agrees on who one client is.
 */
export function clientKey(request: Pick<FastifyRequest, "ip">): string {
  return normalizeIP(request.ip ?? "unknown");
}
