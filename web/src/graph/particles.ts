import type { Selection } from "d3-selection";
import { setAttr } from "./domWrites.js";
import { pointAt, type Route } from "./geometry.js";
import type { Direction } from "./model/types.js";

const PARTICLE_MS = 700;
/** Drawn dots at most: the cost of a frame must not grow with the message rate. */
const MAX_PARTICLES = 60;
/** Messages on one edge and way leaving closer together than this ride one dot, drawn larger. */
const MERGE_MS = 120;
/** A dot whose edge is not laid out yet waits this long for the layout (the first layout starts ELK), then is dropped. */
const UNROUTED_WAIT_MS = 10_000;
/** Arrivals kept for tests and tools in `window.__workbench.particles`. */
const ARRIVAL_LOG_LIMIT = 1000;

interface Particle {
  waitingSince?: number;
  edgeId: string;
  direction: Direction;
  start: number;
  duration: number;
  count: number;
  message?: number;
}

/** One particle that reached the end of its edge: `to` is the socket it arrived at, `t` the page clock in ms. */
export interface ParticleArrival {
  edge: string;
  direction: Direction;
  to: string;
  t: number;
  count: number;
}

/** One layout: how many nodes, how long ELK took in the worker, and how long the page waited for it. */
export interface LayoutTiming {
  nodes: number;
  ms: number;
  sinceRequestMs?: number;
}
export interface Workbench {
  particles: ParticleArrival[];
  layouts: LayoutTiming[];
}
declare global {
  interface Window {
    __workbench?: Workbench;
  }
}

export function workbench(): Workbench {
  window.__workbench ??= { particles: [], layouts: [] };
  window.__workbench.layouts ??= [];
  return window.__workbench;
}

/**
 * Dots that travel along edges. Messages that leave together on one edge are one dot with a count, and the
 * circles are reused, so a frame costs the same at 10 and at 100,000 messages a second.
 */
export class ParticleLayer {
  private particles: Particle[] = [];
  private circles: SVGCircleElement[] = [];
  private nextKey = 0;
  private lastNow: number | undefined;
  /** 1 is real time; slow motion stretches the trip so a class can follow each message. */
  private speed = 1;

  constructor(
    private readonly layer: Selection<SVGGElement, unknown, null, undefined>,
    private readonly onPick: (message: number) => void,
  ) {}

  setSpeed(speed: number): void {
    this.speed = Math.min(4, Math.max(0.1, speed));
  }

  /** `start` may lie in the future: messages that arrive in one batch leave one after another. */
  add(edgeId: string, direction: Direction, start: number, message?: number): void {
    const merge = this.particles.findLast((p) => p.edgeId === edgeId && p.direction === direction);
    if (merge && merge.waitingSince === undefined && Math.abs(start - merge.start) < MERGE_MS) {
      merge.count++;
      return;
    }
    // Never before the dot added last: dots held back for a layout must not be overtaken by later messages.
    start = Math.max(start, (this.particles.at(-1)?.start ?? Number.NEGATIVE_INFINITY) + 1);
    this.particles.push({ edgeId, direction, start, duration: PARTICLE_MS / Math.min(this.speed, 1), count: 1, ...(message === undefined ? {} : { message }) });
    if (this.particles.length > MAX_PARTICLES) {
      // The oldest make way; their messages join the newest dot on the same edge, if any, so counts stay honest.
      this.particles.splice(0, this.particles.length - MAX_PARTICLES);
    }
  }

  get active(): boolean {
    return this.particles.length > 0;
  }

  /** `ends` maps an edge id to its route from source to target and the ids of both ends. */
  /** `planned` holds the edges being laid out: a dot on an edge not drawn at all (a folded socket's) is dropped. */
  draw(routes: Map<string, { route: Route; source: string; target: string }>, now: number, planned: ReadonlySet<string>): void {
    this.particles = this.particles.filter((p) => routes.has(p.edgeId) || planned.has(p.edgeId));
    const dt = this.lastNow === undefined ? 0 : now - this.lastNow;
    this.lastNow = now;
    // While a dot's edge is not laid out yet (a new socket), every dot waits, a little while: messages keep their order.
    const waiting = this.particles.some((p) => !routes.has(p.edgeId));
    const live: Particle[] = [];
    for (const p of this.particles) {
      const r = routes.get(p.edgeId);
      if (waiting) p.start += dt;
      if (!r) {
        p.waitingSince ??= now;
        if (now - p.waitingSince < UNROUTED_WAIT_MS) live.push(p);
        continue;
      }
      if (now - p.start >= p.duration) this.arrived(p, r.source, r.target);
      else live.push(p);
    }
    this.particles = live;
    let used = 0;
    for (const p of live) {
      if (p.start > now || !routes.has(p.edgeId)) continue;
      const r = routes.get(p.edgeId) as { route: Route };
      const progress = (now - p.start) / p.duration;
      const at = pointAt(r.route, p.direction === "forward" ? progress : 1 - progress);
      const c = this.circle(used++);
      c.setAttribute("cx", at.x.toFixed(1));
      c.setAttribute("cy", at.y.toFixed(1));
      setAttr(c, "class", `particle ${p.direction}${p.count > 1 ? " many" : ""}`);
      setAttr(c, "data-on-edge", p.edgeId); // not data-edge: that names edges alone (a UI test contract)
      setAttr(c, "data-count", String(p.count));
      setAttr(c, "data-message", p.message === undefined ? null : String(p.message));
      if (c.style.display) c.style.display = "";
    }
    for (let i = used; i < this.circles.length; i++) if (this.circles[i].style.display !== "none") this.circles[i].style.display = "none";
  }

  clear(): void {
    this.particles = [];
    for (const c of this.circles) c.style.display = "none";
  }

  private circle(i: number): SVGCircleElement {
    let c = this.circles[i];
    if (!c) {
      c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
      c.setAttribute("r", "6");
      c.setAttribute("data-particle", String(this.nextKey++));
      c.addEventListener("click", (ev) => {
        const m = c.getAttribute("data-message");
        if (m !== null) {
          ev.stopPropagation();
          this.onPick(Number(m));
        }
      });
      (this.layer.node() as SVGGElement).appendChild(c);
      this.circles[i] = c;
    }
    return c;
  }

  private arrived(p: Particle, source: string, target: string): void {
    const log = workbench().particles;
    log.push({ edge: p.edgeId, direction: p.direction, to: p.direction === "forward" ? target : source, t: p.start + p.duration, count: p.count });
    if (log.length > ARRIVAL_LOG_LIMIT) log.splice(0, log.length - ARRIVAL_LOG_LIMIT);
  }
}
