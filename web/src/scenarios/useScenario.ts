import { useCallback, useEffect, useRef, useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import type { ActorOp, ControlMessage, ParamValue, ScenarioSummary } from "../../../protocol/scenarios.js";
import type { RunExtras } from "../run-client/runClient.js";
import { isActive, type RunState } from "../run-client/runState.js";
import { listScenarios, loadProgram } from "./scenarioApi.js";
import { defaultValues, type ParamValues } from "./scenarioModel.js";

/** Sliders send at most one set-param per this many ms while dragged. */
export const SLIDER_DEBOUNCE_MS = 150;

export interface ScenarioDeps {
  run: RunState;
  start(files: ProgramFiles, entry?: string, lessonId?: string, extra?: RunExtras): string | undefined;
  control(message: ControlMessage): void;
  replaceFiles(files: ProgramFiles, entry?: string): void;
}

export interface ScenarioControls {
  scenarios: ScenarioSummary[] | null;
  error: string | null;
  selected: ScenarioSummary | null;
  values: ParamValues;
  /** The current run is this panel's scenario and still going: controls act on it live. */
  live: boolean;
  paused: ReadonlySet<string>;
  busy: boolean;
  select(id: string): void;
  setParam(name: string, value: ParamValue, debounce?: boolean): void;
  actor(name: string, op: ActorOp): void;
  runScenario(): Promise<void>;
  openAsCode(): Promise<void>;
}

/** The scenario panel's state: the catalogue, the chosen scenario's values, and its live run. */
export function useScenario({ run, start, control, replaceFiles }: ScenarioDeps): ScenarioControls {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [values, setValues] = useState<ParamValues>({});
  const [runId, setRunId] = useState<string | null>(null);
  /** The scenario whose program the editor holds: a run of it from the toolbar is live-controllable too. */
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const [paused, setPaused] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const live = isActive(run.status) && ((runId !== null && run.runId === runId) || (loadedId !== null && loadedId === selectedId));
  const liveRef = useRef(live);
  liveRef.current = live;

  useEffect(() => {
    listScenarios().then(setScenarios, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  useEffect(
    () => () => {
      for (const t of timers.current.values()) clearTimeout(t);
    },
    [],
  );

  const selected = scenarios?.find((s) => s.id === selectedId) ?? null;

  const select = useCallback(
    (id: string) => {
      const scenario = scenarios?.find((s) => s.id === id);
      setSelectedId(id);
      setValues(scenario ? defaultValues(scenario) : {});
      setPaused(new Set());
    },
    [scenarios],
  );

  const setParam = useCallback(
    (name: string, value: ParamValue, debounce = false) => {
      setValues((v) => ({ ...v, [name]: value }));
      if (!liveRef.current) return;
      const pending = timers.current.get(name);
      if (pending) clearTimeout(pending);
      const send = () => {
        timers.current.delete(name);
        if (liveRef.current) control({ action: "set-param", name, value });
      };
      if (debounce) timers.current.set(name, setTimeout(send, SLIDER_DEBOUNCE_MS));
      else send();
    },
    [control],
  );

  const actor = useCallback(
    (name: string, op: ActorOp) => {
      if (!liveRef.current) return;
      control({ action: "actor", actor: name, op });
      setPaused((p) => {
        const next = new Set(p);
        if (op === "pause") next.add(name);
        // Resuming, killing or restarting an actor or replica ends its pause, and the pause of all of it.
        else for (const p of [...next]) if (p === name || p.startsWith(`${name}-`) || name.startsWith(`${p}-`)) next.delete(p);
        return next;
      });
    },
    [control],
  );

  const withProgram = useCallback(
    async (then: (p: Awaited<ReturnType<typeof loadProgram>>) => void) => {
      if (!selected) return;
      setBusy(true);
      setError(null);
      try {
        const program = await loadProgram(selected.id, values);
        replaceFiles(program.files, program.entry);
        setLoadedId(selected.id);
        then(program);
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      } finally {
        setBusy(false);
      }
    },
    [selected, values, replaceFiles],
  );

  const runScenario = useCallback(
    () =>
      withProgram((program) => {
        setPaused(new Set());
        setRunId(
          start(program.files, program.entry, undefined, {
            timeoutMs: program.timeoutMs,
            params: program.params,
            ...(selected ? { scenario: selected.id } : {}),
          }) ?? null,
        );
      }),
    [withProgram, start, selected],
  );

  const openAsCode = useCallback(() => withProgram(() => undefined), [withProgram]);

  return { scenarios, error, selected, values, live, paused, busy, select, setParam, actor, runScenario, openAsCode };
}
