import { EventEmitter } from "node:events";
import type { Socket } from "zeromq";
import { operationEnded, operationStarted } from "./liveness.js";
import type { ObservedEvent, SocketMonitor } from "./observer-monitor.js";
import { zmq } from "./real-zeromq.js";

type Waiter = (event: ObservedEvent | undefined) => void;

/** Finds the workbench's monitor of a traced socket; undefined for sockets the workbench does not trace. */
let findMonitor: (socket: Socket) => SocketMonitor | undefined = () => undefined;

export function setMonitorFinder(finder: (socket: Socket) => SocketMonitor | undefined): void {
  findMonitor = finder;
}

/**
 * zmq.Observer for learner code. libzmq allows one monitor per socket and the workbench already holds it, so a
 * learner's Observer (or `socket.events`) is fed from that monitor. Same API: receive(), for await, on/off,
 * close(); waiting for events keeps the process alive, as it does with zeromq.js.
 */
export class Observer {
  private readonly queue: ObservedEvent[] = [];
  private waiter: Waiter | undefined;
  private emitter: EventEmitter | undefined;
  private monitor: SocketMonitor | undefined;
  private isClosed = false;
  private readonly listener = (event: ObservedEvent): void => this.push(event);

  constructor(socket: Socket) {
    const monitor = findMonitor(socket);
    // biome-ignore lint/correctness/noConstructorReturn: a socket the workbench does not monitor gets libzmq's own Observer, as without the workbench
    if (!monitor?.canStart) return new zmq.Observer(socket) as unknown as Observer;
    this.monitor = monitor;
    monitor.listeners.add(this.listener);
    monitor.start();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  receive(): Promise<ObservedEvent | undefined> {
    if (this.emitter)
      throw new Error("Observer is in event emitter mode. After a call to events.on() it is not possible to read events with events.receive().");
    if (this.isClosed) throw Object.assign(new Error("Socket is closed"), { code: "EBADF", errno: 9 });
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    operationStarted();
    return new Promise((resolve) => {
      this.waiter = (event) => {
        operationEnded();
        resolve(event);
      };
    });
  }

  on(type: string, listener: (event: ObservedEvent) => void): this {
    if (!this.emitter) {
      this.emitter = new EventEmitter();
      if (!this.isClosed) operationStarted(); // an Observer in emitter mode waits until closed
      for (const event of this.queue.splice(0)) this.emitter.emit(event.type, event);
    }
    this.emitter.on(type, listener);
    return this;
  }

  off(type: string, listener: (event: ObservedEvent) => void): this {
    this.emitter?.off(type, listener);
    return this;
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.monitor?.listeners.delete(this.listener);
    if (this.emitter) operationEnded();
    this.takeWaiter()?.(undefined);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ObservedEvent, undefined> {
    while (!this.isClosed) {
      const event = await this.receive();
      if (!event) return undefined;
      yield event;
    }
    return undefined;
  }

  private push(event: ObservedEvent): void {
    if (this.emitter) this.emitter.emit(event.type, event);
    else {
      const waiter = this.takeWaiter();
      if (waiter) waiter(event);
      else this.queue.push(event);
    }
    if (event.type === "end") this.close();
  }

  private takeWaiter(): Waiter | undefined {
    const waiter = this.waiter;
    this.waiter = undefined;
    return waiter;
  }
}

const socketObservers = new WeakMap<object, Observer>();

/** `socket.events`: one Observer per socket, created on first use, as in zeromq.js. */
export function defineEventsProperty(prototype: object): void {
  Object.defineProperty(prototype, "events", {
    configurable: true,
    get(this: Socket) {
      let observer = socketObservers.get(this);
      if (!observer) socketObservers.set(this, (observer = new Observer(this)));
      return observer;
    },
  });
}
