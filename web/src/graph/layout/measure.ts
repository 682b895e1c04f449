const SVG_NS = "http://www.w3.org/2000/svg";
/** Classes whose text the layout must make room for; each is measured in the font the page's CSS gives it. */
const CLASSES = ["node-label", "node-counters", "node-endpoints", "edge-status", "group-label"] as const;
export type TextClass = (typeof CLASSES)[number];

/**
 * Measures captions before they are drawn, so that ELK's node sizes include them and no two overlap. The fonts are
 * read from hidden probes inside the graph's SVG, so presenter mode's larger type is measured as drawn.
 */
export class TextMeasure {
  private readonly ctx: CanvasRenderingContext2D | null = document.createElement("canvas").getContext("2d");
  private readonly probe: SVGGElement;
  private fonts = new Map<TextClass, { font: string; size: number }>();
  private widths = new Map<string, number>();
  private kindFonts = new Map<string, { font: string; size: number; spacing: number }>();

  constructor(svg: SVGSVGElement) {
    this.probe = document.createElementNS(SVG_NS, "g");
    this.probe.setAttribute("class", "node measure-probe");
    this.probe.setAttribute("aria-hidden", "true");
    this.probe.setAttribute("visibility", "hidden");
    for (const cls of CLASSES) {
      const t = document.createElementNS(SVG_NS, "text");
      t.setAttribute("class", cls);
      this.probe.appendChild(t);
    }
    svg.appendChild(this.probe);
    // A socket's kind, inside its shape; a replica's is set smaller (see graph-extras.css), so it has a probe of its own.
    const compact = document.createElementNS(SVG_NS, "g");
    compact.setAttribute("class", "node compact");
    for (const parent of [this.probe, compact]) {
      const t = document.createElementNS(SVG_NS, "text");
      t.setAttribute("class", "node-kind");
      parent.appendChild(t);
    }
    this.probe.appendChild(compact);
  }

  /** The kind drawn inside a node's shape: its width and its font size, in graph units. */
  kind(text: string, compact: boolean): { width: number; size: number } {
    const key = compact ? "compact" : "full";
    let f = this.kindFonts.get(key);
    if (!f) {
      const style = getComputedStyle(this.probe.querySelector(compact ? ".compact > .node-kind" : ":scope > .node-kind") as SVGTextElement);
      const size = Number.parseFloat(style.fontSize) || 13;
      f = { font: `${style.fontStyle} ${style.fontWeight} ${size}px ${style.fontFamily}`, size, spacing: Number.parseFloat(style.letterSpacing) || 0 };
      this.kindFonts.set(key, f);
    }
    const id = `${f.font}\n${f.spacing}\n${text}`;
    let w = this.widths.get(id);
    if (w === undefined) {
      if (this.ctx) this.ctx.font = f.font;
      w = Math.ceil((this.ctx ? this.ctx.measureText(text).width : text.length * f.size * 0.7) + f.spacing * text.length);
      this.widths.set(id, w);
    }
    return { width: w, size: f.size };
  }

  /** Forgets fonts and widths: the type changed (presenter mode, theme). */
  reset(): void {
    this.fonts.clear();
    this.kindFonts.clear();
    this.widths.clear();
  }

  /** A signature of the fonts in use; the layout is redone when it changes. */
  signature(): string {
    return CLASSES.map((c) => this.font(c).font).join("|");
  }

  width(cls: TextClass, text: string): number {
    const { font } = this.font(cls);
    const key = `${font}\n${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      if (this.ctx) this.ctx.font = font;
      w = Math.ceil(this.ctx ? this.ctx.measureText(text).width : text.length * 8) + 2;
      if (this.widths.size > 5000) this.widths.clear();
      this.widths.set(key, w);
    }
    return w;
  }

  /** Line height for one line of this class. */
  lineHeight(cls: TextClass): number {
    return Math.ceil(this.font(cls).size * 1.3);
  }

  private font(cls: TextClass): { font: string; size: number } {
    let f = this.fonts.get(cls);
    if (!f) {
      const el = this.probe.querySelector(`.${cls}`) as SVGTextElement;
      const style = getComputedStyle(el);
      const size = Number.parseFloat(style.fontSize) || 13;
      f = { font: `${style.fontStyle} ${style.fontWeight} ${size}px ${style.fontFamily}`, size };
      this.fonts.set(cls, f);
    }
    return f;
  }
}
