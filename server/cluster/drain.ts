/** Something a draining node tells to go away once it has nothing running (a browser's run connection). */
export interface Drainable {
  leaveWhenIdle(): void;
}

/**
 * Whether this node takes new runs. Draining (before a restart or a replacement) refuses new runs and new
 * WebSockets, asks every connection to leave once its runs have ended (browsers reconnect, through the proxy, to
 * another node), and waits, bounded, for the runs already going.
 */
export class Drain {
  private draining = false;
  private readonly members = new Set<Drainable>();

  get accepting(): boolean {
    return !this.draining;
  }

  /** Registers a connection; returns the function that forgets it. */
  join(member: Drainable): () => void {
    this.members.add(member);
    if (this.draining) member.leaveWhenIdle();
    return () => this.members.delete(member);
  }

  /** Stops taking runs and resolves when `runsDone` settles or `maxMs` passed: true when every run finished. */
  async begin(runsDone: () => Promise<void>, maxMs: number): Promise<boolean> {
    this.draining = true;
    for (const member of this.members) member.leaveWhenIdle();
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), maxMs)));
    try {
      return await Promise.race([runsDone().then(() => true as const), outOfTime]);
    } finally {
      clearTimeout(timer);
    }
  }
}
