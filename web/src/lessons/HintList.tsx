import { Markdown } from "./Markdown.js";

interface Props {
  hints: string[];
  shown: number;
  onShowHint: () => void;
}

/** Hints one at a time, so a learner takes only as much help as they need. */
export function HintList({ hints, shown, onShowHint }: Props) {
  if (hints.length === 0) return null;
  return (
    <section className="hints" aria-labelledby="hints-heading">
      <h3 id="hints-heading">Hints</h3>
      {shown > 0 && (
        <ol className="hint-list">
          {hints.slice(0, shown).map((hint, i) => (
            <li key={i} aria-label={`Hint ${i + 1} of ${hints.length}`}>
              <Markdown source={hint} />
            </li>
          ))}
        </ol>
      )}
      <p className="hint-tools">
        <button type="button" onClick={onShowHint} disabled={shown >= hints.length}>
          {shown >= hints.length ? "No more hints" : shown === 0 ? "Show a hint" : "Show another hint"}
        </button>
        <span className="hint-count">
          {shown} of {hints.length} shown
        </span>
      </p>
    </section>
  );
}
