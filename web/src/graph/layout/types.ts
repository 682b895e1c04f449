/** What the layout needs to know, and what it answers; plain data, as it crosses to the layout worker. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

export interface LayoutNodeIn {
  id: string;
  width: number;
  height: number;
  rank: number;
  group?: string;
}
export interface LayoutGroupIn {
  id: string;
  label: string;
  labelWidth: number;
  parent?: string;
  members: string[];
  /** Its members are packed in rows (ELK's box layout), not in layers: edges reach the box, not the members. */
  packed?: boolean;
}
export interface LayoutEdgeIn {
  id: string;
  from: string;
  to: string;
  labelWidth: number;
  labelHeight: number;
}
/** Edges whose id starts with `relay:` only hold a worker's input and output in turn; they are laid out, never drawn. */
export interface LayoutRequest {
  nodes: LayoutNodeIn[];
  groups: LayoutGroupIn[];
  edges: LayoutEdgeIn[];
}

export interface LayoutEdgeOut {
  /** From `from` to `to` as requested (upstream to downstream), in absolute coordinates. */
  points: Point[];
  label?: Box;
}
export interface LayoutResult {
  nodes: Record<string, Box>;
  groups: Record<string, Box>;
  edges: Record<string, LayoutEdgeOut>;
  width: number;
  height: number;
  /** Milliseconds ELK took, measured in the worker. */
  ms: number;
  /** Milliseconds from the graph asking for this layout to its answer on the page (waits included). */
  sinceRequestMs?: number;
}
