import { endpointsMatch } from "../../protocol/endpoints.js";
import type { SocketKind, TraceEvent } from "../../protocol/trace.js";

/** One connect resolved to the bind it reaches: the graph's edge. */
export interface Edge {
  connector: string;
  binder: string;
  endpoint: string;
  /** When the edge existed from: the later of the connect and the bind. */
  since: number;
}

interface Endpoint {
  socket: string;
  endpoint: string;
  t: number;
  active: boolean;
  /** When it stopped being active (unbind, disconnect, close). */
  until?: number;
}

/**
 * Whether an endpoint still counted at time t. Threads and child processes report in batches, so a bind can
 * arrive after the connecting socket has already closed; what matters is whether their lifetimes overlapped.
 */
const aliveAt = (e: Endpoint, t: number): boolean => e.active || (e.until !== undefined && e.until >= t);

/**
 * Which sockets exist and which reach which, from socket events alone, the way the graph draws them: a connect
 * reaches the socket whose bind matches its endpoint (endpointsMatch), whichever came first.
 */
export class Topology {
  private readonly kinds = new Map<string, SocketKind>();
  private readonly binds: Endpoint[] = [];
  private readonly connects: Endpoint[] = [];
  private readonly edgeList: Edge[] = [];
  private readonly neighbours = new Map<string, Set<string>>();
  /** Edges formed by the last apply(), for checks that run once per edge. */
  newEdges: Edge[] = [];

  apply(event: TraceEvent): void {
    this.newEdges = [];
    switch (event.type) {
      case "socket/open":
        this.kinds.set(event.socket, event.kind);
        break;
      case "socket/bind":
        this.addBind({ socket: event.socket, endpoint: event.resolved ?? event.endpoint, t: event.t, active: true });
        break;
      case "socket/connect":
        this.addConnect({ socket: event.socket, endpoint: event.endpoint, t: event.t, active: true });
        break;
      case "socket/unbind":
        this.deactivate(this.binds, event.socket, event.endpoint, event.t);
        break;
      case "socket/disconnect":
        this.deactivate(this.connects, event.socket, event.endpoint, event.t);
        break;
      case "socket/close":
        for (const list of [this.binds, this.connects]) for (const e of list) if (e.socket === event.socket && e.active) end(e, event.t);
        break;
    }
  }

  kindOf(socket: string): SocketKind | undefined {
    return this.kinds.get(socket);
  }

  /** Sockets this one has (or had) an edge with, either direction. */
  peersOf(socket: string): string[] {
    return [...(this.neighbours.get(socket) ?? [])];
  }

  edges(): readonly Edge[] {
    return this.edgeList;
  }

  connectList(): readonly Readonly<Endpoint>[] {
    return this.connects;
  }

  bindList(): readonly Readonly<Endpoint>[] {
    return this.binds;
  }

  /** Whether a connect has found a bind in this run. */
  isResolved(connect: Readonly<Endpoint>): boolean {
    return this.edgeList.some((e) => e.connector === connect.socket && e.endpoint === connect.endpoint);
  }

  private addBind(bind: Endpoint): void {
    this.binds.push(bind);
    for (const connect of this.connects) if (aliveAt(connect, bind.t) && endpointsMatch(connect.endpoint, bind.endpoint)) this.link(connect, bind);
  }

  private addConnect(connect: Endpoint): void {
    this.connects.push(connect);
    const bind = [...this.binds].reverse().find((b) => aliveAt(b, connect.t) && endpointsMatch(connect.endpoint, b.endpoint));
    if (bind) this.link(connect, bind);
  }

  private link(connect: Endpoint, bind: Endpoint): void {
    const edge = { connector: connect.socket, binder: bind.socket, endpoint: connect.endpoint, since: Math.max(connect.t, bind.t) };
    this.edgeList.push(edge);
    this.newEdges.push(edge);
    for (const [a, b] of [[edge.connector, edge.binder], [edge.binder, edge.connector]]) {
      let set = this.neighbours.get(a);
      if (!set) this.neighbours.set(a, (set = new Set()));
      set.add(b);
    }
  }

  private deactivate(list: Endpoint[], socket: string, endpoint: string, t: number): void {
    for (const e of list) if (e.active && e.socket === socket && (e.endpoint === endpoint || endpointsMatch(endpoint, e.endpoint))) end(e, t);
  }
}

function end(e: Endpoint, t: number): void {
  e.active = false;
  e.until = t;
}
