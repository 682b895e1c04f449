import { useCallback, useEffect, useReducer, useRef } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import type { ClientMessage, ServerMessage } from "../../../protocol/ws.js";
import type { ControlMessage } from "../../../protocol/scenarios.js";
import { FrameBatch } from "./frameBatch.js";
import { RunClient, runsUrl, type RunExtras } from "./runClient.js";
import { initialPageState, reducePage, type PageAction, type PageState } from "./pageState.js";
import type { ConsoleLine } from "./runState.js";

export interface ServerChannel extends PageState {
  /** Adds the workbench's own lines to the current run's console. */
  note(lines: Array<Omit<ConsoleLine, "id">>): void;
  /** Returns the new run's id; `extra` carries a scenario's wall time and params. */
  start(files: ProgramFiles, entry?: string, lessonId?: string, extra?: RunExtras): string | undefined;
  stop(): void;
  /** A live control for the current run (scenario param or actor op). */
  control(message: ControlMessage): void;
  /** Classroom session messages over the same socket, so the session shows this page's runs. */
  sendSession(message: Extract<ClientMessage, { type: `session/${string}` }>): void;
  /** Starts a class (session/open) and shows it opening. */
  openClass(): void;
  /** Ends the class for everyone watching. */
  closeClass(): void;
}

/** The page's one WebSocket and the one store of what arrives on it: the run, the lesson check, the class session. */
export function useServerChannel(): ServerChannel {
  const [page, dispatch] = useReducer(reducePage, initialPageState);
  const clientRef = useRef<RunClient | null>(null);
  // A busy run sends a batch every few tens of ms: the page takes them in once a frame, in one update.
  const batchRef = useRef<FrameBatch<ServerMessage> | null>(null);
  /** Every action goes after the server messages that came before it. */
  const act = useCallback((action: PageAction) => {
    batchRef.current?.flush();
    dispatch(action);
  }, []);

  useEffect(() => {
    const batch = new FrameBatch<ServerMessage>((messages) => dispatch({ type: "server-batch", messages }));
    batchRef.current = batch;
    const client = new RunClient(runsUrl(window.location), {
      onMessage: (message) => batch.push(message),
      onConnection: (state) => act({ type: "connection", state }),
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
  const sendSession = useCallback((message: Parameters<ServerChannel["sendSession"]>[0]) => clientRef.current?.sendSession(message), []);
  const openClass = useCallback(() => {
    act({ type: "class/open" });
    clientRef.current?.sendSession({ type: "session/open", payload: {}, meta: {} });
  }, [act]);
  const closeClass = useCallback(() => {
    clientRef.current?.sendSession({ type: "session/close", payload: {}, meta: {} });
    act({ type: "class/close" });
  }, [act]);
  const stop = useCallback(() => {
    clientRef.current?.stop();
    act({ type: "stop" });
  }, [act]);

  return { ...page, start, note, stop, control, sendSession, openClass, closeClass };
}
