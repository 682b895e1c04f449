import { BackgroundDevice } from "./background.js";
import type { DeviceKind } from "./device.js";
import { launchProcess, launchThread, type HostHandle } from "./launchers.js";
import type { MonitoredQueueOptions } from "./monitored-queue.js";
import { emptySocketPlan } from "./plan.js";
import { socketTypeName, type SocketType } from "./socket-types.js";

/** Runs device(kind, ...) in a worker thread; sockets share the default context, so inproc works with this thread. */
export class ThreadDevice extends BackgroundDevice {
  constructor(kind: DeviceKind, inType: SocketType, outType: SocketType) {
    super(kind, inType, outType, "thread");
  }
  protected launch(): HostHandle {
    return launchThread();
  }
}

/** Runs device(kind, ...) in a child process (its own context: connect over tcp or ipc, not inproc). */
export class ProcessDevice extends BackgroundDevice {
  constructor(kind: DeviceKind, inType: SocketType, outType: SocketType) {
    super(kind, inType, outType, "process");
  }
  protected launch(): HostHandle {
    return launchProcess();
  }
}

/** A background monitoredQueue: adds bindMon/connectMon/setSockOptMon for the monitor socket (PUB by default). */
export abstract class BackgroundMonitoredQueue extends BackgroundDevice {
  protected constructor(where: "thread" | "process", inType: SocketType, outType: SocketType, monType: SocketType, options: MonitoredQueueOptions) {
    super("monitored-queue", inType, outType, where);
    this.plan.mon = emptySocketPlan(socketTypeName(monType));
    this.plan.inPrefix = options.inPrefix;
    this.plan.outPrefix = options.outPrefix;
  }
  bindMon(address: string): this {
    return this.record("mon", (s) => s.binds.push(address));
  }
  connectMon(address: string): this {
    return this.record("mon", (s) => s.connects.push(address));
  }
  setSockOptMon(name: string, value: unknown): this {
    return this.setOption("mon", name, value);
  }
}

export class ThreadMonitoredQueue extends BackgroundMonitoredQueue {
  constructor(inType: SocketType, outType: SocketType, monType: SocketType = "PUB", options: MonitoredQueueOptions = {}) {
    super("thread", inType, outType, monType, options);
  }
  protected launch(): HostHandle {
    return launchThread();
  }
}

export class ProcessMonitoredQueue extends BackgroundMonitoredQueue {
  constructor(inType: SocketType, outType: SocketType, monType: SocketType = "PUB", options: MonitoredQueueOptions = {}) {
    super("process", inType, outType, monType, options);
  }
  protected launch(): HostHandle {
    return launchProcess();
  }
}
