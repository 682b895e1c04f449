import { mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { isAlive } from "../process-alive.js";

const SETPRIV = "/usr/bin/setpriv";
/**
 * Run uids come in blocks, one block per supervisor on the host, so two servers (or test files) never put runs on
 * the same uid: same-uid runs could signal each other and would share one RLIMIT_NPROC count. No account uses them.
 */
const FIRST_RUN_UID = 200_000;
const UIDS_PER_BLOCK = 256;
const BLOCKS = 1000;
const LOCK_DIR = "/run/zmq-workbench/uid-blocks";

/** True when the server may give each run a uid of its own (it is root). */
export function runsAsOwnUser(): boolean {
  return process.getuid?.() === 0;
}

/**
 * A block of uids only this process hands out, held by a lock file naming our pid; a dead owner's block is reused
 * once no process of its uids is left (a closed server's last runs may still be ending, and their processes would
 * count against the RLIMIT_NPROC of the next runs on those uids).
 */
export class UidBlock {
  private constructor(
    readonly firstUid: number,
    private readonly lockFile: string,
  ) {}

  static claim(): UidBlock {
    mkdirSync(LOCK_DIR, { recursive: true, mode: 0o700 });
    const busy = uidsWithProcesses();
    for (let block = 0; block < BLOCKS; block++) {
      const firstUid = FIRST_RUN_UID + block * UIDS_PER_BLOCK;
      if (busy.some((uid) => uid >= firstUid && uid < firstUid + UIDS_PER_BLOCK)) continue;
      const lockFile = join(LOCK_DIR, String(block));
      if (tryLock(lockFile)) return new UidBlock(firstUid, lockFile);
    }
    throw new Error(`all ${BLOCKS} run uid blocks are in use by live servers`);
  }

  uidFor(slot: number): number {
    if (slot >= UIDS_PER_BLOCK) throw new Error(`pool slot ${slot} is beyond this server's ${UIDS_PER_BLOCK} run uids`);
    return this.firstUid + slot;
  }

  release(): void {
    rmSync(this.lockFile, { force: true });
  }
}

/** The command prefix that drops to `uid` with no supplementary groups; empty when there is no uid to drop to. */
export function dropToUser(uid: number | undefined): string[] {
  return uid === undefined ? [] : [SETPRIV, `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--"];
}

/** The real and effective uids of every process on the host, from /proc. */
function uidsWithProcesses(): number[] {
  const uids: number[] = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const line = /^Uid:\s+(\d+)\s+(\d+)/m.exec(readOr(`/proc/${pid}/status`));
    if (line) uids.push(Number(line[1]), Number(line[2]));
  }
  return uids;
}

function tryLock(lockFile: string): boolean {
  if (writeLock(lockFile)) return true;
  const owner = Number(readOr(lockFile));
  if (owner && isAlive(owner)) return false; // our own pid too: another supervisor in this process holds it
  rmSync(lockFile, { force: true }); // a dead owner's lock; O_EXCL decides between claimers racing for it
  return writeLock(lockFile);
}

function writeLock(lockFile: string): boolean {
  try {
    const fd = openSync(lockFile, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    return false;
  }
}

function readOr(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
