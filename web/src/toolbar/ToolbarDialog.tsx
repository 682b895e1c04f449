import { useEffect, useRef, useState, type ReactNode } from "react";

interface Props {
  /** The toolbar button's text. */
  label: string;
  buttonClassName?: string;
  className: string;
  headingId: string;
  heading: string;
  closeLabel: string;
  /** The dialog's content; rendered only while it is open, so it loads fresh each time. */
  children: (close: () => void) => ReactNode;
  /** Rendered open or not, so what it shows (a message, a chosen file) survives closing the dialog. */
  footer?: ReactNode;
}

/** A field loaded later (the lesson search) focuses itself on mount with autoFocus. */
const FIRST_FIELD = "input:not([type=hidden]):not([readonly]), select, textarea";

/** A toolbar button that opens a modal dialog; Escape, the × and a click outside close it. */
export function ToolbarDialog({ label, buttonClassName, className, headingId, heading, closeLabel, children, footer }: Props) {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const close = () => setOpen(false);

  const returnTo = useRef<HTMLElement | null>(null);

  // WAI-ARIA dialog pattern: focus goes to the first field (not the ×), and back where it was on closing.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
    }
    if (!open && dialog.open) dialog.close();
    if (!open && returnTo.current) {
      returnTo.current.focus();
      returnTo.current = null;
    }
  }, [open]);

  return (
    <>
      <button type="button" className={buttonClassName} onClick={() => setOpen(true)} aria-haspopup="dialog">
        {label}
      </button>
      <dialog
        ref={dialogRef}
        className={className}
        aria-labelledby={headingId}
        onClose={close}
        onClick={(ev) => {
          if (ev.target === ev.currentTarget) close();
        }}
      >
        <div className="dialog-body">
          <div className="dialog-head">
            <h2 id={headingId}>{heading}</h2>
            <button type="button" className="quiet" onClick={close} aria-label={closeLabel}>
              ×
            </button>
          </div>
          {open && children(close)}
          {footer}
        </div>
      </dialog>
    </>
  );
}
