import { useCallback, useState } from "react";
import type { GraphState } from "../graph/model/reducer.js";

export interface Selection {
  socket: string | null;
  message: number | null;
  selectSocket(id: string | null): void;
  /** Selects a message and the socket it belongs to; null clears the message alone. */
  selectMessage(index: number | null): void;
  clear(): void;
}

/** What the graph, message log and inspector have selected: a socket, or one message and its socket. */
export function useSelection(graph: GraphState): Selection {
  const [socket, setSocket] = useState<string | null>(null);
  const [message, setMessage] = useState<number | null>(null);
  const selectSocket = useCallback((id: string | null) => {
    setSocket(id);
    setMessage(null);
  }, []);
  const selectMessage = (index: number | null) => {
    setMessage(index);
    if (index !== null) setSocket(graph.messages.find((m) => m.index === index)?.socket ?? null);
  };
  const clear = useCallback(() => {
    setSocket(null);
    setMessage(null);
  }, []);
  return { socket, message, selectSocket, selectMessage, clear };
}
