import { scopedId } from "../telemetry/process-scope.js";
import { eventTime } from "../telemetry/clock.js";
import { emit } from "../telemetry/sink.js";
import { traceOf } from "./traced-socket.js";
import { isDeviceAnnouncement } from "../../device-announcement.js";
import { provideWorkbenchGlobal } from "../../workbench-globals.js";

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
function announceDevice(device: unknown): string | undefined {
  if (!isDeviceAnnouncement(device)) return undefined;
  const id = `${idPrefix}${++devices}`;
  const sockets = device.sockets.map(socketId).filter((s): s is string => s !== undefined);
  emit({
    type: "device/open",
    t: eventTime(),
    device: id,
    kind: String(device.kind ?? "device").slice(0, 40),
    sockets,
    ...(typeof device.label === "string" ? { label: device.label.slice(0, 80) } : {}),
  });
  return id;
}

provideWorkbenchGlobal("__zmqWorkbenchDevice", announceDevice);
