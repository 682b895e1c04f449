import { ToolbarDialog } from "../toolbar/ToolbarDialog.js";
import { JoinForm } from "./JoinForm.js";

/** The toolbar's way into someone else's classroom session. */
export function JoinClassButton() {
  return (
    <ToolbarDialog label="Join a class" buttonClassName="quiet" className="join-dialog" headingId="join-heading" heading="Join a class" closeLabel="Close">
      {() => (
        <>
          <p>Type the join code shown on the presenter's screen to watch their code, graph and messages live.</p>
          <JoinForm autoFocus />
        </>
      )}
    </ToolbarDialog>
  );
}
