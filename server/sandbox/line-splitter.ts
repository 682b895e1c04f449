/**
 * Splits a byte stream into newline-terminated lines without decoding partial UTF-8 and without rescanning what
 * it already searched, so a hostile writer sending one endless line costs linear time and bounded memory.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private pendingBytes = 0;
  private overflowing = false;
  /** Lines dropped for being over the cap. */
  tooLong = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** The complete lines in `chunk` (without their newline); a line over the cap is dropped and counted in `tooLong`. */
  push(chunk: Buffer): Buffer[] {
    const lines: Buffer[] = [];
    let start = 0;
    let newline: number;
    while ((newline = chunk.indexOf(10, start)) >= 0) {
      const tail = chunk.subarray(start, newline);
      if (this.overflowing)
        this.overflowing = false; // the end of a line already reported: drop it
      else {
        const line = this.parts.length ? Buffer.concat([...this.parts, tail]) : tail;
        if (line.length > this.maxLineBytes) this.tooLong++;
        else if (line.length > 0) lines.push(line);
      }
      this.parts = [];
      this.pendingBytes = 0;
      start = newline + 1;
    }
    if (start < chunk.length && !this.overflowing) {
      this.parts.push(chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
      if (this.pendingBytes > this.maxLineBytes) {
        this.parts = [];
        this.pendingBytes = 0;
        this.overflowing = true;
        this.tooLong++;
      }
    }
    return lines;
  }
}
