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

/** A toolbar button that opens a modal dialog; Escape, the × and a click outside close it. */
export function ToolbarDialog({ label, buttonClassName, className, headingId, heading, closeLabel, children, footer }: Props) {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const close = () => setOpen(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      <button type="button" className={buttonClassName} onClick={() => setOpen(true)} aria-haspopup="dialog">{label}</button>
      <dialog ref={dialogRef} className={className} aria-labelledby={headingId} onClose={close}
        onClick={(ev) => { if (ev.target === ev.currentTarget) close(); }}>
        <div className="dialog-body">
          <div className="dialog-head">
            <h2 id={headingId}>{heading}</h2>
            <button type="button" className="quiet" onClick={close} aria-label={closeLabel}>×</button>
          </div>
          {open && children(close)}
          {footer}
        </div>
      </dialog>
    </>
  );
}
