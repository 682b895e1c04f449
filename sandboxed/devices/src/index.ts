export { device, type DeviceKind } from "./device.js";
export { monitoredQueue, type MonitoredQueueOptions, type Prefix } from "./monitored-queue.js";
export { BackgroundDevice } from "./background.js";
export { ThreadDevice, ProcessDevice, BackgroundMonitoredQueue, ThreadMonitoredQueue, ProcessMonitoredQueue } from "./classes.js";
export type { Endpoints } from "./plan.js";
export type { SocketType, SocketTypeName } from "./socket-types.js";
export type { DeviceAnnouncement } from "./announce.js";
