/** When frames stop (a hidden tab), items are still handed over this often, so they do not pile up. */
export const FRAME_BATCH_MAX_WAIT_MS = 250;

/** Calls `run` once, soon; returns a cancel. */
export type Scheduler = (run: () => void) => () => void;

/** The next animation frame, or the max wait if no frame comes first. */
export const nextFrame: Scheduler = (run) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, FRAME_BATCH_MAX_WAIT_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/**
 * Collects items and hands them over together at most once a frame: a busy run's server messages become one
 * state update (one render of the page) per frame, however many arrive in between.
 */
export class FrameBatch<T> {
  private items: T[] = [];
  private cancel: (() => void) | null = null;

  constructor(
    private readonly deliver: (items: T[]) => void,
    private readonly schedule: Scheduler = nextFrame,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.cancel ??= this.schedule(() => {
      this.cancel = null;
      this.flush();
    });
  }

  /** Hands over what is waiting now, so that an action that follows is applied after it, in order. */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.deliver(items);
  }

  destroy(): void {
    this.cancel?.();
    this.cancel = null;
    this.items = [];
  }
}
