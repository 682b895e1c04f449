import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { UidBlock, dropToUser, runsAsOwnUser } from "./slot-user.js";

describe.skipIf(!runsAsOwnUser())("run uid blocks", () => {
  it("are not handed out again while a process of theirs is still alive", async () => {
    const first = UidBlock.claim();
    first.release();
    // A leftover of the released block's last run, still holding one of its uids.
    const [file, ...args] = [...dropToUser(first.uidFor(3)), "/usr/bin/sleep", "30"];
    const leftover = spawn(file, args, { stdio: "ignore" });
    await new Promise((resolve) => leftover.once("spawn", resolve));
    await new Promise((resolve) => setTimeout(resolve, 100)); // setpriv has become sleep under that uid
    try {
      const next = UidBlock.claim();
      expect(next.firstUid).not.toBe(first.firstUid);
      next.release();
    } finally {
      leftover.kill("SIGKILL");
    }
  });
});
