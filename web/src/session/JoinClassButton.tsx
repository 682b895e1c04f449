import { useEffect, useRef, useState } from "react";
import { JoinForm } from "./JoinForm.js";

/** The toolbar's way into someone else's classroom session. */
export function JoinClassButton() {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      <button type="button" className="quiet" onClick={() => setOpen(true)} aria-haspopup="dialog">Join a class</button>
      <dialog ref={dialogRef} className="join-dialog" aria-labelledby="join-heading" onClose={() => setOpen(false)}
        onClick={(ev) => { if (ev.target === ev.currentTarget) setOpen(false); }}>
        <div className="dialog-body">
          <div className="dialog-head">
            <h2 id="join-heading">Join a class</h2>
            <button type="button" className="quiet" onClick={() => setOpen(false)} aria-label="Close">×</button>
          </div>
          <p>Type the join code shown on the presenter's screen to watch their code, graph and messages live.</p>
          {open && <JoinForm autoFocus />}
        </div>
      </dialog>
    </>
  );
}
