import { Value } from "@sinclair/typebox/value";
import type { TSchema } from "@sinclair/typebox";
import { StartRun, StopRun } from "../../protocol/ws.js";
import { RunControl } from "../../protocol/scenarios.js";
import { fileNameProblem } from "../../protocol/files.js";
import { CloseSession, OpenSession, ShareView } from "../../protocol/session.js";

const BY_TYPE: Record<string, TSchema> = {
  "run/start": StartRun,
  "run/stop": StopRun,
  "run/control": RunControl,
  "session/open": OpenSession,
  "session/view": ShareView,
  "session/close": CloseSession,
};

/** A sentence saying what is wrong with a client message that failed validation. */
export function describeInvalid(message: unknown): string {
  const type = (message as { type?: unknown })?.type;
  const schema = typeof type === "string" ? BY_TYPE[type] : undefined;
  if (!schema)
    return `Unknown message type ${JSON.stringify(type)}; expected one of ${Object.keys(BY_TYPE)
      .map((t) => `"${t}"`)
      .join(", ")}.`;
  const badName = fileNameProblem((message as { payload?: { files?: unknown } }).payload?.files);
  if (badName) return badName;
  const first = Value.Errors(schema, message).First();
  return first ? `Invalid ${type} message at ${first.path || "/"}: ${first.message}.` : `Invalid ${type} message.`;
}
