import { useState } from "react";
import type { ActorOp, ScenarioSummary } from "../../../protocol/scenarios.js";
import { replicaCount, type ActorSockets, type ParamValues } from "./scenarioModel.js";

type Actor = ScenarioSummary["actors"][number];

interface Props {
  actors: ScenarioSummary["actors"];
  values: ParamValues;
  live: boolean;
  /** Actor or replica names ("worker", "worker-2") that were paused. */
  paused: ReadonlySet<string>;
  /** Open and closed sockets per actor, read from the live graph. */
  sockets: Map<string, ActorSockets>;
  onAction(target: string, op: ActorOp): void;
}

/** Per actor: what it is, how its sockets fare, and Kill, Restart, Pause/Resume for it or one of its replicas. */
export function ActorControls({ actors, values, live, paused, sockets, onAction }: Props) {
  return (
    <ul className="scenario-actors">
      {actors.map((a) => (
        <ActorRow
          key={a.name}
          actor={a}
          count={replicaCount(a.replicas, values)}
          live={live}
          paused={paused}
          sockets={sockets.get(a.name)}
          onAction={onAction}
        />
      ))}
    </ul>
  );
}

interface RowProps {
  actor: Actor;
  count: number;
  live: boolean;
  paused: ReadonlySet<string>;
  sockets?: ActorSockets;
  onAction: Props["onAction"];
}

function ActorRow({ actor, count, live, paused, sockets: s, onAction }: RowProps) {
  const [chosen, setChosen] = useState(actor.name);
  // A replica that is gone (fewer workers now) falls back to the whole actor.
  const target = chosen !== actor.name && Number(chosen.slice(actor.name.length + 1)) > count ? actor.name : chosen;
  const isPaused = paused.has(target) || paused.has(actor.name);
  const replicated = typeof actor.replicas === "string" || actor.replicas > 1;
  return (
    <li className="scenario-actor" data-actor={actor.name} data-paused={isPaused || undefined}>
      <div className="scenario-actor-name">
        <strong>{actor.name}</strong>
        {count !== 1 && <span className="replicas">×{count}</span>}
        <span className="kind">{actor.kind}</span>
        {live && s && (
          <span className="sockets" title="Sockets of this actor in the graph">
            {s.open} open{s.closed ? ` · ${s.closed} closed` : ""}
          </span>
        )}
        {live && s && s.linksDown > 0 && (
          <span className="links-down" title="Connects whose peer went away; libzmq keeps retrying them">
            {s.linksDown} peer{s.linksDown === 1 ? "" : "s"} lost
          </span>
        )}
        {isPaused && <span className="paused-mark">paused</span>}
      </div>
      <div className="scenario-actor-buttons">
        {replicated && count > 1 && (
          <select aria-label={`Which ${actor.name}`} value={target} onChange={(ev) => setChosen(ev.target.value)}>
            <option value={actor.name}>all</option>
            {Array.from({ length: count }, (_, i) => `${actor.name}-${i + 1}`).map((r) => (
              <option key={r} value={r}>
                {r.slice(actor.name.length + 1)}
              </option>
            ))}
          </select>
        )}
        <button type="button" disabled={!live} aria-label={`Kill ${target}`} onClick={() => onAction(target, "kill")}>
          Kill
        </button>
        <button type="button" disabled={!live} aria-label={`Restart ${target}`} onClick={() => onAction(target, "restart")}>
          Restart
        </button>
        <button
          type="button"
          disabled={!live}
          aria-label={`${isPaused ? "Resume" : "Pause"} ${target}`}
          onClick={() => onAction(target, isPaused ? "resume" : "pause")}
        >
          {isPaused ? "Resume" : "Pause"}
        </button>
      </div>
    </li>
  );
}
