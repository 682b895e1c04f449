import type { Selection } from "d3-selection";
import { linkEnds, type SimLink } from "./simTypes.js";
import type { Direction } from "./types.js";

const PARTICLE_MS = 700;
/** A busy run sends thousands of messages a second; past this many in flight, the oldest make way. */
const MAX_PARTICLES = 80;

interface Particle { key: number; edgeId: string; direction: Direction; start: number }

/** Dots that travel along an edge, one per message, redrawn every animation frame from the current positions. */
export class ParticleLayer {
  private particles: Particle[] = [];
  private nextKey = 0;

  constructor(private readonly layer: Selection<SVGGElement, unknown, null, undefined>) {}

  /** `start` may lie in the future: messages that arrive in one batch leave one after another. */
  add(edgeId: string, direction: Direction, start: number): void {
    this.particles.push({ key: this.nextKey++, edgeId, direction, start });
    if (this.particles.length > MAX_PARTICLES) this.particles.splice(0, this.particles.length - MAX_PARTICLES);
  }

  get active(): boolean {
    return this.particles.length > 0;
  }

  draw(links: Map<string, SimLink>, now: number): void {
    this.particles = this.particles.filter((p) => now - p.start < PARTICLE_MS && links.has(p.edgeId));
    this.layer
      .selectAll<SVGCircleElement, Particle>("circle")
      .data(this.particles.filter((p) => p.start <= now), (p) => String(p.key))
      .join((enter) => enter.append("circle").attr("r", 6).attr("class", (p) => `particle ${p.direction}`))
      .each(function (p) {
        const ends = linkEnds(links.get(p.edgeId) as SimLink);
        const progress = (now - p.start) / PARTICLE_MS;
        const f = p.direction === "forward" ? progress : 1 - progress;
        this.setAttribute("cx", String(ends.x1 + (ends.x2 - ends.x1) * f));
        this.setAttribute("cy", String(ends.y1 + (ends.y2 - ends.y1) * f));
      });
  }

  clear(): void {
    this.particles = [];
    this.layer.selectAll("circle").remove();
  }
}
