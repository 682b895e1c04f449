import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import { RunClient, runsUrl, type ConnectionState } from "./runClient.js";
import { initialRunState, reduceRun, type RunState } from "./runState.js";

export interface RunControls {
  run: RunState;
  connection: ConnectionState;
  start(files: ProgramFiles, entry?: string): void;
  stop(): void;
}

/** The one WebSocket of the page and the state of the current run. */
export function useRun(): RunControls {
  const [run, dispatch] = useReducer(reduceRun, initialRunState);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const clientRef = useRef<RunClient | null>(null);

  useEffect(() => {
    const client = new RunClient(runsUrl(window.location), {
      onMessage: (message) => dispatch({ type: "server", message }),
      onConnection: setConnection,
      onRunLost: () => dispatch({ type: "connection-lost" }),
    });
    clientRef.current = client;
    return () => { client.destroy(); clientRef.current = null; };
  }, []);

  const start = useCallback((files: ProgramFiles, entry?: string) => {
    const client = clientRef.current;
    if (!client) return;
    dispatch({ type: "start", runId: client.start(files, entry) });
  }, []);

  const stop = useCallback(() => {
    clientRef.current?.stop();
    dispatch({ type: "stop" });
  }, []);

  return { run, connection, start, stop };
}
