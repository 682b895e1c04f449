import { scopedId } from "../telemetry/process-scope.js";
import { eventTime } from "../telemetry/clock.js";
import { emit } from "../telemetry/sink.js";
import { traceOf } from "./traced-socket.js";

/** What zmq-devices tells the workbench when a device starts: its kind and the sockets it owns. */
export interface DeviceAnnouncement {
  kind: string;
  sockets: unknown[];
  label?: string;
}

declare global {
  // eslint-disable-next-line no-var
  var __zmqWorkbenchDevice: ((device: DeviceAnnouncement) => string | undefined) | undefined;
}

const idPrefix = scopedId("d");
let devices = 0;

function socketId(socket: unknown): string | undefined {
  if (typeof socket === "string") return socket;
  try {
    return socket && typeof socket === "object" ? traceOf(socket).id : undefined;
  } catch {
    return undefined; // a socket the workbench does not trace (e.g. from zeromq/draft)
  }
}

/** Turns a device announcement into a `device/open` event, so the graph can draw the device around its sockets. */
function announceDevice(device: DeviceAnnouncement): string | undefined {
  if (!device || typeof device !== "object" || !Array.isArray(device.sockets)) return undefined;
  const id = `${idPrefix}${++devices}`;
  const sockets = device.sockets.map(socketId).filter((s): s is string => s !== undefined);
  emit({
    type: "device/open", t: eventTime(), device: id, kind: String(device.kind ?? "device").slice(0, 40), sockets,
    ...(typeof device.label === "string" ? { label: device.label.slice(0, 80) } : {}),
  });
  return id;
}

globalThis.__zmqWorkbenchDevice = announceDevice;
