/**
 * Starts a scenario's actors and applies live controls to them: replicas follow their param, and kill, restart,
 * pause and resume act on an actor by name ("worker" is every replica, "worker-2" one of them). Ships inside
 * generated programs as workbench/actors.ts.
 */
import { onControl, params, type ControlMessage, type ParamValue } from "./control.js";
import { Actor, framesText } from "./actor.js";

export { Actor, framesText };
export type ActorBody = (actor: Actor) => Promise<void>;

/** libzmq frees a closed socket's port in the background; a restart that binds again waits this long first. */
const RESTART_PAUSE_MS = 150;
const BIND_ATTEMPTS = 10;
const MAX_REPLICAS = 8;

class Member {
  life: Actor | undefined;

  constructor(
    readonly name: string,
    private readonly body: ActorBody,
  ) {}

  start(attempt = 1): void {
    if (demoOver) return;
    const life = new Actor(this.name);
    this.life = life;
    this.body(life).catch((err: Error & { code?: string }) => {
      // Closing the sockets under a pending receive or send rejects it: that is how a kill ends the loop.
      if (!life.alive) return;
      life.stop();
      if (err.code === "EADDRINUSE" && attempt < BIND_ATTEMPTS) return void setTimeout(() => this.life === life && this.start(attempt + 1), RESTART_PAUSE_MS);
      console.error(`${this.name} stopped: ${err.message}`);
    });
  }

  apply(op: "kill" | "restart" | "pause" | "resume"): void {
    const life = this.life;
    if (op === "pause") life?.pause();
    else if (op === "resume") life?.resume();
    else {
      life?.stop();
      if (op === "restart") setTimeout(() => this.life === life && this.start(), RESTART_PAUSE_MS);
    }
  }
}

class Group {
  readonly members: Member[] = [];

  constructor(
    readonly name: string,
    private readonly body: ActorBody,
    private readonly count: (() => number) | undefined,
  ) {}

  /** Starts or kills replicas until there are as many as the param asks for. */
  scale(): void {
    if (!this.count) {
      if (this.members.length === 0) this.add(this.name);
      return;
    }
    const wanted = Math.max(0, Math.min(MAX_REPLICAS, Math.round(this.count()) || 0));
    while (this.members.length < wanted) this.add(`${this.name}-${this.members.length + 1}`);
    while (this.members.length > wanted) this.members.pop()?.apply("kill");
  }

  private add(name: string): void {
    const member = new Member(name, this.body);
    this.members.push(member);
    member.start();
  }
}

const groups: Group[] = [];
/** Binder → the actors that connect to it over inproc. */
const inprocConnectors = new Map<string, string[]>();
const snapshot: Record<string, ParamValue> = {};
const clockWakers = new Set<() => void>();
let demoOver = false;

/** Starts one actor named `name`. */
export function startActor(name: string, body: ActorBody): void {
  addGroup(new Group(name, body, undefined));
}

/** Starts `count()` copies named name-1, name-2, …; a live control changing the count starts or stops copies. */
export function startReplicas(name: string, body: ActorBody, count: () => number): void {
  addGroup(new Group(name, body, count));
}

/**
 * Over inproc, libzmq never makes a connection again once the bound socket has closed: a restarted `binder` would
 * be left alone. So restarting it restarts these connecting actors too, and says why.
 */
export function restartTogether(binder: string, connectors: string[]): void {
  inprocConnectors.set(binder, connectors);
}

/** Lets the demo run for `seconds()` (a live control may lengthen it), then closes every socket so the program ends. */
export async function runFor(seconds: () => number): Promise<void> {
  const startedAt = performance.now();
  for (let left = seconds() * 1000; left > 0; left = startedAt + seconds() * 1000 - performance.now()) {
    await new Promise<void>((resolve) => {
      const done = () => (clearTimeout(timer), clockWakers.delete(done), resolve());
      const timer = setTimeout(done, left);
      clockWakers.add(done);
    });
  }
  demoOver = true;
  stopControls();
  for (const group of groups) for (const member of group.members) member.life?.stop();
  console.log(`The demo ended after ${Math.round((performance.now() - startedAt) / 1000)} s.`);
}

function addGroup(group: Group): void {
  Object.assign(snapshot, { ...params, ...snapshot });
  groups.push(group);
  group.scale();
}

function control(message: ControlMessage): void {
  if (demoOver) return;
  if (message.action === "set-param") {
    const previous = snapshot[message.name];
    snapshot[message.name] = message.value;
    for (const group of groups) group.scale();
    for (const group of groups) for (const member of group.members) member.life?.paramChanged(message.name, previous);
    for (const wake of [...clockWakers]) wake();
    return;
  }
  for (const group of groups) {
    const targeted = group.members.filter((member) => group.name === message.actor || member.name === message.actor);
    for (const member of targeted) member.apply(message.op);
    if (message.op === "restart" && targeted.length > 0) restartConnectors(group.name);
  }
}

function restartConnectors(binder: string): void {
  for (const name of inprocConnectors.get(binder) ?? []) {
    const group = groups.find((g) => g.name === name);
    if (!group || group.members.length === 0) continue;
    console.log(`${name} restarts too: over inproc a connection is never made again once ${binder}'s socket has closed.`);
    for (const member of group.members) member.apply("restart");
  }
}

const stopControls = onControl(control);
