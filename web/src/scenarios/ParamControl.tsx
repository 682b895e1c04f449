import type { ParamSpec, ParamValue } from "../../../protocol/scenarios.js";
import { coerceParam, formatValue, isSlider, stepOf } from "./scenarioModel.js";

interface Props {
  name: string;
  spec: ParamSpec;
  value: ParamValue;
  /** `debounce` is set for slider drags, which fire many changes a second. */
  onChange(value: ParamValue, debounce: boolean): void;
}

/** One live control: a slider, number field, select or checkbox whose accessible name is the param's label. */
export function ParamControl({ name, spec, value, onChange }: Props) {
  const id = `scenario-param-${name}`;
  const set = (raw: string | boolean, debounce: boolean) => {
    const v = coerceParam(spec, raw);
    if (v !== null) onChange(v, debounce);
  };

  if (spec.type === "boolean") {
    return (
      <div className="scenario-param checkbox">
        <input id={id} type="checkbox" checked={value === true} onChange={(ev) => set(ev.target.checked, false)} />
        <label htmlFor={id}>{spec.label}</label>
      </div>
    );
  }

  const head = (
    <div className="scenario-param-head">
      <label htmlFor={id}>{spec.label}</label>
      <output htmlFor={id} aria-live="off">
        {formatValue(value)}
      </output>
    </div>
  );

  if (spec.options) {
    return (
      <div className="scenario-param">
        {head}
        <select id={id} value={String(value)} onChange={(ev) => set(ev.target.value, false)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
    );
  }

  if (isSlider(spec)) {
    return (
      <div className="scenario-param">
        {head}
        <input id={id} type="range" min={spec.min} max={spec.max} step={stepOf(spec)} value={Number(value)} onChange={(ev) => set(ev.target.value, true)} />
      </div>
    );
  }

  return (
    <div className="scenario-param">
      {head}
      <input
        id={id}
        type={spec.type === "number" ? "number" : "text"}
        value={String(value)}
        min={spec.min}
        max={spec.max}
        step={spec.step}
        onChange={(ev) => set(ev.target.value, true)}
      />
    </div>
  );
}
