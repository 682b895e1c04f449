import { Worker } from "node:worker_threads";

export type SocketType = "PULL" | "PUSH" | "ROUTER" | "DEALER" | "XSUB" | "XPUB";

/** What to do to one socket of the device, recorded here and replayed in the device's thread. */
export interface SocketSetup {
  type: SocketType;
  binds: string[];
  connects: string[];
  options: Record<string, unknown>;
}

/**
 * Runs a device in a background thread. Sockets cannot cross threads, so you pass socket *types* and
 * configure them through the in/out methods; the thread creates and sets up the real sockets.
 */
export class ThreadDevice {
  private readonly setup: { in: SocketSetup; out: SocketSetup };
  private worker?: Worker;

  constructor(readonly kind: "streamer", inType: SocketType, outType: SocketType) {
    const empty = (type: SocketType): SocketSetup => ({ type, binds: [], connects: [], options: {} });
    this.setup = { in: empty(inType), out: empty(outType) };
  }

  bindIn(endpoint: string) { this.setup.in.binds.push(endpoint); }
  bindOut(endpoint: string) { this.setup.out.binds.push(endpoint); }
  connectIn(endpoint: string) { this.setup.in.connects.push(endpoint); }
  connectOut(endpoint: string) { this.setup.out.connects.push(endpoint); }
  setIn(option: string, value: unknown) { this.setup.in.options[option] = value; }
  setOut(option: string, value: unknown) { this.setup.out.options[option] = value; }

  /** Starts the thread; resolves once its sockets are bound and connected. */
  async start(): Promise<void> {
    this.worker = new Worker(new URL("./device-thread.js", import.meta.url), { workerData: { kind: this.kind, ...this.setup } });
    await new Promise((resolve, reject) => {
      this.worker!.once("message", resolve);
      this.worker!.once("error", reject);
    });
  }

  /** Asks the thread to close its sockets and waits until it has ended. */
  async stop(): Promise<void> {
    if (!this.worker) return;
    const exited = new Promise((resolve) => this.worker!.once("exit", resolve));
    this.worker.postMessage("stop");
    await exited;
  }
}
