import { useRef, type KeyboardEvent } from "react";

interface Props {
  names: string[];
  active: string;
  entry: string;
  onSelect: (name: string) => void;
  onAdd: () => void;
  onRename: (name: string) => void;
  onDelete: (name: string) => void;
}

/** One tab per file; arrow keys move between tabs, as in any tab list. */
export function FileTabs({ names, active, entry, onSelect, onAdd, onRename, onDelete }: Props) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(ev: KeyboardEvent<HTMLDivElement>) {
    const step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const from = (ev.target as HTMLElement).dataset.file ?? active;
    const next = names[(names.indexOf(from) + step + names.length) % names.length];
    onSelect(next);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-file="${CSS.escape(next)}"]`)?.focus();
  }

  return (
    <div className="file-tabs">
      <div role="tablist" aria-label="Files" ref={listRef} onKeyDown={onKeyDown}>
        {names.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            data-file={name}
            aria-selected={name === active}
            tabIndex={name === active ? 0 : -1}
            className={name === active ? "tab active" : "tab"}
            onClick={() => onSelect(name)}
            onDoubleClick={() => onRename(name)}
            title={name === entry ? `${name} (runs first)` : name}
          >
            {name}
            {name === entry && (
              <span className="entry-mark" aria-label="entry">
                {" "}
                ▸
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="file-actions">
        <button type="button" className="quiet" onClick={onAdd} aria-label="New file" title="New file">
          +
        </button>
        <button type="button" className="quiet" onClick={() => onRename(active)} aria-label={`Rename ${active}`} title="Rename file">
          Rename
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => onDelete(active)}
          disabled={names.length < 2}
          aria-label={`Delete ${active}`}
          title="Delete file"
        >
          Delete
        </button>
      </div>
    </div>
  );
}
