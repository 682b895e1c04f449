import { useCallback, useEffect, useReducer, useState } from "react";
import "./session.css";
import type { RevealRequest } from "../editor/MonacoHost.js";
import { GraphPane } from "../graph/GraphPane.js";
import { DetailsRow } from "../inspector/DetailsRow.js";
import { ConsolePane } from "../panes/ConsolePane.js";
import { StatusBadge } from "../toolbar/StatusBadge.js";
import { followLink } from "../routing/route.js";
import type { CodeLocation } from "../run-client/locations.js";
import { TimelineContext, useTimelineController } from "../timeline/useTimeline.js";
import { Splitter } from "../ui/Splitter.js";
import { isBoolean, isFraction, usePersistentState } from "../ui/usePersistentState.js";
import { CodeView } from "./CodeView.js";
import { JoinForm } from "./JoinForm.js";
import { initialSpectator, reduceSpectator } from "./spectator.js";
import { useMirroredView } from "./useMirroredView.js";
import { WatchBanner } from "./WatchBanner.js";
import { WatchClient, watchUrl } from "./watchClient.js";

const WAITING = { "main.ts": "// The presenter's code appears here when they run it.\n" };

/** A spectator's page, /watch/CODE: the presenter's code, live graph, console and messages, read-only. */
export function WatchApp({ code }: { code: string }) {
  const [state, dispatch] = useReducer(reduceSpectator, code, initialSpectator);
  const [dark, setDark] = usePersistentState("zmq-workbench.dark", false, isBoolean);
  const [leftShare, setLeftShare] = usePersistentState("zmq-workbench.split.columns", 0.42, isFraction);
  const [graphShare, setGraphShare] = usePersistentState("zmq-workbench.split.graph", 0.62, isFraction);
  const [selectedSocket, setSelectedSocket] = useState<string | null>(null);
  const [selectedMessage, setSelectedMessage] = useState<number | null>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const files = state.files ?? WAITING;
  const timeline = useTimelineController(state.run, files, state.entry ?? "main.ts");
  useMirroredView(timeline, state.view, state.run.runId);
  const shown = timeline.view;

  useEffect(() => {
    const client = new WatchClient(watchUrl(window.location, code), {
      onMessage: (message) => dispatch({ type: "message", message }),
      onConnection: (s) => dispatch({ type: "connection", state: s }),
    });
    return () => client.destroy();
  }, [code]);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? "dark" : "light";
  }, [dark]);
  useEffect(() => {
    setSelectedSocket(null);
    setSelectedMessage(null);
  }, [state.run.runId]);

  const openLocation = useCallback((location: CodeLocation) => setReveal({ ...location, nonce: Date.now() }), []);
  const selectSocket = (id: string | null) => {
    setSelectedSocket(id);
    setSelectedMessage(null);
  };
  const selectMessage = (index: number) => {
    setSelectedMessage(index);
    setSelectedSocket(shown.graph.messages.find((m) => m.index === index)?.socket ?? null);
  };
  const names = Object.keys(files);

  return (
    <TimelineContext.Provider value={timeline}>
      <div className="app watch-app" data-watch-phase={state.phase}>
        <header className="toolbar">
          <h1>ØMQ Workbench</h1>
          <span className="watch-title">
            {/* Nothing was ever watched under an unknown or finished code: the title must not claim otherwise. */}
            {state.phase === "ended" && !state.files ? "Class" : "Watching class"} <strong className="watch-code">{code}</strong>
          </span>
          {state.phase === "ended" ? (
            state.files && (
              <span className="status-badge status-ended" role="status" data-run-status="ended">
                Session ended
              </span>
            )
          ) : (
            <StatusBadge run={state.run} connection={state.phase === "watching" ? "open" : "connecting"} />
          )}
          <span className="spacer" />
          <a className="button-link quiet" href="/" onClick={(ev) => followLink(ev, "/")}>
            Leave
          </a>
          <button type="button" className="quiet" aria-pressed={dark} onClick={() => setDark(!dark)}>
            {dark ? "Light theme" : "Dark theme"}
          </button>
        </header>
        <WatchBanner state={state} />
        {state.phase === "ended" && !state.files ? (
          <main className="watch-ended">
            <JoinForm autoFocus />
            <p>
              <a href="/" onClick={(ev) => followLink(ev, "/")}>
                Go to the playground
              </a>
            </p>
          </main>
        ) : (
          <main className="workspace" style={{ gridTemplateColumns: `${leftShare * 100}% 6px minmax(0, 1fr)` }}>
            <div className="column watch-code-column" style={{ gridTemplateRows: "minmax(0, 2fr) 10px minmax(0, 1fr)" }}>
              <CodeView files={files} entry={state.entry} revision={state.filesRevision} dark={dark} reveal={reveal} />
              <span />
              <ConsolePane lines={shown.console} files={names} onOpenLocation={openLocation} />
            </div>
            <Splitter orientation="vertical" value={leftShare} onChange={setLeftShare} label="Resize code and graph" />
            <div className="column" style={{ gridTemplateRows: `${graphShare * 100}% 6px minmax(0, 1fr)` }}>
              <GraphPane graph={shown.graph} selected={selectedSocket} onSelect={selectSocket} speed={timeline.speed} />
              <Splitter orientation="horizontal" value={graphShare} onChange={setGraphShare} label="Resize graph and details" />
              <DetailsRow
                graph={shown.graph}
                selectedSocket={selectedSocket}
                selectedMessage={selectedMessage}
                onSelectSocket={selectSocket}
                files={names}
                onOpenLocation={openLocation}
                onSelectMessage={selectMessage}
              />
            </div>
          </main>
        )}
      </div>
    </TimelineContext.Provider>
  );
}
