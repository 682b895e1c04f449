import { useMemo } from "react";
import type { GraphState } from "../graph/model/types.js";
import { ActorControls } from "./ActorControls.js";
import { ParamControl } from "./ParamControl.js";
import { socketsByActor } from "./scenarioModel.js";
import type { ScenarioControls } from "./useScenario.js";
import "./scenarios.css";

interface Props {
  scenario: ScenarioControls;
  /** The live graph, to count each actor's sockets. */
  graph: GraphState;
  onClose(): void;
}

/** The classroom panel: pick a scenario, run it, and move its controls while it runs. */
export function ScenarioPanel({ scenario, graph, onClose }: Props) {
  const { scenarios, selected, values, live } = scenario;
  // Only the sockets and their wiring count; the graph changes with every message.
  const { nodes, connections, links } = graph;
  const sockets = useMemo(() => socketsByActor({ nodes, connections, links }), [nodes, connections, links]);

  return (
    <aside className="pane scenario-pane" aria-labelledby="scenario-heading">
      <div className="pane-header">
        <h2 id="scenario-heading">Scenario</h2>
        <button type="button" className="quiet" onClick={onClose} aria-label="Close the scenario panel">
          ×
        </button>
      </div>
      <div className="scenario-body">
        <label className="scenario-pick">
          <span className="visually-hidden">Choose a scenario</span>
          <select value={selected?.id ?? ""} onChange={(ev) => scenario.select(ev.target.value)} disabled={!scenarios}>
            <option value="" disabled>
              {scenarios ? "Choose a scenario…" : "Loading scenarios…"}
            </option>
            {scenarios?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        {scenario.error && (
          <p className="scenario-error" role="alert">
            {scenario.error}
          </p>
        )}
        {!selected && scenarios && (
          <ul className="scenario-list">
            {scenarios.map((s) => (
              <li key={s.id}>
                <button type="button" className="scenario-choice" onClick={() => scenario.select(s.id)}>
                  <strong>{s.title}</strong>
                  <span>{s.summary}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {selected && (
          <>
            <p className="scenario-summary" title={selected.summary}>
              {selected.summary}
            </p>
            <div className="scenario-actions">
              <button type="button" className="primary" onClick={() => void scenario.runScenario()} disabled={scenario.busy}>
                {live ? "Run again" : "Run scenario"}
              </button>
              <button type="button" onClick={() => void scenario.openAsCode()} disabled={scenario.busy}>
                Open as code
              </button>
            </div>
            <p className="scenario-state" data-live={live || undefined}>
              {live ? "Live: changes apply at once." : "Not running: controls set the starting values."}
            </p>
            <section aria-labelledby="scenario-controls-heading">
              <h3 id="scenario-controls-heading">Controls</h3>
              {Object.entries(selected.params).map(([name, spec]) => (
                <ParamControl
                  key={`${selected.id}.${name}`}
                  name={name}
                  spec={spec}
                  value={values[name] ?? spec.default}
                  onChange={(value, debounce) => scenario.setParam(name, value, debounce)}
                />
              ))}
            </section>
            <section aria-labelledby="scenario-actors-heading">
              <h3 id="scenario-actors-heading">Actors</h3>
              <ActorControls actors={selected.actors} values={values} live={live} paused={scenario.paused} sockets={sockets} onAction={scenario.actor} />
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
