import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation } from "d3-force";
import { select, type Selection } from "d3-selection";
import { zoom, zoomIdentity, type ZoomBehavior } from "d3-zoom";
import { drawEdges, drawNodes, placeElements } from "./draw.js";
import { clusterForce, drawGroups, groupBounds, groupsOf, placeGroups, type NodeGroup } from "./groups.js";
import { ParticleLayer } from "./particles.js";
import { placeOf, placesOf } from "./places.js";
import { pinningDrag, remember, unpin, type Remembered } from "./pinning.js";
import { GHOST_RADIUS, NODE_RADIUS, syncNodes, type SimLink, type SimNode } from "./simTypes.js";
import type { Direction, GraphState } from "./types.js";
import { wantedNodes } from "./viewModel.js";

type G = Selection<SVGGElement, unknown, null, undefined>;
const SVG_NS = "http://www.w3.org/2000/svg";
/** Fitting by itself stops at half size, where captions stay legible; "Fit to view" may go smaller. */
const AUTO_FIT_MIN_SCALE = 0.5;
const AUTO_FIT_EVERY_MS = 250;
/** Sockets of different threads sit in horizontal lanes this far apart, so their thread boxes do not overlap. */
const LANE_GAP = 300;

export interface GraphViewOptions {
  onSelect?: (socketId: string | null) => void;
}

/** Owns the force simulation and the SVG; React only calls update, pulse, select and destroy. */
export class GraphView {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly groupLayer: G;
  private readonly edgeLayer: G;
  private readonly nodeLayer: G;
  private readonly particles: ParticleLayer;
  private readonly simulation: Simulation<SimNode, SimLink>;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly resizeObserver: ResizeObserver;
  private nodes = new Map<string, SimNode>();
  private links = new Map<string, SimLink>();
  private groups: NodeGroup[] = [];
  private readonly retired = new Map<string, Remembered>();
  /** Place (thread or process) → lane offset, in lanes from the centre; empty when there is only one place. */
  private lanes = new Map<string, number>();
  private selected: string | null = null;
  private frame = 0;
  private size = { width: 600, height: 400 };
  /** Once the user pans or zooms, the view stops fitting itself to the graph. */
  private userMoved = false;
  private lastAutoFit = 0;

  constructor(private readonly container: HTMLElement, private readonly options: GraphViewOptions = {}) {
    const svgEl = document.createElementNS(SVG_NS, "svg");
    container.appendChild(svgEl);
    this.svg = select(svgEl).attr("class", "graph-svg").attr("role", "group").attr("aria-label", "Socket graph");
    this.svg.append("defs").html(
      `<marker id="graph-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
         <path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker>`,
    );
    const viewport = this.svg.append("g").attr("class", "viewport");
    this.groupLayer = viewport.append("g").attr("class", "groups");
    this.edgeLayer = viewport.append("g").attr("class", "edges").attr("aria-hidden", "true");
    this.particles = new ParticleLayer(viewport.append("g").attr("class", "particles").attr("aria-hidden", "true"));
    this.nodeLayer = viewport.append("g").attr("class", "nodes");
    this.zoomBehavior = zoom<SVGSVGElement, unknown>().scaleExtent([0.3, 3]).on("zoom", (ev) => {
      viewport.attr("transform", ev.transform);
      if (ev.sourceEvent) this.userMoved = true;
    });
    this.svg.call(this.zoomBehavior).on("dblclick.zoom", null);
    this.svg.on("click", (ev: MouseEvent) => { if (ev.target === svgEl) this.options.onSelect?.(null); });
    this.simulation = forceSimulation<SimNode, SimLink>()
      .force("link", forceLink<SimNode, SimLink>().id((n) => n.id).distance(260).strength(0.5))
      .force("charge", forceManyBody<SimNode>().strength(-600))
      .force("collide", forceCollide<SimNode>((n) => (n.socket ? NODE_RADIUS + 44 : GHOST_RADIUS + 30)))
      .force("x", forceX<SimNode>().strength(0.2))
      .force("y", forceY<SimNode>((n) => this.size.height / 2 + this.laneOf(n) * LANE_GAP)
        .strength((n) => (this.lanes.size && n.socket ? 0.3 : 0.06)))
      .force("cluster", clusterForce(() => this.groups, () => this.nodes))
      .alphaDecay(0.04)
      .on("tick", () => { this.markSettled(false); this.requestFrame(); this.followLayout(); })
      .on("end", () => { if (!this.userMoved) this.fit(1, AUTO_FIT_MIN_SCALE); this.markSettled(true); });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();
  }

  update(graph: GraphState): void {
    const center = { x: this.size.width / 2, y: this.size.height / 2 };
    const ghostSource = new Map(graph.edges.filter((e) => e.target === null).map((e) => [`?${e.endpoint}`, e.source]));
    const nodes = syncNodes(this.nodes, wantedNodes(graph), center, this.sideOffset(), (n) => ghostSource.get(n.id));
    this.restorePositions(nodes);
    const places = placesOf(graph.nodes).map((p) => p.key);
    this.lanes = new Map(places.length < 2 ? [] : places.map((key, i) => [key, i - (places.length - 1) / 2]));
    const structureChanged = nodes.length !== this.nodes.size || graph.edges.length !== this.links.size ||
      nodes.some((n) => !this.nodes.has(n.id)) || graph.edges.some((e) => !this.links.has(e.id));
    this.nodes = new Map(nodes.map((n) => [n.id, n]));
    this.links = new Map(graph.edges.map((edge) => {
      const source = this.nodes.get(edge.source) as SimNode;
      const target = this.nodes.get(edge.target ?? `?${edge.endpoint}`) as SimNode;
      return [edge.id, { id: edge.id, edge, source, target }];
    }));
    this.simulation.nodes(nodes);
    this.simulation.force<ReturnType<typeof forceLink<SimNode, SimLink>>>("link")?.links([...this.links.values()]);
    this.groups = groupsOf(graph);
    drawGroups(this.groupLayer, this.groups);
    drawEdges(this.edgeLayer, [...this.links.values()], graph);
    this.drawNodes();
    this.select(this.selected);
    if (structureChanged) this.simulation.alpha(0.7).restart();
    if (graph.nodes.length === 0) { this.particles.clear(); this.userMoved = false; }
    this.requestFrame();
  }

  /** Slow motion: particles take longer, so each message can be followed. */
  setSpeed(speed: number): void {
    this.particles.setSpeed(speed);
  }

  /** Sends a dot along an edge; `delayMs` spaces out messages that arrived together. */
  pulse(edgeId: string, direction: Direction, delayMs = 0): void {
    if (!this.links.has(edgeId)) return;
    this.particles.add(edgeId, direction, performance.now() + delayMs);
    this.requestFrame();
  }

  select(socketId: string | null): void {
    this.selected = socketId;
    this.nodeLayer.selectAll<SVGGElement, SimNode>("g.node")
      .classed("selected", (n) => n.id === socketId)
      .attr("aria-pressed", (n) => (n.socket ? String(n.id === socketId) : null));
  }

  /** Zooms so every node and label is in view, never beyond `maxScale`; the user's own zoom is forgotten. */
  fit(maxScale = 1.5, minScale = 0.3): void {
    const nodes = [...this.nodes.values()];
    if (nodes.length === 0) return;
    const pad = 24;
    const boxes = groupBounds(this.groupLayer);
    const xs = [...nodes.flatMap((n) => [(n.x ?? 0) - NODE_RADIUS - 60, (n.x ?? 0) + NODE_RADIUS + 60]), ...boxes.map((b) => b.x)];
    const ys = [...nodes.flatMap((n) => [(n.y ?? 0) - NODE_RADIUS - 12, (n.y ?? 0) + NODE_RADIUS + 70]), ...boxes.map((b) => b.y)];
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const { width, height } = this.size;
    const k = Math.max(minScale, Math.min(maxScale, (width - 2 * pad) / (x1 - x0), (height - 2 * pad) / (y1 - y0)));
    const transform = zoomIdentity.translate(width / 2 - (k * (x0 + x1)) / 2, height / 2 - (k * (y0 + y1)) / 2).scale(k);
    this.userMoved = false;
    this.svg.call(this.zoomBehavior.transform, transform);
  }

  destroy(): void {
    this.simulation.stop();
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
    this.svg.remove();
  }

  /** `data-settled` on the SVG: "true" once the layout has come to rest, so tests and screenshots wait on state, not time. */
  private markSettled(settled: boolean): void {
    if (this.svg.attr("data-settled") !== String(settled)) this.svg.attr("data-settled", String(settled));
  }

  /** While the layout settles the view keeps fitting it, a few times a second, so nothing starts out of sight. */
  private followLayout(): void {
    const now = performance.now();
    if (this.userMoved || now - this.lastAutoFit < AUTO_FIT_EVERY_MS) return;
    this.lastAutoFit = now;
    this.fit(1, AUTO_FIT_MIN_SCALE);
  }

  private laneOf(node: SimNode): number {
    return node.socket ? this.lanes.get(placeOf(node.socket).key) ?? 0 : 0;
  }

  /** How far connecting and binding sockets lean from the centre. */
  private sideOffset(): number {
    return Math.min(this.size.width * 0.25, 240);
  }

  private resize(): void {
    const rect = this.container.getBoundingClientRect();
    this.size = { width: Math.max(rect.width, 200), height: Math.max(rect.height, 200) };
    this.svg.attr("viewBox", `0 0 ${this.size.width} ${this.size.height}`);
    const { width, height } = this.size;
    this.simulation.force<ReturnType<typeof forceX<SimNode>>>("x")?.x((n) => width / 2 + n.side * this.sideOffset());
    this.simulation.force<ReturnType<typeof forceY<SimNode>>>("y")?.y((n) => height / 2 + this.laneOf(n) * LANE_GAP);
    this.simulation.alpha(Math.max(this.simulation.alpha(), 0.3)).restart();
  }

  private drawNodes(): void {
    drawNodes(this.nodeLayer, [...this.nodes.values()], (enter) => enter
      // A node in the hand must stay under the pointer: the view stops fitting itself once the user arranges it.
      .call(pinningDrag(this.simulation, () => this.drawNodes(), () => { this.userMoved = true; }))
      .on("click", (ev: MouseEvent, n) => { ev.stopPropagation(); if (n.socket) this.options.onSelect?.(n.id); })
      .on("dblclick", (ev: MouseEvent, n) => { ev.stopPropagation(); unpin(this.simulation, n); this.drawNodes(); })
      .on("keydown", (ev: KeyboardEvent, n) => {
        if ((ev.key === "Enter" || ev.key === " ") && n.socket) { ev.preventDefault(); this.options.onSelect?.(n.id); }
        if (ev.key === "Delete" || ev.key === "Backspace") { unpin(this.simulation, n); this.drawNodes(); }
      }));
  }

  /** Nodes that left (the timeline moved back) and came back return to where they were, pins included. */
  private restorePositions(nodes: SimNode[]): void {
    const wanted = new Set(nodes.map((n) => n.id));
    for (const [id, node] of this.nodes) if (!wanted.has(id)) remember(this.retired, node);
    for (const node of nodes) {
      const old = this.retired.get(node.id);
      if (this.nodes.has(node.id) || !old) continue;
      Object.assign(node, old);
      this.retired.delete(node.id);
    }
  }

  private requestFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
      if (this.particles.active) this.requestFrame();
    });
  }

  private render(): void {
    placeElements(this.nodeLayer, this.edgeLayer);
    placeGroups(this.groupLayer, this.nodes);
    this.particles.draw(this.links, performance.now());
  }
}
