import type { HostHandle } from "./launchers.js";

interface Stoppable {
  daemon: boolean;
  stop(): Promise<void>;
}

const running = new Map<Stoppable, HostHandle>();
let installed = false;

/**
 * Daemon devices are unref'd so they never keep a program alive; when the program has nothing left to do they are
 * stopped cleanly (a worker must not be torn down with a receive pending). On a hard process.exit() the 'exit'
 * handler blocks briefly until device threads have closed their sockets, and kills device processes so none outlives
 * its program.
 */
function install(): void {
  installed = true;
  process.on("beforeExit", () => {
    for (const device of running.keys()) if (device.daemon) void device.stop();
  });
  process.on("exit", () => {
    for (const handle of running.values()) handle.stopNow();
  });
}

export function watchDaemon(device: Stoppable, handle: HostHandle): void {
  if (!installed) install();
  running.set(device, handle);
  void handle.exited.then(() => running.delete(device));
}
