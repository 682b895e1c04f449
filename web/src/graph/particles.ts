import type { Selection } from "d3-selection";
import { linkEnds, type SimLink } from "./simTypes.js";
import type { Direction } from "./types.js";

const PARTICLE_MS = 700;
/** A busy run sends thousands of messages a second; past this many in flight, the oldest make way. */
const MAX_PARTICLES = 80;
/** Arrivals kept for tests and tools in `window.__workbench.particles`. */
const ARRIVAL_LOG_LIMIT = 1000;

interface Particle { key: number; edgeId: string; direction: Direction; start: number; duration: number }

/** One particle that reached the end of its edge: `to` is the socket it arrived at, `t` the page clock in ms. */
export interface ParticleArrival { edge: string; direction: Direction; to: string; t: number }

declare global {
  interface Window { __workbench?: { particles: ParticleArrival[] } }
}

function arrivalLog(): ParticleArrival[] {
  window.__workbench ??= { particles: [] };
  return window.__workbench.particles;
}

/** Dots that travel along an edge, one per message, redrawn every animation frame from the current positions. */
export class ParticleLayer {
  private particles: Particle[] = [];
  private nextKey = 0;
  /** 1 is real time; slow motion stretches the trip so a class can follow each message. */
  private speed = 1;

  constructor(private readonly layer: Selection<SVGGElement, unknown, null, undefined>) {}

  setSpeed(speed: number): void {
    this.speed = Math.min(4, Math.max(0.1, speed));
  }

  /** `start` may lie in the future: messages that arrive in one batch leave one after another. */
  add(edgeId: string, direction: Direction, start: number): void {
    this.particles.push({ key: this.nextKey++, edgeId, direction, start, duration: PARTICLE_MS / Math.min(this.speed, 1) });
    if (this.particles.length > MAX_PARTICLES) this.particles.splice(0, this.particles.length - MAX_PARTICLES);
  }

  get active(): boolean {
    return this.particles.length > 0;
  }

  draw(links: Map<string, SimLink>, now: number): void {
    for (const p of this.particles) if (now - p.start >= p.duration && links.has(p.edgeId)) this.arrived(p, links.get(p.edgeId) as SimLink);
    this.particles = this.particles.filter((p) => now - p.start < p.duration && links.has(p.edgeId));
    this.layer
      .selectAll<SVGCircleElement, Particle>("circle")
      .data(this.particles.filter((p) => p.start <= now), (p) => String(p.key))
      .join((enter) => enter.append("circle").attr("r", 6).attr("class", (p) => `particle ${p.direction}`)
        .attr("data-edge", (p) => p.edgeId).attr("data-particle", (p) => p.key))
      .each(function (p) {
        const ends = linkEnds(links.get(p.edgeId) as SimLink);
        const progress = (now - p.start) / p.duration;
        const f = p.direction === "forward" ? progress : 1 - progress;
        this.setAttribute("cx", String(ends.x1 + (ends.x2 - ends.x1) * f));
        this.setAttribute("cy", String(ends.y1 + (ends.y2 - ends.y1) * f));
      });
  }

  clear(): void {
    this.particles = [];
    this.layer.selectAll("circle").remove();
  }

  private arrived(p: Particle, link: SimLink): void {
    const log = arrivalLog();
    log.push({ edge: p.edgeId, direction: p.direction, to: p.direction === "forward" ? link.target.id : link.source.id, t: p.start + p.duration });
    if (log.length > ARRIVAL_LOG_LIMIT) log.splice(0, log.length - ARRIVAL_LOG_LIMIT);
  }
}
