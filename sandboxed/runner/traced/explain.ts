/** One sentence per libzmq error a learner meets, said in terms of what to change. */
const EXPLANATIONS: Record<string, string> = {
  EFSM: "The socket is in the wrong state for this call: REQ must alternate send() then receive(), REP receive() then send().",
  EBUSY: "Another send() or receive() on this socket is still running; await it before starting the next one.",
  EADDRINUSE: "Something already bound this address; bind it once and connect the other sockets to it, or pick another port.",
  EPROTONOSUPPORT: "The endpoint's transport is not supported; use tcp://, ipc:// or inproc://.",
  ENOTSUP: "This socket type cannot do that: for example PUSH and PUB only send, PULL and SUB only receive.",
  EHOSTUNREACH: "No connected peer has this routing id, and the ROUTER is in mandatory mode.",
  ENODEV: "The network interface named in the endpoint does not exist here; use 127.0.0.1 or *.",
  EADDRNOTAVAIL: "The address in the endpoint does not belong to this machine; bind to 127.0.0.1 or *.",
  EAGAIN: "The call timed out (sendTimeout/receiveTimeout) or the socket was closed while it waited.",
  ECONNREFUSED: "Nothing accepted the connection at that endpoint.",
  ENOENT: "Nothing is bound at that endpoint (for inproc, bind before the peer connects, in the same context).",
};

const BAD_ENDPOINT = "The endpoint is not valid: write it as transport://address, e.g. tcp://127.0.0.1:5555, tcp://*:5555, ipc:///tmp/name or inproc://name.";

const ENDPOINT_OPERATIONS = new Set(["bind", "connect", "unbind", "disconnect"]);

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** The error's own message followed by what it means, for the socket/error event. */
export function explainSocketError(op: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = errorCode(err);
  const explanation = code === "EINVAL" && ENDPOINT_OPERATIONS.has(op) ? BAD_ENDPOINT : code ? EXPLANATIONS[code] : undefined;
  return explanation ? `${message}. ${explanation}` : message;
}
