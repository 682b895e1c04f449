import type { Socket } from "zeromq";
import { diagnoseOnce } from "./socket-trace.js";
import { traceOf } from "./traced-socket.js";

/** libzmq socket type numbers (the read-only `type` option) of the kinds that can only send or only receive. */
const SEND_ONLY_TYPES = new Set([1, 8]); // PUB, PUSH
const RECEIVE_ONLY_TYPES = new Set([2, 7]); // SUB, PULL

interface MessageSocket extends Socket {
  readonly type: number;
  send(message: Buffer[]): Promise<void>;
  receive(): Promise<Buffer[]>;
  close(): void;
}

/**
 * zeromq.js's Proxy with the same API, as two JS loops over the (traced) sockets: the native one runs in libuv's
 * thread pool where its traffic is invisible. libzmq 4.3.5 swaps PAUSE and RESUME (pause() lets messages flow,
 * resume() holds them); a program must behave here as it will on the real library, so this one does too, and says so.
 */
export class Proxy<F extends Socket = Socket, B extends Socket = Socket> {
  private running = false;
  private terminated = false;
  private paused = false;
  private wakeUps: (() => void)[] = [];

  constructor(
    readonly frontEnd: F,
    readonly backEnd: B,
  ) {}

  /** Forwards messages both ways (where the socket kinds allow) until terminate(); then both sockets are closed. */
  async run(): Promise<void> {
    if (this.running) throw Object.assign(new Error("Proxy is already running"), { code: "EBUSY" });
    this.running = true;
    const front = this.frontEnd as unknown as MessageSocket;
    const back = this.backEnd as unknown as MessageSocket;
    try {
      await Promise.all([this.pump(front, back), this.pump(back, front)]);
    } finally {
      this.closeBoth();
    }
  }

  /** As libzmq 4.3.5 does it: lets messages flow. */
  pause(): void {
    this.warnSwapped("pause");
    this.flow();
  }

  /** As libzmq 4.3.5 does it: holds messages. */
  resume(): void {
    this.warnSwapped("resume");
    this.paused = true;
  }

  terminate(): void {
    if (!this.running) throw Object.assign(new Error("Proxy is not running"), { code: "EBADF" });
    this.terminated = true;
    this.flow();
    this.closeBoth();
  }

  private flow(): void {
    this.paused = false;
    for (const wake of this.wakeUps.splice(0)) wake();
  }

  private warnSwapped(called: "pause" | "resume"): void {
    const does = called === "pause" ? "lets messages flow" : "holds messages";
    let trace: ReturnType<typeof traceOf>;
    try {
      trace = traceOf(this.frontEnd);
    } catch {
      return; // a socket the workbench does not trace
    }
    diagnoseOnce(
      trace,
      "proxy-pause-resume-swapped",
      `Proxy.${called}() ${does}: libzmq 4.3.5 swaps PAUSE and RESUME, and the workbench behaves as the real library does. To hold messages call resume(), to let them flow again call pause() (or avoid both).`,
      "warning",
    );
  }

  private async pump(from: MessageSocket, to: MessageSocket): Promise<void> {
    if (SEND_ONLY_TYPES.has(from.type) || RECEIVE_ONLY_TYPES.has(to.type)) return;
    while (!this.terminated) {
      if (this.paused) await new Promise<void>((wake) => this.wakeUps.push(wake));
      let message: Buffer[];
      try {
        message = await from.receive();
      } catch (err) {
        if (this.terminated || from.closed) return;
        throw err;
      }
      if (this.paused) await new Promise<void>((wake) => this.wakeUps.push(wake));
      if (this.terminated) return;
      try {
        await to.send(message);
      } catch (err) {
        if (this.terminated || to.closed) return;
        throw err;
      }
    }
  }

  private closeBoth(): void {
    for (const socket of [this.frontEnd, this.backEnd] as unknown as MessageSocket[]) {
      if (!socket.closed) socket.close();
    }
  }
}
