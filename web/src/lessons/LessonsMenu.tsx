import { useEffect, useRef, useState } from "react";
import { LessonList } from "./LessonList.js";
import { ProgressTransfer } from "./ProgressTransfer.js";

interface Props {
  currentId: string | null;
  onImported: (lessonIds: string[]) => void;
}

/** The toolbar's "Lessons" button and the dialog with the course: every lesson, progress, export and import. */
export function LessonsMenu({ currentId, onImported }: Props) {
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
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">Lessons</button>
      <dialog ref={dialogRef} className="lessons-dialog" aria-labelledby="lessons-heading" onClose={() => setOpen(false)}
        onClick={(ev) => { if (ev.target === ev.currentTarget) setOpen(false); }}>
        <div className="dialog-body">
          <div className="dialog-head">
            <h2 id="lessons-heading">Lessons</h2>
            <button type="button" className="quiet" onClick={() => setOpen(false)} aria-label="Close the lesson list">×</button>
          </div>
          {open && <LessonList currentId={currentId} onChosen={() => setOpen(false)} />}
          <div className="dialog-foot">
            <ProgressTransfer onImported={onImported} />
          </div>
        </div>
      </dialog>
    </>
  );
}
