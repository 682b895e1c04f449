import { Type, type Static } from "@sinclair/typebox";
import { ProgramFiles, FILE_NAME_PATTERN } from "./files.js";

export const Health = Type.Object({
  ok: Type.Boolean(),
  sandbox: Type.String({ description: "isolation driver name: bwrap or none" }),
  version: Type.String(),
  /** False while the node drains before a restart (or never runs code here): send new runs elsewhere. */
  acceptingRuns: Type.Boolean(),
  /** Runs going on this node now, queued ones included. */
  runs: Type.Integer({ minimum: 0 }),
  warning: Type.Optional(Type.String()),
});
export type Health = Static<typeof Health>;

export const ShareRequest = Type.Object({
  files: ProgramFiles,
  entry: Type.Optional(Type.String({ pattern: FILE_NAME_PATTERN })),
});
export type ShareRequest = Static<typeof ShareRequest>;

export const SHARE_ID_PATTERN = "^[A-Za-z0-9_-]{8,32}$";
export const ShareCreated = Type.Object({ id: Type.String(), url: Type.String() });
export type ShareCreated = Static<typeof ShareCreated>;

export const Share = Type.Object({
  id: Type.String(),
  files: ProgramFiles,
  entry: Type.String(),
  createdAt: Type.String(),
});
export type Share = Static<typeof Share>;

export const ApiError = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String() });
export type ApiError = Static<typeof ApiError>;
