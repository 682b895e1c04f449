import type { Socket } from "zeromq";
import type { SocketKind } from "../../../protocol/trace.js";
import { learnerCallSite } from "../job/learner-stack.js";
import { beforeReceive, beforeSend } from "./diagnostics.js";
import { errorCode } from "./explain.js";
import { checkHostResolves } from "./host-check.js";
import { warnIfLingering } from "./linger.js";
import { messageFingerprint } from "./fingerprint.js";
import { messageBytes, summarizeMessage } from "./frames.js";
import { operationEnded, operationStarted } from "./liveness.js";
import { eventTime } from "../telemetry/clock.js";
import { monitorOf, observeBefore } from "./observer-monitor.js";
import { defineEventsProperty, setMonitorFinder } from "./observer-tee.js";
import { limitError, limits } from "./limits.js";
import { shouldRecordMessage, withinEventRate } from "./event-budget.js";
import { assertKnownOptions, optionTable, optionValueForTrace } from "./options.js";
import { openSocketTrace, socketEvent, type SocketTrace } from "./socket-trace.js";
import { markClosed, MessageHandlers, recordSent, reportError, type SendRecord } from "./socket-reporting.js";
import { releaseSocketSlot, reserveSocketSlot, socketLimitError } from "./socket-slots.js";
import { watchZeroCopy } from "./zero-copy.js";

/** The native methods the traced class wraps; the zeromq typings only declare them on the concrete classes. */
interface NativeSocket extends Socket {
  send(message: unknown, ...options: unknown[]): Promise<void>;
  receive(): Promise<Buffer[]>;
  bind(address: string): Promise<void>;
  unbind(address: string): Promise<void>;
  bindSync(address: string): void;
  unbindSync(address: string): void;
  connect(address: string, ...rest: unknown[]): void;
  disconnect(address: string): void;
  close(): void;
}
type NativeSocketClass = new (options?: object) => NativeSocket;

const sockets = new WeakMap<object, MessageHandlers>();
/** A socket dropped without close() is closed by zeromq when collected; the trace says so too. */
const collected = new FinalizationRegistry<SocketTrace>((trace) => markClosed(trace));

function handlersOf(socket: object): MessageHandlers {
  const found = sockets.get(socket);
  if (!found) throw new Error("not a traced socket");
  return found;
}

export function traceOf(socket: object): SocketTrace {
  return handlersOf(socket).trace;
}

setMonitorFinder((socket) => {
  const trace = sockets.get(socket)?.trace;
  return trace && monitorOf(socket, trace);
});

/** Builds the traced subclass of one real zeromq socket class: same API, every call reported. */
export function tracedSocketClass<C extends abstract new (...args: never[]) => Socket>(real: C, kind: SocketKind): C {
  const Real = real as unknown as NativeSocketClass;
  const table = optionTable(Real);

  class TracedSocket extends Real {
    constructor(options?: object) {
      assertKnownOptions(table, options, real.name);
      reserveSocketSlot();
      const { context, ...settings } = (options ?? {}) as Record<string, unknown>;
      try {
        super(context === undefined ? undefined : { context });
      } catch (err) {
        releaseSocketSlot();
        throw errorCode(err) === "EMFILE" ? socketLimitError() : err;
      }
      const trace = openSocketTrace(kind, learnerCallSite());
      sockets.set(this, new MessageHandlers(trace));
      collected.register(this, trace, trace);
      // Options go through the (traced) setters one by one, so a bad value closes the socket cleanly instead of
      // leaving a half-built native socket that crashes the process at exit.
      for (const [name, value] of Object.entries(settings)) {
        try {
          (this as unknown as Record<string, unknown>)[name] = value;
        } catch (err) {
          this.close();
          throw new TypeError(`option ${name} of ${real.name}: ${(err as Error).message}`);
        }
      }
    }

    override async bind(address: string): Promise<void> {
      const trace = traceOf(this);
      observeBefore(this, trace, String(address));
      operationStarted();
      try {
        await super.bind(address);
      } catch (err) {
        reportError(trace, "bind", err, String(address));
        throw err;
      } finally {
        operationEnded();
      }
      socketEvent(trace, "socket/bind", { endpoint: String(address), resolved: this.lastEndpoint ?? undefined });
    }

    /** zeromq.js keeps bindSync for its v5 compatibility layer, which binds through it. */
    override bindSync(address: string): void {
      const trace = traceOf(this);
      observeBefore(this, trace, String(address));
      try {
        super.bindSync(address);
      } catch (err) {
        reportError(trace, "bind", err, String(address));
        throw err;
      }
      socketEvent(trace, "socket/bind", { endpoint: String(address), resolved: this.lastEndpoint ?? undefined });
    }

    override unbindSync(address: string): void {
      const trace = traceOf(this);
      try {
        super.unbindSync(address);
      } catch (err) {
        reportError(trace, "unbind", err, String(address));
        throw err;
      }
      socketEvent(trace, "socket/unbind", { endpoint: String(address) });
    }

    override async unbind(address: string): Promise<void> {
      const trace = traceOf(this);
      operationStarted();
      try {
        await super.unbind(address);
      } catch (err) {
        reportError(trace, "unbind", err, String(address));
        throw err;
      } finally {
        operationEnded();
      }
      socketEvent(trace, "socket/unbind", { endpoint: String(address) });
    }

    override connect(address: string, ...rest: unknown[]): void {
      const trace = traceOf(this);
      observeBefore(this, trace, String(address));
      try {
        super.connect(address, ...rest);
      } catch (err) {
        reportError(trace, "connect", err, String(address));
        throw err;
      }
      socketEvent(trace, "socket/connect", { endpoint: String(address) });
      checkHostResolves(trace, String(address));
    }

    override disconnect(address: string): void {
      const trace = traceOf(this);
      try {
        super.disconnect(address);
      } catch (err) {
        reportError(trace, "disconnect", err, String(address));
        throw err;
      }
      socketEvent(trace, "socket/disconnect", { endpoint: String(address) });
    }

    override close(): void {
      super.close();
      const trace = traceOf(this);
      warnIfLingering(trace);
      collected.unregister(trace);
      markClosed(trace);
    }

    /** Draft sockets take routing options after the message (SERVER's routingId, RADIO's group). */
    override send(message: unknown, ...options: unknown[]): Promise<void> {
      const handlers = handlersOf(this);
      const trace = handlers.trace;
      const bytes = messageBytes(message);
      if (bytes > limits.maxMessageBytes) {
        const err = limitError("message-size", `message size limit: ${bytes} bytes is more than the ${limits.maxMessageBytes} bytes a message may have`);
        reportError(trace, "send", err);
        return Promise.reject(err);
      }
      beforeSend(trace);
      if (trace.monitored && trace.peers === 0) trace.sentWithoutPeer++;
      // Summaries are taken now: zeromq sends large frames without copying, so the buffer may change later.
      const record: SendRecord | undefined = shouldRecordMessage()
        ? { ...summarizeMessage(message, trace.envelope), fp: messageFingerprint(message, trace.envelope), t: eventTime() }
        : undefined;
      let sending: Promise<void>;
      try {
        sending = super.send(message, ...options);
      } catch (err) {
        reportError(trace, "send", err);
        throw err;
      }
      operationStarted();
      if (!record) return sending.then(handlers.sent, handlers.sendFailed);
      watchZeroCopy(trace, message);
      return sending.then(() => recordSent(trace, record), handlers.sendFailed);
    }

    override receive(): Promise<Buffer[]> {
      const handlers = handlersOf(this);
      const trace = handlers.trace;
      let receiving: Promise<Buffer[]>;
      try {
        receiving = super.receive();
      } catch (err) {
        reportError(trace, "receive", err);
        throw err;
      }
      beforeReceive(trace);
      operationStarted();
      return receiving.then(handlers.received, handlers.receiveFailed);
    }
  }

  traceOptionSetters(TracedSocket.prototype, table.writable);
  defineEventsProperty(TracedSocket.prototype);
  Object.defineProperty(TracedSocket, "name", { value: real.name });
  return TracedSocket as unknown as C;
}

/** Property setters report the option; constructor options arrive here too. */
function traceOptionSetters(prototype: object, writable: Map<string, PropertyDescriptor>): void {
  for (const [name, descriptor] of writable) {
    const set = descriptor.set!;
    Object.defineProperty(prototype, name, {
      configurable: true,
      enumerable: descriptor.enumerable,
      get: descriptor.get,
      set(this: object, value: unknown) {
        set.call(this, value);
        const trace = sockets.get(this)?.trace;
        if (trace && name === "linger") trace.linger = Number(value);
        if (trace && withinEventRate()) socketEvent(trace, "socket/option", { name, value: optionValueForTrace(value) });
      },
    });
  }
}
