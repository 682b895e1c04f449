import { GraphPane } from "../graph/GraphPane.js";
import type { GraphState } from "../graph/model/reducer.js";
import type { CodeLocation } from "../run-client/locations.js";
import { Splitter } from "../ui/Splitter.js";
import { DetailsRow } from "./DetailsRow.js";
import type { Selection } from "./useSelection.js";

interface Props {
  graph: GraphState;
  selection: Selection;
  /** The timeline's playback speed, which the graph's particles follow. */
  speed: number;
  fitSignal?: number;
  /** The graph's share of the column's height (0–1), moved by the splitter. */
  graphShare: number;
  onGraphShare(share: number): void;
  files: string[];
  onOpenLocation(location: CodeLocation): void;
}

/** The column beside the code, the same in the playground and a student's view: the graph over the details row. */
export function RunViewColumn({ graph, selection, speed, fitSignal, graphShare, onGraphShare, files, onOpenLocation }: Props) {
  return (
    <div className="column view-column" style={{ gridTemplateRows: `${graphShare * 100}% 6px minmax(0, 1fr)` }}>
      <GraphPane
        graph={graph}
        selected={selection.socket}
        onSelect={selection.selectSocket}
        speed={speed}
        fitSignal={fitSignal}
        followed={selection.message}
        onSelectMessage={selection.selectMessage}
      />
      <Splitter orientation="horizontal" value={graphShare} onChange={onGraphShare} label="Resize graph and details" />
      <DetailsRow
        graph={graph}
        selectedSocket={selection.socket}
        selectedMessage={selection.message}
        onSelectSocket={selection.selectSocket}
        files={files}
        onOpenLocation={onOpenLocation}
        onSelectMessage={selection.selectMessage}
      />
    </div>
  );
}
