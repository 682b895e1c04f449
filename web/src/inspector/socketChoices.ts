import type { SocketNode } from "../graph/model/types.js";
import { siteOf } from "../graph/viewModel.js";
import { nameOf } from "../graph/viewNodes.js";

export interface SocketChoice {
  id: string;
  text: string;
}

/**
 * The inspector's socket picker, in the graph's words: the kind drawn in the node and the name drawn under it
 * ("REQ client #2"), or where the socket was made until the trace names it. Sockets that would still read alike are
 * numbered in the order they were opened ("REQ main.ts:21 #2"): each choice is told apart without the trace's ids.
 */
export function socketChoices(nodes: readonly SocketNode[]): SocketChoice[] {
  const texts = nodes.map(choiceText);
  const total = new Map<string, number>();
  for (const t of texts) total.set(t, (total.get(t) ?? 0) + 1);
  const seen = new Map<string, number>();
  return nodes.map((n, i) => {
    let text = texts[i];
    if ((total.get(text) ?? 0) > 1) {
      const nth = (seen.get(text) ?? 0) + 1;
      seen.set(text, nth);
      text = `${text} #${nth}`;
    }
    return { id: n.id, text: n.closed ? `${text} (closed)` : text };
  });
}

/** A socket the trace named after its kind alone ("req #2", for want of a variable) reads "REQ #2", not "REQ req #2". */
function choiceText(node: SocketNode): string {
  const name = nameOf(node) ?? siteOf(node);
  const kind = node.kind.toLowerCase();
  if (name === kind || name.startsWith(`${kind} `)) return `${node.kind}${name.slice(kind.length)}`;
  return `${node.kind} ${name}`;
}
