import { useContext, useEffect, useRef, useState } from "react";
import "./session.css";
import { TimelineContext } from "../timeline/useTimeline.js";
import { type ClassChannel, useClassSession } from "./useClassSession.js";

/**
 * "Start a class": opens a classroom session on this page's run socket and shows the join code big, the link to
 * /watch/CODE and the audience. Students see every run started here, and the view as paused or scrubbed here.
 */
export function StartClassControl(channel: ClassChannel) {
  const timeline = useContext(TimelineContext);
  const view = timeline ? { paused: timeline.paused, speed: timeline.speed, ...(timeline.cursor === undefined ? {} : { cursor: timeline.cursor }) } : null;
  const { state, open, close } = useClassSession(channel, view);
  const [panelOpen, setPanelOpen] = useState(true);
  const [copied, setCopied] = useState(false);
  const boxRef = useRef<HTMLSpanElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  const isOpen = state.phase === "open" && panelOpen;

  useEffect(() => {
    if (state.phase === "open") setPanelOpen(true);
  }, [state.phase]);
  useEffect(() => {
    if (isOpen) firstRef.current?.focus();
  }, [isOpen]);
  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (ev: PointerEvent) => {
      if (!boxRef.current?.contains(ev.target as Node)) setPanelOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [isOpen]);
  /** Closing from the keyboard or the × puts focus back on the button that opens the panel again. */
  const hide = () => {
    setPanelOpen(false);
    toggleRef.current?.focus();
  };

  if (state.phase !== "open") {
    return (
      <span className="present">
        <button
          type="button"
          onClick={open}
          disabled={state.phase === "opening" || state.phase === "reconnecting"}
          title="Start a classroom session: students watch your runs live"
        >
          {state.phase === "opening" ? "Opening…" : state.phase === "reconnecting" ? `Reconnecting to ${state.code}…` : "Start a class"}
        </button>
        {state.phase === "stopped" && (
          <span className="present-error" role="alert">
            {state.message}
          </span>
        )}
      </span>
    );
  }

  const link = new URL(state.url, window.location.origin).toString();
  const copy = async () =>
    setCopied(
      (await navigator.clipboard?.writeText(link).then(
        () => true,
        () => false,
      )) ?? false,
    );
  return (
    <span className="present" ref={boxRef}>
      <button
        type="button"
        ref={toggleRef}
        className="presenting"
        aria-expanded={panelOpen}
        aria-controls="session-panel"
        onClick={() => setPanelOpen(!panelOpen)}
      >
        <span className="live-dot" aria-hidden="true" />
        <span className="visually-hidden">Presenting </span>
        {state.code} · {state.spectators} watching
      </button>
      {panelOpen && (
        <section
          id="session-panel"
          className="session-panel"
          aria-labelledby="session-heading"
          onKeyDown={(ev) => {
            if (ev.key === "Escape" && !ev.defaultPrevented) hide();
          }}
        >
          <div className="session-panel-head">
            <h2 id="session-heading">Classroom session</h2>
            <button type="button" className="quiet" onClick={hide} aria-label="Hide the session panel">
              ×
            </button>
          </div>
          <p className="join-label">Join code</p>
          <p className="join-code" data-join-code={state.code} aria-label={`Join code ${state.code.split("").join(" ")}`}>
            <span>{state.code.slice(0, 3)}</span>
            <span>{state.code.slice(3)}</span>
          </p>
          <p className="join-how">Students open this link, or press “Join a class” and type the code:</p>
          <div className="join-link">
            <input readOnly value={link} aria-label="Session link" onFocus={(ev) => ev.currentTarget.select()} />
            <button type="button" ref={firstRef} onClick={copy}>
              {copied ? "Copied" : "Copy link"}
            </button>
          </div>
          <p className="audience" role="status" data-spectators={state.spectators}>
            {state.spectators === 0 ? "Nobody is watching yet." : `${state.spectators} watching`}
          </p>
          <div className="session-actions">
            {timeline && (
              <button type="button" aria-pressed={timeline.paused} onClick={() => timeline.setPaused(!timeline.paused)}>
                {timeline.paused ? "Resume for the class" : "Pause for the class"}
              </button>
            )}
            <button type="button" onClick={close}>
              End session
            </button>
          </div>
        </section>
      )}
    </span>
  );
}
