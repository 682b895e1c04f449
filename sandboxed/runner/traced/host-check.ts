import { lookup } from "node:dns";
import { isIP } from "node:net";
import { parseEndpoint } from "../../../protocol/endpoints.js";
import { diagnoseOnce, type SocketTrace } from "./socket-trace.js";

/**
 * libzmq retries a connect to a host name that does not resolve forever, without an error or even a connect
 * attempt its monitor could report; so the name is looked up once beside it, and a failure is said in words.
 */
export function checkHostResolves(trace: SocketTrace, endpoint: string): void {
  const { transport, host } = parseEndpoint(endpoint);
  const name = host?.replace(/^\[|\]$/g, "");
  if (transport !== "tcp" || !name || name === "*" || isIP(name) !== 0) return;
  lookup(name, (err) => {
    if (!err) return;
    diagnoseOnce(
      trace,
      "host-not-found",
      `${trace.id} (${trace.kind}) connects to ${endpoint}, but the host name "${name}" does not resolve here (${err.code ?? "not found"}), so it never connects and retries forever. A run has only its own loopback: use tcp://localhost:PORT or tcp://127.0.0.1:PORT.`,
      "error",
    );
  });
}
