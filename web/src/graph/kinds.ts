import type { SocketKind } from "../../../protocol/trace.js";

/** Sockets that pair up share a family: one hue and one shape each, so a pattern reads at a glance. */
export type KindFamily = "reqrep" | "pubsub" | "pipeline" | "async" | "pair";

export interface FamilyInfo {
  family: KindFamily;
  title: string;
  kinds: SocketKind[];
  shape: "circle" | "diamond" | "square" | "hexagon" | "octagon";
}

export const FAMILIES: FamilyInfo[] = [
  { family: "reqrep", title: "Request–reply", kinds: ["REQ", "REP"], shape: "circle" },
  { family: "pubsub", title: "Publish–subscribe", kinds: ["PUB", "SUB", "XPUB", "XSUB", "RADIO", "DISH"], shape: "diamond" },
  { family: "pipeline", title: "Pipeline", kinds: ["PUSH", "PULL", "SCATTER", "GATHER"], shape: "square" },
  { family: "async", title: "Dealer–router", kinds: ["DEALER", "ROUTER", "CLIENT", "SERVER"], shape: "hexagon" },
  { family: "pair", title: "Pair and raw", kinds: ["PAIR", "STREAM", "DATAGRAM"], shape: "octagon" },
];

const byKind = new Map<SocketKind, FamilyInfo>(FAMILIES.flatMap((f) => f.kinds.map((k) => [k, f] as const)));

export function familyOf(kind: SocketKind): FamilyInfo {
  return byKind.get(kind) ?? FAMILIES[FAMILIES.length - 1];
}

/** SVG path of a family's shape centred on 0,0 with "radius" r. */
export function shapePath(shape: FamilyInfo["shape"], r: number): string {
  switch (shape) {
    case "circle":
      return `M ${-r} 0 A ${r} ${r} 0 1 0 ${r} 0 A ${r} ${r} 0 1 0 ${-r} 0 Z`;
    case "diamond":
      return polygon(4, r * 1.2, 0);
    case "square":
      return polygon(4, r * 1.15, Math.PI / 4);
    case "hexagon":
      return polygon(6, r * 1.08, 0);
    case "octagon":
      return polygon(8, r * 1.05, Math.PI / 8);
  }
}

function polygon(sides: number, r: number, rotation: number): string {
  const points = Array.from({ length: sides }, (_, i) => {
    const a = rotation + (i * 2 * Math.PI) / sides;
    return `${(r * Math.cos(a)).toFixed(2)} ${(r * Math.sin(a)).toFixed(2)}`;
  });
  return `M ${points.join(" L ")} Z`;
}

/** Room kept between a kind's text and its shape's outline (the outline's stroke included). */
const KIND_TEXT_PAD = 3;

/**
 * The smallest "radius" (as shapePath takes it) whose shape holds a line of text `width` wide set at `size`: an SVG
 * text box is about 1.17 em high, centred by the node's dy. Each shape's bound comes from its sides' equations.
 */
export function radiusToFit(shape: FamilyInfo["shape"], width: number, size: number): number {
  const w = width / 2 + KIND_TEXT_PAD,
    h = 0.6 * size + KIND_TEXT_PAD / 2;
  switch (shape) {
    case "circle":
      return Math.hypot(w, h);
    case "diamond":
      return (w + h) / 1.2;
    case "square":
      return Math.max(w, h) / (1.15 * Math.SQRT1_2);
    case "hexagon":
      return Math.max(w + h / Math.sqrt(3), h / (Math.sqrt(3) / 2)) / 1.08;
    case "octagon":
      return Math.max(w, h, (w + h) / Math.SQRT2) / (1.05 * Math.cos(Math.PI / 8));
  }
}
