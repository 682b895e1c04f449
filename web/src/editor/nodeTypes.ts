/**
 * A small stand-in for @types/node, enough for learner programs: Buffer (what zeromq.js receives), process,
 * timers and worker_threads. The full @types/node is megabytes the editor would download for little gain.
 */
export const NODE_TYPES = `
declare class Buffer extends Uint8Array {
  static from(data: string | ArrayBuffer | ArrayLike<number>, encoding?: string): Buffer;
  static alloc(size: number, fill?: number): Buffer;
  static concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
  static byteLength(text: string, encoding?: string): number;
  static isBuffer(value: unknown): value is Buffer;
  toString(encoding?: "utf8" | "hex" | "base64" | "latin1" | "ascii", start?: number, end?: number): string;
  equals(other: Uint8Array): boolean;
  readUInt32BE(offset?: number): number;
  writeUInt32BE(value: number, offset?: number): number;
  readUInt32LE(offset?: number): number;
  writeUInt32LE(value: number, offset?: number): number;
  subarray(start?: number, end?: number): Buffer;
}
declare namespace NodeJS { interface Timeout { ref(): this; unref(): this } }
declare var process: {
  argv: string[]; env: Record<string, string | undefined>; pid: number; platform: string;
  exit(code?: number): never; exitCode: number | undefined;
  hrtime: { bigint(): bigint }; memoryUsage(): { rss: number; heapUsed: number };
  on(event: string, listener: (...args: any[]) => void): void;
  stdout: { write(text: string): boolean }; stderr: { write(text: string): boolean };
};
declare function setImmediate(callback: (...args: any[]) => void, ...args: any[]): unknown;
declare module "worker_threads" {
  export const isMainThread: boolean;
  export const threadId: number;
  export const workerData: any;
  export const parentPort: { postMessage(value: unknown): void; on(event: "message", listener: (value: any) => void): void } | null;
  export class Worker {
    constructor(filename: string | URL, options?: { workerData?: unknown });
    readonly threadId: number;
    postMessage(value: unknown): void;
    on(event: "message" | "error" | "exit" | "online", listener: (value: any) => void): this;
    once(event: "message" | "error" | "exit" | "online", listener: (value: any) => void): this;
    terminate(): Promise<number>;
  }
}
declare module "node:worker_threads" { export * from "worker_threads"; }
declare module "timers/promises" {
  export function setTimeout<T = void>(ms?: number, value?: T): Promise<T>;
  export function setImmediate<T = void>(value?: T): Promise<T>;
}
declare module "node:timers/promises" { export * from "timers/promises"; }
declare module "events" {
  export class EventEmitter {
    on(event: string, listener: (...args: any[]) => void): this;
    emit(event: string, ...args: any[]): boolean;
  }
}
`;
