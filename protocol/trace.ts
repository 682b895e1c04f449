import { Type, type Static } from "@sinclair/typebox";

/** Socket kinds as zeromq.js names them in upper case, the way ZeroMQ docs write them. */
export const SocketKind = Type.Union(
  [
    "REQ",
    "REP",
    "DEALER",
    "ROUTER",
    "PUB",
    "SUB",
    "XPUB",
    "XSUB",
    "PUSH",
    "PULL",
    "PAIR",
    "STREAM",
    "SERVER",
    "CLIENT",
    "RADIO",
    "DISH",
    "GATHER",
    "SCATTER",
    "DATAGRAM",
  ].map((k) => Type.Literal(k)),
);
export type SocketKind = Static<typeof SocketKind>;

const base = { t: Type.Number({ description: "ms since run start" }) };
const sock = { ...base, socket: Type.String(), kind: SocketKind };

export const Frame = Type.Object({
  size: Type.Integer({ minimum: 0 }),
  preview: Type.String({ description: "short printable preview; hex when not UTF-8" }),
  /** Base64 of the first bytes, so the inspector can show hex and typed arrays. */
  head: Type.Optional(Type.String()),
  envelope: Type.Optional(Type.Union([Type.Literal("identity"), Type.Literal("delimiter")])),
});
export type Frame = Static<typeof Frame>;

export const SocketTotals = Type.Object({ sent: Type.Integer(), received: Type.Integer() });
export type SocketTotals = Static<typeof SocketTotals>;

export const ExitReason = Type.Union(["ok", "error", "timeout", "memory", "killed", "limit"].map((r) => Type.Literal(r)));
export type ExitReason = Static<typeof ExitReason>;

export const RunStart = Type.Object({
  ...base,
  type: Type.Literal("run/start"),
  runId: Type.String(),
  entry: Type.String(),
  files: Type.Array(Type.String()),
  sandbox: Type.String(),
});
export const SocketOpen = Type.Object({
  ...sock,
  type: Type.Literal("socket/open"),
  label: Type.String({ description: "kind plus creation site, e.g. REQ client.ts:4" }),
  site: Type.Optional(Type.String()),
  thread: Type.Integer({ description: "0 is the main thread" }),
  process: Type.Optional(Type.Integer({ description: "pid of the child process the program forked (a ProcessDevice); absent for the program's own process" })),
});
export const SocketBind = Type.Object({
  ...sock,
  type: Type.Literal("socket/bind"),
  endpoint: Type.String(),
  resolved: Type.Optional(Type.String({ description: "lastEndpoint after bind, e.g. with the real port of :*" })),
});
export const SocketConnect = Type.Object({ ...sock, type: Type.Literal("socket/connect"), endpoint: Type.String() });
export const SocketUnbind = Type.Object({ ...sock, type: Type.Literal("socket/unbind"), endpoint: Type.String() });
export const SocketDisconnect = Type.Object({ ...sock, type: Type.Literal("socket/disconnect"), endpoint: Type.String() });
export const SocketClose = Type.Object({ ...sock, type: Type.Literal("socket/close") });
export const SocketOption = Type.Object({
  ...sock,
  type: Type.Literal("socket/option"),
  name: Type.String(),
  value: Type.Unknown(),
});
export const SocketError = Type.Object({
  ...sock,
  type: Type.Literal("socket/error"),
  op: Type.String(),
  code: Type.Optional(Type.String()),
  message: Type.String(),
  endpoint: Type.Optional(Type.String({ description: "for bind, connect, unbind and disconnect" })),
});
/** Fields that let the server tell which edge a message took (server/trace/attribute.ts fills `from` and `peer`). */
const routing = {
  moreFrames: Type.Optional(Type.Integer({ minimum: 1, description: "frames after the listed ones, counted but not listed" })),
  fp: Type.Optional(Type.String({ description: "8 hex digits: fingerprint of the body frames (routing envelope left out)" })),
};
export const MessageSend = Type.Object({
  ...sock,
  type: Type.Literal("message/send"),
  frames: Type.Array(Frame),
  seq: Type.Integer(),
  ...routing,
  peer: Type.Optional(Type.String({ description: "ROUTER: the socket the identity frame addressed, when known" })),
});
export const MessageRecv = Type.Object({
  ...sock,
  type: Type.Literal("message/recv"),
  frames: Type.Array(Frame),
  seq: Type.Integer(),
  ...routing,
  from: Type.Optional(Type.String({ description: "the socket whose send this message was; the edge is from → socket" })),
});
/**
 * One zmq.Observer event of a tcp/ipc socket (inproc has none). `connect:retry` is throttled: `retries` counts
 * the retries since the last one reported, so an unanswered connect stays visible without flooding.
 */
export const SocketObserved = Type.Object({
  ...sock,
  type: Type.Literal("socket/event"),
  event: Type.String({ description: "observer event type: bind, accept, connect, connect:delay, connect:retry, handshake, disconnect, close, end, …:error" }),
  endpoint: Type.Optional(Type.String()),
  interval: Type.Optional(Type.Number({ description: "connect:retry: ms until the next attempt" })),
  retries: Type.Optional(Type.Integer({ description: "connect:retry: attempts since the last reported one" })),
  error: Type.Optional(Type.String({ description: "error code of the …:error events" })),
});
/** Messages per second per socket over the last `interval` ms; sockets absent did not change. */
export const Rates = Type.Object({
  ...base,
  type: Type.Literal("rates"),
  interval: Type.Number(),
  sockets: Type.Record(Type.String(), Type.Object({ sent: Type.Number(), received: Type.Number() })),
});
/** A zmq-devices device (queue, forwarder, streamer, …) started and owns these sockets. */
export const DeviceOpen = Type.Object({
  ...base,
  type: Type.Literal("device/open"),
  device: Type.String(),
  kind: Type.String(),
  sockets: Type.Array(Type.String()),
  label: Type.Optional(Type.String()),
});
/**
 * The server's one answer to "which connect reached which bind" (server/trace/link-model.ts): a link is up from the
 * later of the connect and the bind until either end disconnects, unbinds or closes. Every reader of the trace
 * (graph, diagnostics, lesson checks, scenario tests) takes links from these events instead of matching endpoints.
 */
const linkFields = {
  ...base,
  link: Type.String({ description: "stable id within the run, e.g. l3" }),
  from: Type.String({ description: "the connecting socket" }),
  to: Type.String({ description: "the binding socket" }),
  endpoint: Type.String({ description: "the endpoint as the connecting socket named it" }),
  transport: Type.Union(["tcp", "ipc", "inproc", "other"].map((t) => Type.Literal(t))),
};
export const LinkUp = Type.Object({ ...linkFields, type: Type.Literal("link/up") });
export const LinkDown = Type.Object({
  ...linkFields,
  type: Type.Literal("link/down"),
  reason: Type.Union(["disconnected", "unbound", "closed"].map((r) => Type.Literal(r))),
  by: Type.String({ description: "the socket whose disconnect, unbind or close ended the link" }),
});
/**
 * What people call a socket, decided by the server from the program's own source: the variable or property it was
 * assigned to, made distinct by routing id or replica number ("worker #2"). Sent again when it changes.
 */
export const SocketName = Type.Object({
  ...sock,
  type: Type.Literal("socket/name"),
  name: Type.String({ description: "e.g. frontend, worker #2, client-3" }),
  detail: Type.String({ description: "where it was made, e.g. broker.ts:12 · thread 1" }),
});
export const DropReason = Type.Union(["filtered", "no-route", "hwm", "before-subscription", "no-peer"].map((r) => Type.Literal(r)));
export type DropReason = Static<typeof DropReason>;
/**
 * Messages the trace shows were lost, at the socket where they were lost: filtered by its subscriptions, sent by a
 * ROUTER to an identity no connected peer has, beyond a high-water mark, published before the subscription, or
 * published with no peer at all. Reported once per socket, reason and peer, with how many were lost.
 */
export const MessageDrop = Type.Object({
  ...sock,
  type: Type.Literal("message/drop"),
  reason: DropReason,
  count: Type.Integer({ minimum: 1, description: "messages lost this way, as far as the trace shows" }),
  peer: Type.Optional(Type.String({ description: "the other socket: the publisher, or the ROUTER that had no route" })),
  seq: Type.Optional(Type.Integer({ description: "the sender's seq of the first message lost" })),
  fp: Type.Optional(Type.String()),
  message: Type.String({ description: "why, as a sentence" }),
});
/** A note about the trace itself, e.g. where message sampling starts and what it keeps. */
export const TraceNote = Type.Object({
  ...base,
  type: Type.Literal("trace/note"),
  code: Type.String(),
  message: Type.String(),
});
export const Console = Type.Object({
  ...base,
  type: Type.Literal("console"),
  stream: Type.Union([Type.Literal("stdout"), Type.Literal("stderr")]),
  text: Type.String(),
});
export const Diagnostic = Type.Object({
  ...base,
  type: Type.Literal("diagnostic"),
  code: Type.String(),
  message: Type.String(),
  socket: Type.Optional(Type.String()),
  peers: Type.Optional(Type.Array(Type.String(), { description: "other sockets the diagnostic is about" })),
  severity: Type.Union([Type.Literal("info"), Type.Literal("warning"), Type.Literal("error")]),
});
export const RunExit = Type.Object({
  ...base,
  type: Type.Literal("run/exit"),
  reason: ExitReason,
  code: Type.Union([Type.Integer(), Type.Null()]),
  signal: Type.Optional(Type.String()),
  message: Type.String({ description: "the verdict as a sentence a learner understands" }),
  limit: Type.Optional(Type.String({ description: "which limit stopped the run, for reason 'limit'" })),
  totals: Type.Record(Type.String(), SocketTotals),
});

export const TraceEvent = Type.Union([
  RunStart,
  SocketOpen,
  SocketBind,
  SocketConnect,
  SocketUnbind,
  SocketDisconnect,
  SocketClose,
  SocketOption,
  SocketError,
  MessageSend,
  MessageRecv,
  Console,
  Diagnostic,
  RunExit,
  SocketObserved,
  Rates,
  DeviceOpen,
  LinkUp,
  LinkDown,
  SocketName,
  MessageDrop,
  TraceNote,
]);
export type TraceEvent = Static<typeof TraceEvent>;
export type TraceEventOf<T extends TraceEvent["type"]> = Extract<TraceEvent, { type: T }>;
export type RunExit = Static<typeof RunExit>;
export type MessageEvent = Static<typeof MessageSend> | Static<typeof MessageRecv>;
