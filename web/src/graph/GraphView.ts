import { select, type Selection } from "d3-selection";
import { zoom, zoomIdentity, type ZoomBehavior } from "d3-zoom";
import { drawBlockLinks, linkLine, type NodeEnd } from "./blockLinks.js";
import { drawEdges, drawNodes } from "./draw.js";
import { setAttr, setClass } from "./domWrites.js";
import { drawDrops, type DropMark } from "./drops.js";
import { drawHops, type Hop } from "./follow.js";
import { edgePath, pointAt, routeOf, svgPath, type Route } from "./geometry.js";
import { drawGroups, placeGroups } from "./groups.js";
import { collapsedSockets, seenTimes } from "./collapse.js";
import { LayoutClient } from "./layout/LayoutClient.js";
import { TextMeasure } from "./layout/measure.js";
import { type BlockLink, planLayout, type LayoutPlan } from "./layout/plan.js";
import type { LayoutResult, Point } from "./layout/types.js";
import { ParticleLayer, workbench } from "./particles.js";
import { pinningDrag } from "./pinning.js";
import { emptyGraph, type Direction, type GraphState } from "./model/types.js";
import { radiusOf, type Placed, type ViewNode } from "./viewNodes.js";

type G = Selection<SVGGElement, unknown, null, undefined>;
const SVG_NS = "http://www.w3.org/2000/svg";
const PAD = 10;
/**
 * Counters and names are redrawn at most this often while only they change: numbers that change thirty times a
 * second cannot be read, and each redraw lays out every node's SVG again. New or removed sockets and edges draw at once.
 */
const TEXT_REDRAW_MS = 200;
/** A big graph's counters are redrawn less often: each redraw lays out every node, and no one reads 100 counters at 5 Hz. */
const TEXT_REDRAW_MS_PER_NODE = 4;
/** Layouts timed, kept for the benchmark in `window.__workbench.layouts`. */
const LAYOUT_LOG_LIMIT = 50;

export interface GraphViewOptions {
  onSelect?: (socketId: string | null) => void;
  /** A particle was clicked: the message it carries (the first, when it carries several). */
  onPickMessage?: (index: number) => void;
  /** Closed sockets left out of the picture changed: how many there are. */
  onCollapsed?: (count: number) => void;
}

/** Owns the SVG: ELK (in a worker) places the nodes, the view draws them once per animation frame at most. */
export class GraphView {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Moving dots get an SVG of their own: a dot moved each frame then lays out only its own few circles, not the graph. */
  private readonly overlay: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly layers: { group: G; edge: G; hop: G; node: G; drop: G };
  private readonly particles: ParticleLayer;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly resizeObserver: ResizeObserver;
  private readonly measure: TextMeasure;
  private readonly layout: LayoutClient;
  private graph: GraphState = emptyGraph;
  private plan: LayoutPlan | null = null;
  private planned = new Set<string>();
  private planKey = "";
  private placeKey = "";
  private laid: LayoutResult | null = null;
  private readonly pins = new Map<string, Placed>();
  private centres = new Map<string, Placed>();
  private routes = new Map<string, { route: Route; source: string; target: string }>();
  private seen = seenTimes();
  private hops: Hop[] = [];
  private drops: DropMark[] = [];
  private selected: string | null = null;
  private frame = 0;
  private dirty = { graph: true, place: true };
  private size = { width: 600, height: 400 };
  /** Once the user pans, zooms or drags, the view stops fitting itself to the graph. */
  private userMoved = false;
  private collapseTimer: ReturnType<typeof setTimeout> | undefined;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRedraw = Number.NEGATIVE_INFINITY;
  private drawnShape = "";

  constructor(
    private readonly container: HTMLElement,
    private readonly options: GraphViewOptions = {},
  ) {
    const svgEl = document.createElementNS(SVG_NS, "svg");
    container.appendChild(svgEl);
    this.svg = select(svgEl).attr("class", "graph-svg").attr("role", "group").attr("aria-label", "Socket graph");
    this.svg.append("defs").html(
      `<marker id="graph-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
         <path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker>`,
    );
    const viewport = this.svg.append("g").attr("class", "viewport");
    const layer = (cls: string, hidden = false) =>
      viewport
        .append("g")
        .attr("class", cls)
        .attr("aria-hidden", hidden ? "true" : null);
    this.layers = { group: layer("groups"), edge: layer("edges", true), hop: layer("follow-hops", true), node: layer("nodes"), drop: layer("drops") };
    this.overlay = select(container.appendChild(document.createElementNS(SVG_NS, "svg")))
      .attr("class", "graph-particles")
      .attr("aria-hidden", "true");
    const overlayViewport = this.overlay.append("g").attr("class", "viewport");
    this.particles = new ParticleLayer(overlayViewport.append("g").attr("class", "particles"), (m) => this.options.onPickMessage?.(m));
    this.layers.hop.raise();
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      .on("zoom", (ev) => {
        setAttr(viewport.node() as Element, "transform", String(ev.transform));
        setAttr(overlayViewport.node() as Element, "transform", String(ev.transform));
        if (ev.sourceEvent) this.userMoved = true;
      });
    this.svg.call(this.zoomBehavior).on("dblclick.zoom", null);
    this.svg.on("click", (ev: MouseEvent) => {
      if (ev.target === svgEl) this.options.onSelect?.(null);
    });
    this.measure = new TextMeasure(svgEl);
    this.layout = new LayoutClient(
      (result) => this.laidOut(result),
      (message) => console.warn(`graph layout: ${message}`),
    );
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();
  }

  update(graph: GraphState): void {
    if (graph.nodes.length === 0 && this.graph.nodes.length) {
      this.particles.clear();
      this.userMoved = false;
      this.pins.clear();
      this.seen = seenTimes();
    }
    this.graph = graph;
    this.drops = graph.nodes.flatMap((n) => (n.drops ?? []).map((d): DropMark => ({ socket: n.id, ...d })));
    this.dirty.graph = true;
    this.requestFrame();
  }

  setSpeed(speed: number): void {
    this.particles.setSpeed(speed);
  }

  /** Sends a dot along an edge; `delayMs` spaces out messages that arrived together. */
  pulse(edgeId: string, direction: Direction, delayMs = 0, message?: number): void {
    this.particles.add(edgeId, direction, performance.now() + delayMs, message);
    this.requestFrame();
  }

  select(socketId: string | null): void {
    this.selected = socketId;
    this.layers.node.selectAll<SVGGElement, ViewNode>("g.node").each(function (n) {
      setClass(this, "selected", n.id === socketId);
      setAttr(this, "aria-pressed", n.socket ? String(n.id === socketId) : null);
    });
  }

  /** Lights a message's path; `current` is the hop the timeline is at (-1: none yet). */
  follow(hops: Hop[]): void {
    this.hops = hops;
    this.dirty.place = true;
    this.requestFrame();
  }

  /** Type changed (presenter mode): measure again, lay out again, then fit. */
  relayout(): void {
    this.measure.reset();
    this.lastRedraw = Number.NEGATIVE_INFINITY;
    this.planKey = "";
    this.placeKey = "";
    this.userMoved = false;
    this.dirty.graph = true;
    this.requestFrame();
  }

  /** Zooms so every node, box and label is in view, never beyond `maxScale`; the user's own zoom is forgotten. */
  fit(maxScale = 1.6): void {
    const b = this.bounds();
    if (!b) return;
    const { width, height } = this.size;
    const k = Math.min(maxScale, (width - 2 * PAD) / Math.max(b.x1 - b.x0, 1), (height - 2 * PAD) / Math.max(b.y1 - b.y0, 1));
    const transform = zoomIdentity.translate(width / 2 - (k * (b.x0 + b.x1)) / 2, height / 2 - (k * (b.y0 + b.y1)) / 2).scale(k);
    this.userMoved = false;
    this.svg.call(this.zoomBehavior.transform, transform);
  }

  destroy(): void {
    this.layout.destroy();
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.collapseTimer);
    clearTimeout(this.redrawTimer);
    this.svg.remove();
    this.overlay.remove();
  }

  private bounds(): { x0: number; x1: number; y0: number; y1: number } | null {
    if (!this.laid || !this.plan?.nodes.length) return null;
    let x0 = 0,
      y0 = 0,
      x1 = this.laid.width,
      y1 = this.laid.height;
    for (const [id, p] of this.pins) {
      const box = this.laid.nodes[id];
      if (!box) continue;
      x0 = Math.min(x0, p.x - box.width / 2);
      x1 = Math.max(x1, p.x + box.width / 2);
      y0 = Math.min(y0, p.y - 40);
      y1 = Math.max(y1, p.y + box.height);
    }
    return { x0, x1, y0, y1 };
  }

  private resize(): void {
    const rect = this.container.getBoundingClientRect();
    this.size = { width: Math.max(rect.width, 200), height: Math.max(rect.height, 150) };
    for (const svg of [this.svg.node(), this.overlay.node()] as SVGSVGElement[]) {
      setAttr(svg, "viewBox", `0 0 ${this.size.width} ${this.size.height}`);
      // Pixels, not 100%: see .graph-svg in styles.css.
      setAttr(svg, "width", String(this.size.width));
      setAttr(svg, "height", String(this.size.height));
    }
    if (!this.userMoved) this.fit();
    // The pane's shape decides how the graph's parts are arranged: a new shape may ask for another layout.
    this.dirty.graph = true;
    this.requestFrame();
  }

  private laidOut(result: LayoutResult): void {
    this.laid = result;
    const log = workbench().layouts;
    log.push({ nodes: Object.keys(result.nodes).length, ms: result.ms, sinceRequestMs: result.sinceRequestMs });
    if (log.length > LAYOUT_LOG_LIMIT) log.splice(0, log.length - LAYOUT_LOG_LIMIT);
    this.dirty.place = true;
    this.place();
    if (!this.userMoved) this.fit();
    this.svg.attr("data-layout", Object.keys(result.nodes).length);
  }

  /** The graph changed: decide what is shown, lay it out again if its structure changed, redraw the text. */
  private applyGraph(): void {
    const hidden = collapsedSockets(this.graph, this.seen, performance.now());
    if (hidden.pending !== undefined) {
      clearTimeout(this.collapseTimer);
      this.collapseTimer = setTimeout(() => {
        this.dirty.graph = true;
        this.requestFrame();
      }, hidden.pending);
    }
    this.options.onCollapsed?.(hidden.sockets.size);
    const plan = planLayout(this.graph, hidden.sockets, this.measure, this.size);
    const key = `${this.measure.signature()}\n${JSON.stringify(plan.request)}`;
    this.plan = plan;
    this.planned = new Set(plan.edges.map((e) => e.id));
    if (key !== this.planKey && plan.nodes.length) {
      this.planKey = key;
      this.layout.request(plan.request);
    }
    drawGroups(this.layers.group, plan.groups);
    drawEdges(this.layers.edge, plan.edges, this.graph, new Set(plan.bundles.keys()));
    drawBlockLinks(this.layers.edge, plan.links, this.graph);
    drawNodes(this.layers.node, plan.nodes, this.measure, (enter) =>
      enter
        .call(
          pinningDrag(
            this.pins,
            (id) => this.centres.get(id),
            () => {
              this.dirty.place = true;
              this.requestFrame();
            },
            () => {
              this.userMoved = true;
            },
          ),
        )
        .on("click", (ev: MouseEvent, n) => {
          ev.stopPropagation();
          if (n.socket) this.options.onSelect?.(n.id);
        })
        .on("dblclick", (ev: MouseEvent, n) => {
          ev.stopPropagation();
          this.pins.delete(n.id);
          this.dirty.place = true;
          this.requestFrame();
        })
        .on("keydown", (ev: KeyboardEvent, n) => {
          if ((ev.key === "Enter" || ev.key === " ") && n.socket) {
            ev.preventDefault();
            this.options.onSelect?.(n.id);
          }
          if (ev.key === "Delete" || ev.key === "Backspace") {
            this.pins.delete(n.id);
            this.dirty.place = true;
            this.requestFrame();
          }
        }),
    );
    this.select(this.selected);
    // Counters change with every batch of a busy run; positions only when what is drawn (or its lost-message marks) does.
    const placeKey = `${key}\n${JSON.stringify(this.drops)}`;
    if (placeKey !== this.placeKey) {
      this.placeKey = placeKey;
      this.dirty.place = true;
    }
  }

  /** Moves nodes, edges, boxes and markers to the layout's positions (or the user's pins). */
  private place(): void {
    const plan = this.plan,
      laid = this.laid;
    if (!plan || !laid) return;
    this.centres = new Map();
    for (const n of plan.nodes) {
      const box = laid.nodes[n.id],
        anchor = plan.anchors.get(n.id);
      const at = this.pins.get(n.id) ?? (box && anchor ? { x: box.x + anchor.dx, y: box.y + anchor.dy } : undefined);
      if (at) this.centres.set(n.id, at);
    }
    this.layers.node.selectAll<SVGGElement, ViewNode>("g.node").each((n, i, els) => {
      const at = this.centres.get(n.id);
      setClass(els[i], "unplaced", !at);
      setClass(els[i], "pinned", this.pins.has(n.id));
      if (at) setAttr(els[i], "transform", `translate(${at.x},${at.y})`);
    });
    const byId = new Map(plan.nodes.map((n) => [n.id, n]));
    const linkLines = this.placeBlockLinks(plan, laid, byId);
    const inBlock = new Set(plan.groups.flatMap((g) => (g.kind === "replicas" ? g.members : [])));
    this.routes = new Map();
    this.layers.edge.selectAll<SVGGElement, (typeof plan.edges)[number]>("g.edge").each((e, i, els) => {
      const targetId = e.target ?? `?${e.endpoint}`;
      const a = this.centres.get(e.source),
        b = this.centres.get(targetId);
      const bundle = plan.bundles.get(e.id);
      const out = bundle ? undefined : laid.edges[e.id];
      if (!a || !b) {
        if (els[i].style.display !== "none") els[i].style.display = "none";
        return;
      }
      if (els[i].style.display) els[i].style.display = "";
      const pinned = this.pins.has(e.source) || this.pins.has(targetId);
      // A block member's edge runs along its block's line, unless the member was dragged out of the block.
      const alone = [e.source, targetId].some((id) => inBlock.has(id) && this.pins.has(id));
      setClass(els[i], "alone", !!bundle && alone);
      const along = bundle && !alone ? linkLines.get(bundle.route) : undefined;
      const bends: Point[] = !out || pinned ? [] : out.points.slice(1, -1);
      if (plan.reversed.has(e.id)) bends.reverse();
      const points = along ?? edgePath(a, radiusOf(byId.get(e.source) as ViewNode), b, radiusOf(byId.get(targetId) as ViewNode), bends);
      const route = routeOf(points);
      this.routes.set(e.id, { route, source: e.source, target: targetId });
      const path = els[i].querySelector("path.route");
      if (path) setAttr(path, "d", svgPath(points));
      const label = els[i].querySelector(".edge-status") as SVGTextElement;
      // Where ELK made no room for it (a new edge before its layout, a pinned end), the rate sits over the line's middle.
      const mid = out?.label && !pinned ? { x: out.label.x + out.label.width / 2, y: out.label.y + out.label.height / 2 } : above(pointAt(route, 0.5));
      setAttr(label, "x", mid.x.toFixed(1));
      setAttr(label, "y", mid.y.toFixed(1));
    });
    placeGroups(this.layers.group, laid.groups);
    drawHops(this.layers.hop, this.layers.edge, this.hops, this.routes);
    drawDrops(this.layers.drop, this.drops, this.centres);
    this.dirty.place = false;
  }

  /** Draws each replica block's line to its peer where the layout routed it; returns the lines by link id. */
  private placeBlockLinks(plan: LayoutPlan, laid: LayoutResult, byId: Map<string, ViewNode>): Map<string, Point[]> {
    const lines = new Map<string, Point[]>();
    const end = (id: string): NodeEnd | undefined | null => {
      const node = byId.get(id);
      if (!node) return undefined; // a block
      const centre = this.centres.get(id);
      return centre ? { centre, radius: radiusOf(node), pinned: this.pins.has(id) } : null;
    };
    this.layers.edge.selectAll<SVGGElement, BlockLink>("g.edge-bundle").each((l, i, els) => {
      const out = laid.edges[l.id];
      const from = end(l.from),
        to = end(l.to);
      const display = out && out.points.length >= 2 && from !== null && to !== null ? "" : "none";
      if (els[i].style.display !== display) els[i].style.display = display;
      if (!out || out.points.length < 2 || from === null || to === null) return;
      const points = linkLine(out.points, from, to, plan.reversed.has(l.id));
      lines.set(l.id, points);
      setAttr(els[i].querySelector("path.route") as SVGPathElement, "d", svgPath(points));
      const moved = from?.pinned || to?.pinned;
      const mid = out.label && !moved ? { x: out.label.x + out.label.width / 2, y: out.label.y + out.label.height / 2 } : above(pointAt(routeOf(points), 0.5));
      const label = els[i].querySelector(".edge-status") as SVGTextElement;
      setAttr(label, "x", mid.x.toFixed(1));
      setAttr(label, "y", mid.y.toFixed(1));
    });
    return lines;
  }

  /** True when the graph may be redrawn now; otherwise a frame is asked for when it may. */
  private dueForRedraw(): boolean {
    const g = this.graph;
    const shape = `${g.nodes.length}/${g.edges.length}/${g.devices.length}/${g.topologyLinks.length}`;
    const wait = this.lastRedraw + Math.max(TEXT_REDRAW_MS, g.nodes.length * TEXT_REDRAW_MS_PER_NODE) - performance.now();
    if (shape !== this.drawnShape || wait <= 0) {
      this.drawnShape = shape;
      return true;
    }
    clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => this.requestFrame(), wait);
    return false;
  }

  private requestFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.dirty.graph && this.dueForRedraw()) {
        this.dirty.graph = false;
        this.lastRedraw = performance.now();
        this.applyGraph();
      }
      if (this.dirty.place) this.place();
      this.particles.draw(this.routes, performance.now(), this.planned);
      if (this.particles.active) this.requestFrame();
    });
  }
}

function above(p: Point): Point {
  return { x: p.x, y: p.y - 10 };
}
