/** Passes values on at most once every `ms`; the latest value offered always arrives, at the end of the wait. */
export class Throttle<T> {
  private last = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: { value: T } | undefined;

  constructor(
    private readonly ms: number,
    private readonly pass: (value: T) => void,
  ) {}

  offer(value: T): void {
    const wait = this.last + this.ms - performance.now();
    if (wait <= 0 && this.timer === undefined) return this.passNow(value);
    this.pending = { value };
    this.timer ??= setTimeout(
      () => {
        this.timer = undefined;
        if (this.pending) this.passNow(this.pending.value);
      },
      Math.max(wait, 0),
    );
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }

  private passNow(value: T): void {
    this.pending = undefined;
    this.last = performance.now();
    this.pass(value);
  }
}
