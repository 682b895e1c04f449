import type { TraceEventOf } from "../../protocol/trace.js";

type Diagnostic = TraceEventOf<"diagnostic">;

/**
 * What a run should be told about its channel at the end: lines the program wrote to the telemetry descriptor
 * itself (ignored: the trace shows only what the traced zeromq module reported), lines that broke the channel's
 * bounds, and control messages that were refused or could not be delivered.
 */
export function channelReport(rejected: { unsigned: number; malformed: number }, controlRefused: number, t: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (rejected.unsigned > 0) {
    out.push({
      type: "diagnostic",
      t,
      code: "forged-telemetry",
      severity: "warning",
      message: `The program wrote ${rejected.unsigned} line${rejected.unsigned === 1 ? "" : "s"} to the workbench's telemetry channel itself. The workbench ignored ${rejected.unsigned === 1 ? "it" : "them"}: the trace, the verdict and lesson checks use only what the traced zeromq module reported and what the sandbox observed.`,
    });
  }
  if (rejected.malformed > 0) {
    out.push({
      type: "diagnostic",
      t,
      code: "telemetry-rejected",
      severity: "warning",
      message: `${rejected.malformed} telemetry line${rejected.malformed === 1 ? " was" : "s were"} too large, too deeply nested or not in the channel's format, and ${rejected.malformed === 1 ? "was" : "were"} dropped.`,
    });
  }
  if (controlRefused > 0) {
    out.push({
      type: "diagnostic",
      t,
      code: "control-dropped",
      severity: "info",
      message: `${controlRefused} control message${controlRefused === 1 ? " was" : "s were"} not delivered: too large, too many per second, or the program was not reading them.`,
    });
  }
  return out;
}
