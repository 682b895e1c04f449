import type { ComponentProps } from "react";
import { MessageLog } from "../panes/MessageLog.js";
import { InspectorPane } from "./InspectorPane.js";

/** The row under the graph, the same in the playground and a student's view: the message log beside the inspector. */
export function DetailsRow(props: ComponentProps<typeof InspectorPane> & { onSelectMessage: (index: number) => void }) {
  const { graph, selectedMessage, onSelectMessage, selectedSocket } = props;
  return (
    <div className="details-row">
      <MessageLog graph={graph} selected={selectedMessage} onSelect={onSelectMessage} socket={selectedSocket} />
      <InspectorPane {...props} />
    </div>
  );
}
