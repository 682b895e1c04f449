import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The toolbar's less frequent actions. On a wide screen they sit in the toolbar itself; on a narrow one (a 1024 px
 * projector) the CSS folds them behind "More", a disclosure that Escape and a click outside close. Rendered once
 * either way, so their state (a share link, an open dialog) survives a resize.
 */
export function ToolbarOverflow({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (ev: PointerEvent) => {
      // A dialog opened from the panel is inside it in the tree, so working in that dialog keeps the panel open.
      if (!boxRef.current?.contains(ev.target as Node)) setOpen(false);
    };
    const onKeyDown = (ev: KeyboardEvent) => {
      if (ev.key !== "Escape" || (ev.target as Element | null)?.closest?.("dialog")) return;
      setOpen(false);
      if (boxRef.current?.contains(document.activeElement)) buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div className="toolbar-overflow" ref={boxRef} data-open={open || undefined}>
      <button type="button" ref={buttonRef} className="toolbar-more" aria-expanded={open} aria-controls="toolbar-more-panel" onClick={() => setOpen(!open)}>
        More <span aria-hidden="true">▾</span>
      </button>
      <div id="toolbar-more-panel" className="toolbar-more-panel">
        {children}
      </div>
    </div>
  );
}
