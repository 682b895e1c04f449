import { useCallback, useEffect, useMemo, useState } from "react";
import { FileTabs } from "./editor/FileTabs.js";
import { MonacoHost, type RevealRequest } from "./editor/MonacoHost.js";
import { GraphPane } from "./graph/GraphPane.js";
import { InspectorPane } from "./inspector/InspectorPane.js";
import { ConsolePane } from "./panes/ConsolePane.js";
import { MessageLog } from "./panes/MessageLog.js";
import { ShareButton } from "./panes/ShareButton.js";
import { StatusBadge } from "./panes/StatusBadge.js";
import { useWorkspace } from "./program/useWorkspace.js";
import type { CodeLocation } from "./run/locations.js";
import { runProblems } from "./run/problems.js";
import { isActive } from "./run/runState.js";
import { useRun } from "./run/useRun.js";
import { shareIdFromPath } from "./share/shareApi.js";
import { Splitter } from "./ui/Splitter.js";
import { isBoolean, isFraction, usePersistentState } from "./ui/usePersistentState.js";

const shareId = shareIdFromPath(window.location.pathname);

export function App() {
  const workspace = useWorkspace(shareId);
  const { run, connection, start, stop } = useRun();
  const [dark, setDark] = usePersistentState("zmq-workbench.dark", false, isBoolean);
  const [leftShare, setLeftShare] = usePersistentState("zmq-workbench.split.columns", 0.42, isFraction);
  const [editorShare, setEditorShare] = usePersistentState("zmq-workbench.split.editor", 0.68, isFraction);
  const [graphShare, setGraphShare] = usePersistentState("zmq-workbench.split.graph", 0.62, isFraction);
  const [selectedSocket, setSelectedSocket] = useState<string | null>(null);
  const [selectedMessage, setSelectedMessage] = useState<number | null>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const active = isActive(run.status);
  const fileNames = useMemo(() => Object.keys(workspace.files), [workspace.files]);
  const problems = useMemo(() => runProblems(run.console, fileNames), [run.console, fileNames]);

  const openLocation = useCallback((location: CodeLocation) => {
    workspace.setActive(location.file);
    setReveal({ ...location, nonce: Date.now() });
  }, [workspace.setActive]);

  const runNow = useCallback(() => {
    setSelectedSocket(null);
    setSelectedMessage(null);
    start(workspace.files, workspace.entry);
  }, [start, workspace.files, workspace.entry]);

  useEffect(() => { document.documentElement.dataset.theme = dark ? "dark" : "light"; }, [dark]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !ev.defaultPrevented) { ev.preventDefault(); runNow(); }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [runNow]);

  const selectSocket = (id: string | null) => { setSelectedSocket(id); setSelectedMessage(null); };
  const selectMessage = (index: number) => {
    setSelectedMessage(index);
    setSelectedSocket(run.graph.messages.find((m) => m.index === index)?.socket ?? null);
  };

  return (
    <div className="app">
      <header className="toolbar">
        <h1>ØMQ Workbench</h1>
        <button type="button" className="primary" onClick={runNow} aria-keyshortcuts="Control+Enter Meta+Enter" title="Run (Ctrl+Enter)">Run</button>
        <button type="button" onClick={stop} disabled={!active}>Stop</button>
        <StatusBadge run={run} connection={connection} />
        <span className="spacer" />
        <ShareButton files={workspace.files} entry={workspace.entry} />
        <button type="button" className="quiet" aria-pressed={dark} onClick={() => setDark(!dark)}>{dark ? "Light theme" : "Dark theme"}</button>
      </header>
      {workspace.notice && (
        <div className="notice" role="alert">
          {workspace.notice} <button type="button" className="quiet" onClick={workspace.dismissNotice}>Dismiss</button>
        </div>
      )}
      <main className="workspace" style={{ gridTemplateColumns: `${leftShare * 100}% 6px minmax(0, 1fr)` }}>
        <div className="column" style={{ gridTemplateRows: `${editorShare * 100}% 6px minmax(0, 1fr)` }}>
          <section className="pane editor-pane" aria-label="Editor">
            <FileTabs names={fileNames} active={workspace.active} entry={workspace.entry}
              onSelect={workspace.setActive} onAdd={workspace.addFile} onRename={workspace.renameFile} onDelete={workspace.deleteFile} />
            <MonacoHost files={workspace.files} revision={workspace.revision} active={workspace.active} dark={dark} onChange={workspace.setText} onRun={runNow}
              reveal={reveal} problems={problems} />
          </section>
          <Splitter orientation="horizontal" value={editorShare} onChange={setEditorShare} label="Resize editor and console" />
          <ConsolePane lines={run.console} files={fileNames} onOpenLocation={openLocation} />
        </div>
        <Splitter orientation="vertical" value={leftShare} onChange={setLeftShare} label="Resize code and graph" />
        <div className="column" style={{ gridTemplateRows: `${graphShare * 100}% 6px minmax(0, 1fr)` }}>
          <GraphPane graph={run.graph} selected={selectedSocket} onSelect={selectSocket} />
          <Splitter orientation="horizontal" value={graphShare} onChange={setGraphShare} label="Resize graph and details" />
          <div className="details-row">
            <MessageLog graph={run.graph} selected={selectedMessage} onSelect={selectMessage} socket={selectedSocket} />
            <InspectorPane graph={run.graph} selectedSocket={selectedSocket} selectedMessage={selectedMessage} onSelectSocket={selectSocket}
              files={fileNames} onOpenLocation={openLocation} />
          </div>
        </div>
      </main>
    </div>
  );
}
