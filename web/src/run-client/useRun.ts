import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import type { ClientMessage, ServerMessage } from "../../../protocol/ws.js";
import type { ControlMessage } from "../../../protocol/scenarios.js";
import { FrameBatch } from "./frameBatch.js";
import { RunClient, runsUrl, type ConnectionState, type RunExtras } from "./runClient.js";
import { initialRunState, reduceRun, type ConsoleLine, type RunAction, type RunState } from "./runState.js";

export interface RunControls {
  run: RunState;
  connection: ConnectionState;
  /** Adds the workbench's own lines to the current run's console. */
  note(lines: Array<Omit<ConsoleLine, "id">>): void;
  /** Returns the new run's id; `extra` carries a scenario's wall time and params. */
  start(files: ProgramFiles, entry?: string, lessonId?: string, extra?: RunExtras): string | undefined;
  stop(): void;
  /** A live control for the current run (scenario param or actor op). */
  control(message: ControlMessage): void;
  /** Classroom session messages over the same socket, so the session shows this page's runs. */
  sendSession(message: Extract<ClientMessage, { type: `session/${string}` }>): void;
  /** Every message for this page (current run's and session ones); returns the unsubscribe. */
  subscribe(listener: (message: ServerMessage) => void): () => void;
}

/** The one WebSocket of the page and the state of the current run. */
export function useRun(): RunControls {
  const [run, dispatch] = useReducer(reduceRun, initialRunState);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const clientRef = useRef<RunClient | null>(null);
  const listeners = useRef(new Set<(message: ServerMessage) => void>());
  // A busy run sends a batch every few tens of ms: the page takes them in once a frame, in one update.
  const batchRef = useRef<FrameBatch<ServerMessage> | null>(null);
  /** Every action goes after the server messages that came before it. */
  const act = useCallback((action: RunAction) => {
    batchRef.current?.flush();
    dispatch(action);
  }, []);

  useEffect(() => {
    const batch = new FrameBatch<ServerMessage>((messages) => dispatch({ type: "server-batch", messages }));
    batchRef.current = batch;
    const client = new RunClient(runsUrl(window.location), {
      onMessage: (message) => {
        batch.push(message);
        for (const listener of listeners.current) listener(message);
      },
      onConnection: setConnection,
      onRunLost: () => act({ type: "connection-lost" }),
    });
    clientRef.current = client;
    return () => {
      client.destroy();
      batch.destroy();
      clientRef.current = null;
      batchRef.current = null;
    };
  }, [act]);

  const start = useCallback(
    (files: ProgramFiles, entry?: string, lessonId?: string, extra?: RunExtras) => {
      const client = clientRef.current;
      if (!client) return undefined;
      const runId = client.start(files, entry, lessonId, extra);
      act({ type: "start", runId });
      return runId;
    },
    [act],
  );
  const note = useCallback((lines: Array<Omit<ConsoleLine, "id">>) => act({ type: "notes", lines }), [act]);
  const control = useCallback((message: ControlMessage) => clientRef.current?.control(message), []);

  const sendSession = useCallback((message: Parameters<RunControls["sendSession"]>[0]) => clientRef.current?.sendSession(message), []);
  const subscribe = useCallback((listener: (message: ServerMessage) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const stop = useCallback(() => {
    clientRef.current?.stop();
    act({ type: "stop" });
  }, [act]);

  return { run, connection, start, note, stop, control, sendSession, subscribe };
}
