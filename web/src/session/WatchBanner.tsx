import type { SpectatorState } from "./spectator.js";

const formatMs = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** One line above a spectator's view: paused or slowed by the presenter, reconnecting, or the session's end. */
export function WatchBanner({ state }: { state: SpectatorState }) {
  const { phase, view } = state;
  if (phase === "ended") {
    // Never joined (an unknown code, a full session): the server's sentence alone says what happened.
    return (
      <div className="watch-banner ended" role="alert" data-session-ended="true">
        {state.files ? (
          <>
            <strong>The session has ended.</strong> {state.ended}
          </>
        ) : (
          <strong>{state.ended ?? "This session is not available."}</strong>
        )}
      </div>
    );
  }
  if (phase === "connecting")
    return (
      <div className="watch-banner" role="status">
        Joining class {state.code}…
      </div>
    );
  if (phase === "reconnecting")
    return (
      <div className="watch-banner warn" role="status">
        The connection dropped; reconnecting…
      </div>
    );
  if (view.paused) {
    return (
      <div className="watch-banner paused" role="status" data-paused="true">
        <span className="pause-icon" aria-hidden="true" /> Paused by the presenter{view.cursor !== undefined ? ` at ${formatMs(view.cursor)}` : ""}
      </div>
    );
  }
  if (view.speed !== 1 || view.cursor !== undefined) {
    return (
      <div className="watch-banner" role="status">
        The presenter is replaying at {view.speed}×{view.cursor !== undefined ? `, now at ${formatMs(view.cursor)}` : ""}
      </div>
    );
  }
  if (!state.files)
    return (
      <div className="watch-banner" role="status">
        Connected. Waiting for the presenter to run a program…
      </div>
    );
  return null;
}
