import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { assertKnownOptions, optionTable, optionValueForTrace } from "./options.js";

const zmq: typeof import("zeromq") = createRequire(import.meta.url)("zeromq");

describe("socket option names from the real classes", () => {
  it("finds options of the class and of Socket, and knows the read-only ones", () => {
    const table = optionTable(zmq.Request);
    expect(table.writable.has("linger")).toBe(true);
    expect(table.writable.has("routingId")).toBe(true);
    expect(table.writable.has("correlate")).toBe(true);
    expect(table.readOnly.has("lastEndpoint")).toBe(true);
    expect(optionTable(zmq.Pull).writable.has("sendHighWaterMark")).toBe(false);
    expect(optionTable(zmq.XPublisher).writable.has("verbosity")).toBe(true);
  });

  it("suggests the closest option name for a typo", () => {
    const table = optionTable(zmq.Push);
    expect(() => assertKnownOptions(table, { lingr: 0 }, "Push")).toThrow("unknown option lingr; did you mean linger?");
    expect(() => assertKnownOptions(table, { sendhighwatermark: 1 }, "Push")).toThrow("did you mean sendHighWaterMark?");
    expect(() => assertKnownOptions(table, { receiveTimeout: 1 }, "Push")).toThrow("unknown option receiveTimeout for Push");
    expect(() => assertKnownOptions(table, { lastEndpoint: "x" }, "Push")).toThrow("option lastEndpoint of Push is read-only");
    expect(() => assertKnownOptions(table, 5, "Push")).toThrow("Push options must be an object");
  });

  it("accepts real options and the context", () => {
    const table = optionTable(zmq.Subscriber);
    expect(() => assertKnownOptions(table, { linger: 0, receiveTimeout: 5, context: {} }, "Subscriber")).not.toThrow();
    expect(() => assertKnownOptions(table, undefined, "Subscriber")).not.toThrow();
  });

  it("turns option values into plain JSON", () => {
    expect(optionValueForTrace(5)).toBe(5);
    expect(optionValueForTrace(null)).toBeNull();
    expect(optionValueForTrace(10n)).toBe("10");
    expect(optionValueForTrace(Buffer.from([1, 2]))).toBe("0102");
  });
});
