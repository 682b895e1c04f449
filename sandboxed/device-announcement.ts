import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

/** A device announcement as the runner accepts it: checked, since the program can call the hook with anything. */
export const DeviceAnnouncement = Type.Object({
  kind: Type.String({ maxLength: 40 }),
  sockets: Type.Array(Type.Unknown(), { maxItems: 16 }),
  label: Type.Optional(Type.String({ maxLength: 80 })),
});
export type DeviceAnnouncement = Static<typeof DeviceAnnouncement>;

export function isDeviceAnnouncement(value: unknown): value is DeviceAnnouncement {
  return Value.Check(DeviceAnnouncement, value);
}
