import { TypeCompiler } from "@sinclair/typebox/compiler";
import { Value } from "@sinclair/typebox/value";
import { ServerMessage } from "../../../protocol/ws.js";

/**
 * Every frame of a busy run is checked, so the check is compiled once (several times faster than Value.Check); a
 * page whose policy forbids compiling code falls back to the interpreted check.
 */
const isServerMessage = compiledCheck();

function compiledCheck(): (value: unknown) => value is ServerMessage {
  try {
    const checker = TypeCompiler.Compile(ServerMessage);
    return (value): value is ServerMessage => checker.Check(value);
  } catch {
    return (value): value is ServerMessage => Value.Check(ServerMessage, value);
  }
}

/** A WebSocket frame as a server message, or undefined (with a console warning) when it is not one. */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  let message: unknown;
  try {
    message = JSON.parse(String(data));
  } catch {
    return undefined;
  }
  if (isServerMessage(message)) return message;
  console.warn("Dropped a server message that does not match the protocol", message);
  return undefined;
}
