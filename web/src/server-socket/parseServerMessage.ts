import { Value } from "@sinclair/typebox/value";
import { ServerMessage } from "../../../protocol/ws.js";

/** A WebSocket frame as a server message, or undefined (with a console warning) when it is not one. */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  let message: unknown;
  try {
    message = JSON.parse(String(data));
  } catch {
    return undefined;
  }
  if (Value.Check(ServerMessage, message)) return message;
  console.warn("Dropped a server message that does not match the protocol", message);
  return undefined;
}
