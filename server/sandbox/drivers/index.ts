import type { IsolationDriver } from "./types.js";
import { bwrapDriver } from "./bwrap.js";
import { noneDriver } from "./none.js";

export type { IsolationDriver, LaunchSpec, LaunchCommand } from "./types.js";

/** Isolation drivers by name. A remote driver (a cluster scheduler) would be one more entry. */
export const DRIVERS: Record<string, IsolationDriver> = {
  bwrap: bwrapDriver,
  none: noneDriver,
};

/** The named driver, or the best available one for "auto". Fails loudly on a name not in the table. */
export async function pickDriver(name: string): Promise<{ driver: IsolationDriver; fallbackReason?: string }> {
  if (name === "auto") {
    const reason = await bwrapDriver.unavailableReason();
    return reason ? { driver: noneDriver, fallbackReason: reason } : { driver: bwrapDriver };
  }
  const driver = DRIVERS[name];
  if (!driver) throw new Error(`Unknown sandbox driver "${name}"; known drivers: ${Object.keys(DRIVERS).join(", ")}, or auto.`);
  const reason = await driver.unavailableReason();
  if (reason) throw new Error(`Sandbox driver "${name}" is not usable: ${reason}`);
  return { driver };
}
