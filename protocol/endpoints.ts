/**
 * Endpoint matching shared by the graph reducer and the server's checks: which bind does a connect reach?
 * A run has its own loopback, so for tcp any local host name and the wildcard address are the same place.
 */
export interface ParsedEndpoint {
  transport: "tcp" | "ipc" | "inproc" | "other";
  /** For tcp the port (or "*"), otherwise the path or name. */
  address: string;
  host?: string;
}

const LOCAL_HOSTS = new Set(["*", "0.0.0.0", "127.0.0.1", "localhost", "::", "::1", "[::1]", "[::]"]);

export function parseEndpoint(endpoint: string): ParsedEndpoint {
  const m = /^([a-z]+):\/\/(.*)$/.exec(endpoint.trim());
  if (!m) return { transport: "other", address: endpoint };
  const [, scheme, rest] = m;
  if (scheme === "inproc" || scheme === "ipc") return { transport: scheme, address: rest };
  if (scheme === "tcp") {
    const hostPort = rest.includes(";") ? rest.slice(rest.indexOf(";") + 1) : rest;
    const colon = hostPort.lastIndexOf(":");
    if (colon < 0) return { transport: "tcp", address: hostPort };
    return { transport: "tcp", host: hostPort.slice(0, colon), address: hostPort.slice(colon + 1) };
  }
  return { transport: "other", address: endpoint };
}

export function transportOf(endpoint: string): ParsedEndpoint["transport"] {
  return parseEndpoint(endpoint).transport;
}

/** True when a connect to `connectEndpoint` reaches a socket bound at `boundEndpoint` (use the resolved one). */
export function endpointsMatch(connectEndpoint: string, boundEndpoint: string): boolean {
  const c = parseEndpoint(connectEndpoint);
  const b = parseEndpoint(boundEndpoint);
  if (c.transport !== b.transport) return false;
  if (c.transport !== "tcp") return c.address === b.address;
  if (c.address !== b.address || c.address === "*") return false;
  const ch = c.host ?? "";
  const bh = b.host ?? "";
  return ch === bh || (LOCAL_HOSTS.has(ch) && LOCAL_HOSTS.has(bh));
}

/**
 * A key equal for two endpoints exactly when endpointsMatch says a connect to one reaches a bind at the other, so
 * binds and connects can be indexed by it; undefined for endpoints that match nothing (an unresolved `:*`).
 */
export function endpointKey(endpoint: string): string | undefined {
  const e = parseEndpoint(endpoint);
  if (e.transport !== "tcp") return `${e.transport} ${e.address}`;
  if (e.address === "*") return undefined;
  const host = e.host ?? "";
  return `tcp ${LOCAL_HOSTS.has(host) ? "*" : host} ${e.address}`;
}
