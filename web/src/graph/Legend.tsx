import { FAMILIES, shapePath } from "./kinds.js";

/** One swatch per socket family, in the same shape and colour as the graph draws it. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {FAMILIES.map((f) => (
        <li key={f.family} className={`family-${f.family}`}>
          <svg width="18" height="18" viewBox="-10 -10 20 20" aria-hidden="true">
            <path className="shape" d={shapePath(f.shape, 7)} />
          </svg>
          <span>{f.kinds.slice(0, 2).join("/")}</span>
        </li>
      ))}
      <li className="legend-arrow">connect → bind</li>
      <li className="legend-closed">
        <svg width="22" height="10" aria-hidden="true">
          <line x1="1" y1="5" x2="21" y2="5" />
        </svg>{" "}
        closed
      </li>
    </ul>
  );
}
