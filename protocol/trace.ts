import { Type, type Static } from "@sinclair/typebox";

/** Socket kinds as zeromq.js names them in upper case, the way ZeroMQ docs write them. */
export const SocketKind = Type.Union(
  [
    "REQ", "REP", "DEALER", "ROUTER", "PUB", "SUB", "XPUB", "XSUB",
    "PUSH", "PULL", "PAIR", "STREAM",
    "SERVER", "CLIENT", "RADIO", "DISH", "GATHER", "SCATTER", "DATAGRAM",
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

export const ExitReason = Type.Union(
  ["ok", "error", "timeout", "memory", "killed", "limit"].map((r) => Type.Literal(r)),
);
export type ExitReason = Static<typeof ExitReason>;

export const RunStart = Type.Object({
  ...base, type: Type.Literal("run/start"), runId: Type.String(), entry: Type.String(),
  files: Type.Array(Type.String()), sandbox: Type.String(),
});
export const SocketOpen = Type.Object({
  ...sock, type: Type.Literal("socket/open"),
  label: Type.String({ description: "kind plus creation site, e.g. REQ client.ts:4" }),
  site: Type.Optional(Type.String()), thread: Type.Integer({ description: "0 is the main thread" }),
});
export const SocketBind = Type.Object({
  ...sock, type: Type.Literal("socket/bind"), endpoint: Type.String(),
  resolved: Type.Optional(Type.String({ description: "lastEndpoint after bind, e.g. with the real port of :*" })),
});
export const SocketConnect = Type.Object({ ...sock, type: Type.Literal("socket/connect"), endpoint: Type.String() });
export const SocketUnbind = Type.Object({ ...sock, type: Type.Literal("socket/unbind"), endpoint: Type.String() });
export const SocketDisconnect = Type.Object({ ...sock, type: Type.Literal("socket/disconnect"), endpoint: Type.String() });
export const SocketClose = Type.Object({ ...sock, type: Type.Literal("socket/close") });
export const SocketOption = Type.Object({
  ...sock, type: Type.Literal("socket/option"), name: Type.String(), value: Type.Unknown(),
});
export const SocketError = Type.Object({
  ...sock, type: Type.Literal("socket/error"), op: Type.String(), code: Type.Optional(Type.String()), message: Type.String(),
});
export const MessageSend = Type.Object({
  ...sock, type: Type.Literal("message/send"), frames: Type.Array(Frame), seq: Type.Integer(),
});
export const MessageRecv = Type.Object({
  ...sock, type: Type.Literal("message/recv"), frames: Type.Array(Frame), seq: Type.Integer(),
});
export const Console = Type.Object({
  ...base, type: Type.Literal("console"),
  stream: Type.Union([Type.Literal("stdout"), Type.Literal("stderr")]), text: Type.String(),
});
export const Diagnostic = Type.Object({
  ...base, type: Type.Literal("diagnostic"), code: Type.String(), message: Type.String(),
  socket: Type.Optional(Type.String()),
  severity: Type.Union([Type.Literal("info"), Type.Literal("warning"), Type.Literal("error")]),
});
export const RunExit = Type.Object({
  ...base, type: Type.Literal("run/exit"), reason: ExitReason,
  code: Type.Union([Type.Integer(), Type.Null()]),
  signal: Type.Optional(Type.String()),
  message: Type.String({ description: "the verdict as a sentence a learner understands" }),
  limit: Type.Optional(Type.String({ description: "which limit stopped the run, for reason 'limit'" })),
  totals: Type.Record(Type.String(), SocketTotals),
});

export const TraceEvent = Type.Union([
  RunStart, SocketOpen, SocketBind, SocketConnect, SocketUnbind, SocketDisconnect, SocketClose,
  SocketOption, SocketError, MessageSend, MessageRecv, Console, Diagnostic, RunExit,
]);
export type TraceEvent = Static<typeof TraceEvent>;
export type TraceEventOf<T extends TraceEvent["type"]> = Extract<TraceEvent, { type: T }>;
export type RunExit = Static<typeof RunExit>;
export type MessageEvent = Static<typeof MessageSend> | Static<typeof MessageRecv>;
