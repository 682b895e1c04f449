import { hostname } from "node:os";
import { randomBytes } from "node:crypto";

/** A name for this app instance, unique in the cluster even for two instances in one process or a restarted node. */
export const newNodeName = () => `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
