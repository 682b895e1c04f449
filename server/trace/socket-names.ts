import type { TraceEvent, TraceEventOf } from "../../protocol/trace.js";

type SocketName = TraceEventOf<"socket/name">;

const IDENT = "[A-Za-z_$][\\w$]*";
/** `const frontend = ` or `let x: Router = await ` right before `new`. */
const DECLARED = new RegExp(`(?:const|let|var)\\s+(${IDENT})\\s*(?::[^=]+)?=\\s*(?:await\\s+)?$`);
/** `this.backend = `, `backend = ` or `{ backend: ` right before `new`. */
const ASSIGNED = new RegExp(`(?:\\.|\\b)(${IDENT})\\s*(?:=(?!=)|:)\\s*(?:await\\s+)?$`);
/** Any declaration earlier on the line: `const workers = [1, 2].map(() => ` makes a "worker". */
const CONTAINING = new RegExp(`(?:const|let|var)\\s+(${IDENT})\\s*(?::[^=]+)?=`, "g");
/** Lines looked at above `new` when the expression starts on an earlier line. */
const LINES_BACK = 3;
const NAME_CHARS = 40;
const KEYWORDS = new Set(["return", "await", "new", "yield", "case", "default", "true", "false", "null"]);

/**
 * The variable or property a socket was assigned to, read from the program's own source at the `new` that made
 * it (site "file:line:column", as the runner reports it). Undefined when the source says nothing clear.
 */
export function nameAtSite(sources: Readonly<Record<string, string>>, site: string | undefined): string | undefined {
  const m = /^(.*):(\d+):(\d+)$/.exec(site ?? "");
  if (!m || !Object.hasOwn(sources, m[1])) return undefined;
  const lines = sources[m[1]].split("\n");
  const row = Number(m[2]) - 1;
  let before = (lines[row] ?? "").slice(0, Math.max(0, Number(m[3]) - 1));
  // `const frontend =` on a line above a `new` that starts its own line; a statement ended above stops the search.
  for (let back = 1; back <= LINES_BACK && /^\s*$|[=:(,[>]\s*$/.test(before) && (back > 1 || before.trim() === ""); back++) {
    const above = lines[row - back] ?? "";
    if (/[;}]\s*$/.test(above)) break;
    before = `${above} ${before}`;
    if (DECLARED.test(before) || ASSIGNED.test(before)) break;
  }
  const direct = DECLARED.exec(before)?.[1] ?? ASSIGNED.exec(before)?.[1];
  if (direct && !KEYWORDS.has(direct)) return direct.slice(0, NAME_CHARS);
  const containing = [...before.matchAll(CONTAINING)].at(-1)?.[1];
  return containing ? singular(containing).slice(0, NAME_CHARS) : undefined;
}

/** "workers" → "worker": one socket of a collection. */
function singular(name: string): string {
  return name.length > 3 && name.endsWith("s") && !name.endsWith("ss") ? name.slice(0, -1) : name;
}

interface Named {
  socket: string;
  kind: SocketName["kind"];
  base: string;
  detail: string;
  routingId?: string;
  shown?: string;
}

/**
 * Names people recognise for every socket of a run: the variable it was assigned to; where several sockets share
 * that name and kind (a loop, a worker file started three times), their routing id or else their order ("worker #2").
 * Names come only from the server's copy of the sources; the run only says where each socket was made.
 */
export class SocketNamer {
  private readonly sockets = new Map<string, Named>();
  private readonly byBase = new Map<string, Named[]>();

  constructor(private readonly sources: Readonly<Record<string, string>>) {}

  /** The socket/name events this event calls for (a new socket, a routing id, a second socket of the same name). */
  apply(event: TraceEvent): SocketName[] {
    if (event.type === "socket/open") {
      const base = nameAtSite(this.sources, event.site) ?? event.kind.toLowerCase();
      const where = (event.site ?? "").replace(/:\d+$/, "") || "a library";
      const detail = [where, event.thread ? `thread ${event.thread}` : "", event.process ? `process ${event.process}` : ""].filter(Boolean).join(" · ");
      const named: Named = { socket: event.socket, kind: event.kind, base, detail };
      this.sockets.set(event.socket, named);
      const group = this.byBase.get(groupKey(named)) ?? [];
      group.push(named);
      this.byBase.set(groupKey(named), group);
      // The first socket of a name is renamed once, when the second appears; the others keep theirs.
      return this.rename(group, group.length === 2 ? [0, 1] : [group.length - 1], event.t);
    }
    if (event.type === "socket/option" && event.name === "routingId" && typeof event.value === "string") {
      const named = this.sockets.get(event.socket);
      if (!named) return [];
      named.routingId = event.value.slice(0, NAME_CHARS);
      const group = this.byBase.get(groupKey(named)) ?? [];
      return this.rename(group, [group.indexOf(named)], event.t);
    }
    return [];
  }

  /** The current name of a socket, for sentences; its id when it has none. */
  nameOf(socket: string): string {
    return this.sockets.get(socket)?.shown ?? socket;
  }

  /** Names the group's members at these positions afresh; a name depends only on its group's size, position and routing id. */
  private rename(group: Named[], positions: number[], t: number): SocketName[] {
    const out: SocketName[] = [];
    for (const i of positions) {
      const n = group[i];
      if (!n) continue;
      const name = group.length === 1 ? n.base : n.routingId !== undefined ? withRoutingId(n.base, n.routingId) : `${n.base} #${i + 1}`;
      if (name === n.shown) continue;
      n.shown = name;
      out.push({ type: "socket/name", t, socket: n.socket, kind: n.kind, name, detail: n.detail });
    }
    return out;
  }
}

/** Sockets are numbered among those of one name and kind: a PULL "feedback" and the workers' PUSH "feedback"s are different things. */
function groupKey(named: Named): string {
  return `${named.kind} ${named.base}`;
}

/** "client-3" when the routing id already says what it is, else "worker w1". */
function withRoutingId(base: string, routingId: string): string {
  return routingId.toLowerCase().includes(base.toLowerCase()) ? routingId : `${base} ${routingId}`;
}
