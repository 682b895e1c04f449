import type { ConnectionState } from "../run-client/runClient.js";
import type { RunState } from "../run-client/runState.js";

const EXIT_WORDS: Record<string, string> = {
  ok: "Finished",
  error: "Failed",
  timeout: "Timed out",
  memory: "Out of memory",
  killed: "Stopped",
  limit: "Hit a limit",
};

export function statusText(run: RunState, connection: ConnectionState): string {
  if (connection !== "open" && (run.status === "idle" || run.status === "starting")) return "Connecting to the server…";
  switch (run.status) {
    case "idle":
      return "Ready";
    case "starting":
      return "Starting…";
    case "queued":
      return `Waiting for a sandbox (${run.queuePosition ?? 1} ahead)`;
    case "running":
      return "Running";
    case "stopping":
      return "Stopping…";
    case "done":
    case "failed":
      return run.exit ? (EXIT_WORDS[run.exit.reason] ?? run.exit.reason) : "Failed";
  }
}

/** The state of the run in a word or two, announced politely to screen readers. */
export function StatusBadge({ run, connection }: { run: RunState; connection: ConnectionState }) {
  return (
    <span className={`status-badge status-${run.status}`} role="status" aria-live="polite" data-run-status={run.status}>
      <span className="status-dot" aria-hidden="true" />
      {statusText(run, connection)}
    </span>
  );
}
