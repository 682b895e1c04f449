import { ToolbarDialog } from "../toolbar/ToolbarDialog.js";
import { LessonList } from "./LessonList.js";
import { ProgressTransfer } from "./ProgressTransfer.js";

interface Props {
  currentId: string | null;
  onImported: (lessonIds: string[]) => void;
}

/** The toolbar's "Lessons" button and the dialog with the course: every lesson, progress, export and import. */
export function LessonsMenu({ currentId, onImported }: Props) {
  return (
    <ToolbarDialog
      label="Lessons"
      className="lessons-dialog"
      headingId="lessons-heading"
      heading="Lessons"
      closeLabel="Close the lesson list"
      footer={
        <div className="dialog-foot">
          <ProgressTransfer onImported={onImported} />
        </div>
      }
    >
      {(close) => <LessonList currentId={currentId} onChosen={close} />}
    </ToolbarDialog>
  );
}
