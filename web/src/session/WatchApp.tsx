import { useCallback, useEffect, useReducer, useState } from "react";
import "./session.css";
import type { RevealRequest } from "../editor/MonacoHost.js";
import { RunViewColumn } from "../inspector/RunViewColumn.js";
import { useSelection } from "../inspector/useSelection.js";
import { ConsolePane } from "../panes/ConsolePane.js";
import { StatusBadge } from "../toolbar/StatusBadge.js";
import { followLink } from "../routing/route.js";
import type { CodeLocation } from "../run-client/locations.js";
import { TimelineContext, useTimelineController } from "../timeline/useTimeline.js";
import { Splitter } from "../ui/Splitter.js";
import { ThemeButton, useTheme } from "../ui/useTheme.js";
import { isFraction, usePersistentState } from "../ui/usePersistentState.js";
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
  const theme = useTheme();
  const { dark } = theme;
  const [leftShare, setLeftShare] = usePersistentState("zmq-workbench.split.columns", 0.42, isFraction);
  const [graphShare, setGraphShare] = usePersistentState("zmq-workbench.split.graph", 0.62, isFraction);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const files = state.files ?? WAITING;
  const timeline = useTimelineController(state.run, files, state.entry ?? "main.ts");
  useMirroredView(timeline, state.view, state.run.runId);
  const shown = timeline.view;
  const selection = useSelection(shown.graph);
  // Each new run of the presenter's starts with nothing selected.
  const [selectionRunId, setSelectionRunId] = useState(state.run.runId);
  if (selectionRunId !== state.run.runId) {
    setSelectionRunId(state.run.runId);
    selection.clear();
  }

  useEffect(() => {
    const client = new WatchClient(watchUrl(window.location, code), {
      onMessage: (message) => dispatch({ type: "message", message }),
      onConnection: (s) => dispatch({ type: "connection", state: s }),
    });
    return () => client.destroy();
  }, [code]);

  const openLocation = useCallback((location: CodeLocation) => setReveal({ ...location, nonce: Date.now() }), []);
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
          <ThemeButton theme={theme} />
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
            <RunViewColumn
              graph={shown.graph}
              selection={selection}
              speed={timeline.speed}
              graphShare={graphShare}
              onGraphShare={setGraphShare}
              files={names}
              onOpenLocation={openLocation}
            />
          </main>
        )}
      </div>
    </TimelineContext.Provider>
  );
}
