import type * as zmq from "zeromq";
import { workbenchGlobal } from "../../workbench-globals.js";

/** What the workbench's optional reporter receives when a device starts; see README "Workbench trace hook". */
export interface DeviceAnnouncement {
  kind: string;
  sockets: zmq.Socket[];
  label?: string;
}

/** Tells the workbench (if it listens) that these sockets belong to one device; never lets the reporter break it. */
export function announceDevice(device: DeviceAnnouncement): void {
  const reporter = workbenchGlobal("__zmqWorkbenchDevice");
  if (typeof reporter !== "function") return;
  try {
    reporter(device);
  } catch {
    // Tracing is best effort; the device must run the same with or without it.
  }
}
