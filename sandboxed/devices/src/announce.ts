import type * as zmq from "zeromq";

/** What the workbench's optional reporter receives when a device starts; see README "Workbench trace hook". */
export interface DeviceAnnouncement {
  kind: string;
  sockets: zmq.Socket[];
  label?: string;
}

type Reporter = (device: DeviceAnnouncement) => unknown;

/** Tells the workbench (if it listens) that these sockets belong to one device; never lets the reporter break it. */
export function announceDevice(device: DeviceAnnouncement): void {
  const reporter = (globalThis as { __zmqWorkbenchDevice?: Reporter }).__zmqWorkbenchDevice;
  if (typeof reporter !== "function") return;
  try {
    reporter(device);
  } catch {
    // Tracing is best effort; the device must run the same with or without it.
  }
}
