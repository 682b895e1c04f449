import "./presenter.css";
import type { Presenter } from "./usePresenter.js";

const KEYS: Array<[string, string]> = [
  ["Space", "pause"],
  ["← →", "step"],
  ["+ −", "speed"],
  ["F", "fit"],
  ["C", "code"],
  ["Esc", "exit"],
];

/** The toolbar button that enters presenter mode. */
export function PresenterButton({ presenter }: { presenter: Presenter }) {
  return (
    <button
      type="button"
      className="quiet"
      aria-pressed={presenter.presenting}
      aria-keyshortcuts="P"
      title="Presenter mode (P): the graph full screen for a classroom"
      onClick={() => presenter.setPresenting(!presenter.presenting)}
    >
      Presenter mode
    </button>
  );
}

/** Shown above the graph in presenter mode: the keys, the code toggle and the way out. */
export function PresenterBar({ presenter }: { presenter: Presenter }) {
  if (!presenter.presenting) return null;
  return (
    <div className="presenter-bar" role="region" aria-label="Presenter mode">
      <ul className="presenter-keys" aria-label="Keyboard shortcuts">
        {KEYS.map(([key, what]) => (
          <li key={key}>
            <kbd>{key}</kbd> {what}
          </li>
        ))}
      </ul>
      <span className="spacer" />
      <button type="button" aria-pressed={presenter.showCode} onClick={() => presenter.setShowCode(!presenter.showCode)}>
        {presenter.showCode ? "Hide code" : "Show code"}
      </button>
      <button type="button" className="primary" onClick={() => presenter.setPresenting(false)}>
        Exit presenter mode
      </button>
    </div>
  );
}
