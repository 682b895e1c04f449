import { assertDeviceKind, type DeviceKind } from "./device.js";
import type { HostHandle } from "./launchers.js";
import { emptySocketPlan, type DevicePlan, type Endpoints, type SocketPlan } from "./plan.js";
import { watchDaemon } from "./daemons.js";
import { assertSettable, socketTypeName, type SocketType } from "./socket-types.js";

/** How long stop() waits for the host to close its sockets and end before killing it. */
const STOP_GRACE_MS = 5_000;

type Side = "in" | "out" | "mon";

/**
 * A device that runs in the background (pyzmq's BackgroundDevice). It takes socket types, not sockets: the sockets
 * are made inside the worker thread or child process from the calls recorded here, in pyzmq's order
 * (options, then binds, then connects) when start() is called.
 */
export abstract class BackgroundDevice {
  /**
   * Like pyzmq's daemon flag (default true): a daemon device does not keep the program alive. When nothing else is
   * left to do it is stopped cleanly; set false to keep the program running until stop().
   */
  daemon = true;
  /** The host's exit code once its thread or process has ended; undefined before that. */
  exitCode: number | null | undefined = undefined;
  protected readonly plan: DevicePlan;
  private handle?: HostHandle;
  private outcome?: Promise<string | undefined>;

  protected constructor(kind: DevicePlan["kind"], inType: SocketType, outType: SocketType, where: "thread" | "process") {
    if (kind !== "monitored-queue") assertDeviceKind(kind);
    const label = `${kind === "monitored-queue" ? "monitored queue" : kind} (${where})`;
    this.plan = { kind, label, in: emptySocketPlan(socketTypeName(inType)), out: emptySocketPlan(socketTypeName(outType)) };
  }

  bindIn(address: string): this {
    return this.record("in", (s) => s.binds.push(address));
  }
  bindOut(address: string): this {
    return this.record("out", (s) => s.binds.push(address));
  }
  connectIn(address: string): this {
    return this.record("in", (s) => s.connects.push(address));
  }
  connectOut(address: string): this {
    return this.record("out", (s) => s.connects.push(address));
  }
  /** A zeromq.js option name ("routingId", "linger", ...), or "subscribe" for a SUB socket. */
  setSockOptIn(name: string, value: unknown): this {
    return this.setOption("in", name, value);
  }
  setSockOptOut(name: string, value: unknown): this {
    return this.setOption("out", name, value);
  }

  /** threadId of the device's worker or pid of its process, once started. */
  get hostId(): number | undefined {
    return this.handle?.id;
  }

  /** Launches the host and resolves with the endpoints each side bound once all sockets are set up. */
  start(): Promise<Endpoints> {
    if (this.handle) return Promise.reject(new Error("this device was already started"));
    const handle = (this.handle = this.launch());
    watchDaemon(this, handle);
    void handle.exited.then((code) => (this.exitCode = code));
    let ready: (endpoints: Endpoints) => void = () => undefined;
    let failed: (err: Error) => void = () => undefined;
    const started = new Promise<Endpoints>((resolve, reject) => ((ready = resolve), (failed = reject)));
    this.outcome = new Promise((resolve) => {
      handle.onMessage((message) => {
        if (message.type === "ready") {
          // Only now: an unref'd host would let the program reach beforeExit (and stop it) while start() is pending.
          if (this.daemon) handle.unref();
          ready(message.endpoints);
        } else if (message.type === "failed") failed(new Error(`${this.plan.kind} device could not start: ${message.message}`));
        else if (message.type === "ended") resolve(message.error);
      });
      void handle.exited.then((code) => {
        failed(new Error(`${this.plan.kind} device ended (exit code ${code}) before it was ready`));
        resolve(code === 0 ? undefined : `host exited with code ${code}`);
      });
    });
    void this.outcome.then((error) => error && process.emitWarning(`zmq-devices: ${this.plan.kind} device failed: ${error}`));
    try {
      handle.send({ type: "start", plan: this.plan });
    } catch (err) {
      // An option value that cannot be cloned to the thread or process; the host has no sockets yet.
      handle.kill();
      failed(err as Error);
    }
    return started;
  }

  /** Closes the device's sockets and resolves once its thread or process has exited. */
  async stop(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    // Awaiting an unref'd host's exit would not keep the program alive long enough to see it.
    handle.ref();
    handle.send({ type: "stop" });
    const killer = setTimeout(() => handle.kill(), STOP_GRACE_MS);
    await handle.exited;
    clearTimeout(killer);
  }

  close(): Promise<void> {
    return this.stop();
  }

  /** Resolves when the device has ended (after stop(), or when its sockets closed); rejects if it failed. */
  async join(): Promise<void> {
    if (!this.handle || !this.outcome) throw new Error("this device was not started");
    const error = await this.outcome;
    await this.handle.exited;
    if (error) throw new Error(`${this.plan.kind} device failed: ${error}`);
  }

  protected abstract launch(): HostHandle;

  protected record(side: Side, change: (socket: SocketPlan) => void): this {
    if (this.handle) throw new Error("configure a background device before start()");
    const socket = this.plan[side];
    if (!socket) throw new Error(`this device has no ${side} socket`);
    change(socket);
    return this;
  }

  protected setOption(side: Side, name: string, value: unknown): this {
    return this.record(side, (socket) => {
      assertSettable(socket.type, name);
      socket.options.push([name, value]);
    });
  }
}

export type { DeviceKind };
