import type { ReactNode } from "react";
import "./scenarios.css";

/**
 * Puts the scenario panel beside the workbench when it is open. The workbench keeps its place in the tree either
 * way, so opening or closing the panel keeps the editor and graph alive. It is the page's main landmark, so the
 * side panels and the splitters beside them are inside one.
 */
export function ScenarioFrame({ panel, children }: { panel: ReactNode | null; children: ReactNode }) {
  return (
    <main className={panel ? "scenario-frame with-scenario" : "scenario-frame"}>
      {panel}
      {children}
    </main>
  );
}
