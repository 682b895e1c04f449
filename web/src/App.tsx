import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FileTabs } from "./editor/FileTabs.js";
import { MonacoHost, type CodeProblem, type RevealRequest } from "./editor/MonacoHost.js";
import { GraphPane } from "./graph/GraphPane.js";
import { DetailsRow } from "./inspector/DetailsRow.js";
import { ConsolePane } from "./panes/ConsolePane.js";
import { PresenterBar, PresenterButton } from "./presenter/PresenterBar.js";
import { usePresenter } from "./presenter/usePresenter.js";
import { ConnectionIndicator } from "./toolbar/ConnectionIndicator.js";
import { StatusBadge } from "./toolbar/StatusBadge.js";
import { useWorkspace } from "./program/useWorkspace.js";
import type { CodeLocation } from "./run-client/locations.js";
import { runProblems } from "./run-client/problems.js";
import { typeErrorNotes } from "./run-client/typeErrorNotes.js";
import { isActive } from "./run-client/runState.js";
import { useRun } from "./run-client/useRun.js";
import { LessonFrame } from "./lessons/LessonFrame.js";
import { LessonPane } from "./lessons/LessonPane.js";
import { LessonsMenu } from "./lessons/LessonsMenu.js";
import { ScenarioFrame } from "./scenarios/ScenarioFrame.js";
import { ScenarioPanel } from "./scenarios/ScenarioPanel.js";
import { useScenario } from "./scenarios/useScenario.js";
import { useLesson } from "./lessons/useLesson.js";
import { useLessonActions } from "./lessons/useLessonActions.js";
import type { Route } from "./routing/route.js";
import { workspaceSource } from "./routing/workspaceSource.js";
import { JoinClassButton } from "./session/JoinClassButton.js";
import { StartClassControl } from "./session/StartClassControl.js";
import { ShareDialog } from "./share/ShareDialog.js";
import { useSharedTrace } from "./share/useSharedTrace.js";
import { TimelineBar } from "./timeline/TimelineBar.js";
import { TimelineContext, useTimelineController } from "./timeline/useTimeline.js";
import { useTraceCode } from "./timeline/useTraceCode.js";
import { Splitter } from "./ui/Splitter.js";
import { FirstVisitHint } from "./ui/FirstVisitHint.js";
import { ToolbarOverflow } from "./toolbar/ToolbarOverflow.js";
import { isBoolean, isFraction, usePersistentState } from "./ui/usePersistentState.js";

/** The workbench: the playground, a shared program or a lesson, by route. */
export function App({ route }: { route: Route }) {
  const source = workspaceSource(route);
  const workspace = useWorkspace(source);
  const { run, connection, start, note, stop, control, sendSession, subscribe } = useRun();
  const lessonId = route.kind === "lesson" ? route.id : null;
  const lesson = useLesson(lessonId, run, subscribe);
  const lessonActions = useLessonActions(lesson.lesson, workspace);
  const timeline = useTimelineController(run, workspace.files, workspace.entry);
  const presenter = usePresenter(timeline);
  const sharedTrace = useSharedTrace(route, timeline.openTrace);
  const traceCode = useTraceCode(timeline.openedProgram, workspace, source.key);
  const lastTrace = useCallback(() => {
    if (timeline.total === 0) return null;
    const { files, entry, dropped, events } = timeline.exportTrace();
    return { files, events, ...(entry ? { entry } : {}), ...(dropped ? { dropped } : {}) };
  }, [timeline]);
  /** The run at the timeline's cursor: live, paused, replayed or opened from a trace file. */
  const shown = timeline.view;
  const [dark, setDark] = usePersistentState("zmq-workbench.dark", false, isBoolean);
  const [scenariosOpen, setScenariosOpen] = usePersistentState("zmq-workbench.scenarios.open", false, isBoolean);
  const scenario = useScenario({ run, start, control, replaceFiles: workspace.replaceFiles });
  // Beside a lesson the editor gets more of the room than in the playground, so the split is kept apart.
  const [leftShare, setLeftShare] = usePersistentState(
    lessonId ? "zmq-workbench.split.columns.lesson" : "zmq-workbench.split.columns",
    lessonId ? 0.52 : 0.42,
    isFraction,
  );
  const [editorShare, setEditorShare] = usePersistentState("zmq-workbench.split.editor", 0.68, isFraction);
  const [graphShare, setGraphShare] = usePersistentState("zmq-workbench.split.graph", 0.62, isFraction);
  const [selectedSocket, setSelectedSocket] = useState<string | null>(null);
  const [selectedMessage, setSelectedMessage] = useState<number | null>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const active = isActive(run.status);
  const fileNames = useMemo(() => Object.keys(workspace.files), [workspace.files]);
  const problems = useMemo(() => runProblems(run.console, fileNames), [run.console, fileNames]);

  const openLocation = useCallback(
    (location: CodeLocation) => {
      workspace.setActive(location.file);
      setReveal({ ...location, nonce: Date.now() });
    },
    [workspace.setActive],
  );

  const typeErrors = useRef<CodeProblem[]>([]);
  const runNow = useCallback(() => {
    if (workspace.loading) return;
    setSelectedSocket(null);
    setSelectedMessage(null);
    start(workspace.files, workspace.entry, lessonId ?? undefined);
    note(typeErrorNotes(typeErrors.current.filter((e) => e.location.file in workspace.files)));
  }, [start, note, workspace.files, workspace.entry, workspace.loading, lessonId]);

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? "dark" : "light";
  }, [dark]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !ev.defaultPrevented) {
        ev.preventDefault();
        runNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [runNow]);

  const selectSocket = (id: string | null) => {
    setSelectedSocket(id);
    setSelectedMessage(null);
  };
  const selectMessage = (index: number) => {
    setSelectedMessage(index);
    setSelectedSocket(shown.graph.messages.find((m) => m.index === index)?.socket ?? null);
  };

  return (
    <TimelineContext.Provider value={timeline}>
      <div className="app" data-presenting={presenter.presenting || undefined} data-show-code={presenter.showCode || undefined}>
        <header className="toolbar">
          <h1>ØMQ Workbench</h1>
          <button
            type="button"
            className="primary"
            onClick={runNow}
            disabled={workspace.loading}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            title="Run (Ctrl+Enter)"
          >
            Run
          </button>
          <button type="button" onClick={stop} disabled={!active}>
            Stop
          </button>
          <StatusBadge run={run} connection={connection} />
          <ConnectionIndicator connection={connection} />
          <span className="spacer" />
          <button type="button" aria-pressed={scenariosOpen} onClick={() => setScenariosOpen(!scenariosOpen)}>
            Scenarios
          </button>
          <LessonsMenu currentId={lessonId} onImported={lessonActions.imported} />
          <StartClassControl sendSession={sendSession} subscribe={subscribe} connection={connection} />
          <ToolbarOverflow>
            <JoinClassButton />
            <PresenterButton presenter={presenter} />
            <ShareDialog files={workspace.files} entry={workspace.entry} trace={lastTrace} />
            <button type="button" className="quiet" aria-pressed={dark} onClick={() => setDark(!dark)}>
              {dark ? "Light theme" : "Dark theme"}
            </button>
          </ToolbarOverflow>
        </header>
        {workspace.notice && (
          <div className="notice" role="alert">
            {workspace.notice}{" "}
            <button type="button" className="quiet" onClick={workspace.dismissNotice}>
              Dismiss
            </button>
          </div>
        )}
        {route.kind === "playground" && !presenter.presenting && <FirstVisitHint />}
        {route.kind === "share" && sharedTrace && (
          <section className="shared-banner" aria-label="Shared program" data-shared-trace={sharedTrace.kind}>
            <strong>Shared program.</strong>{" "}
            {sharedTrace.kind === "loading"
              ? "Loading the run shared with it…"
              : sharedTrace.kind === "shown"
                ? "The timeline shows the run recorded with it: replay or step through it, or press Run to run it yourself."
                : sharedTrace.message}
          </section>
        )}
        {traceCode.kept && (
          <section className="shared-banner" aria-label="Code of the trace" data-trace-code>
            The editor shows the program recorded in the trace you opened; the code that was there is kept.{" "}
            <button type="button" className="quiet" onClick={traceCode.restore}>
              Put my code back
            </button>
          </section>
        )}
        <PresenterBar presenter={presenter} />
        <TimelineBar />
        <ScenarioFrame panel={scenariosOpen ? <ScenarioPanel scenario={scenario} graph={run.graph} onClose={() => setScenariosOpen(false)} /> : null}>
          <LessonFrame
            lesson={
              lessonId ? (
                <LessonPane
                  state={lesson}
                  onReset={lessonActions.reset}
                  onToggleSolution={lessonActions.toggleSolution}
                  showingSolution={lessonActions.showingSolution}
                  onBackToOwnCode={lessonActions.backToOwnCode}
                  onNext={lessonActions.next}
                  onOpenScenario={(id) => {
                    setScenariosOpen(true);
                    scenario.select(id);
                  }}
                />
              ) : null
            }
          >
            <div
              className="workspace"
              data-layout={lessonId ? "lesson" : scenariosOpen ? "scenario" : "columns"}
              style={{ gridTemplateColumns: `${leftShare * 100}% 6px minmax(0, 1fr)` }}
            >
              <div className="column code-column" style={{ gridTemplateRows: `${editorShare * 100}% 6px minmax(0, 1fr)` }}>
                <section className="pane editor-pane" aria-label="Editor">
                  <FileTabs
                    names={fileNames}
                    active={workspace.active}
                    entry={workspace.entry}
                    onSelect={workspace.setActive}
                    onAdd={workspace.addFile}
                    onRename={workspace.renameFile}
                    onDelete={workspace.deleteFile}
                  />
                  <MonacoHost
                    files={workspace.files}
                    revision={workspace.revision}
                    active={workspace.active}
                    dark={dark}
                    onChange={workspace.setText}
                    onRun={runNow}
                    reveal={reveal}
                    problems={problems}
                    onTypeErrors={(errors) => {
                      typeErrors.current = errors;
                    }}
                  />
                </section>
                <Splitter orientation="horizontal" value={editorShare} onChange={setEditorShare} label="Resize editor and console" />
                <ConsolePane lines={shown.console} files={fileNames} onOpenLocation={openLocation} />
              </div>
              <Splitter orientation="vertical" value={leftShare} onChange={setLeftShare} label="Resize code and graph" />
              <div className="column view-column" style={{ gridTemplateRows: `${graphShare * 100}% 6px minmax(0, 1fr)` }}>
                <GraphPane
                  graph={shown.graph}
                  selected={selectedSocket}
                  onSelect={selectSocket}
                  speed={timeline.speed}
                  fitSignal={presenter.fitSignal}
                  followed={selectedMessage}
                  onSelectMessage={(i) => (i === null ? setSelectedMessage(null) : selectMessage(i))}
                />
                <Splitter orientation="horizontal" value={graphShare} onChange={setGraphShare} label="Resize graph and details" />
                <DetailsRow
                  graph={shown.graph}
                  selectedSocket={selectedSocket}
                  selectedMessage={selectedMessage}
                  onSelectSocket={selectSocket}
                  files={fileNames}
                  onOpenLocation={openLocation}
                  onSelectMessage={selectMessage}
                />
              </div>
            </div>
          </LessonFrame>
        </ScenarioFrame>
      </div>
    </TimelineContext.Provider>
  );
}
