import { describe, expect, it } from "vitest";
import { endpointKey, endpointsMatch, parseEndpoint } from "./endpoints.js";

describe("endpointsMatch", () => {
  it("matches a tcp connect to a wildcard bind on the same port", () => {
    expect(endpointsMatch("tcp://localhost:5555", "tcp://0.0.0.0:5555")).toBe(true);
    expect(endpointsMatch("tcp://127.0.0.1:5555", "tcp://127.0.0.1:5555")).toBe(true);
  });
  it("does not match another port, transport or name", () => {
    expect(endpointsMatch("tcp://127.0.0.1:5556", "tcp://127.0.0.1:5555")).toBe(false);
    expect(endpointsMatch("ipc://a", "inproc://a")).toBe(false);
    expect(endpointsMatch("inproc://a", "inproc://b")).toBe(false);
    expect(endpointsMatch("tcp://10.0.0.1:5555", "tcp://127.0.0.1:5555")).toBe(false);
  });
  it("never matches an unresolved wildcard port", () => {
    expect(endpointsMatch("tcp://127.0.0.1:*", "tcp://127.0.0.1:*")).toBe(false);
  });
  it("parses a tcp endpoint with a source address", () => {
    expect(parseEndpoint("tcp://127.0.0.1:0;127.0.0.1:7000")).toEqual({ transport: "tcp", host: "127.0.0.1", address: "7000" });
  });
});

describe("endpointKey", () => {
  const samples = [
    "tcp://localhost:5555",
    "tcp://0.0.0.0:5555",
    "tcp://127.0.0.1:5555",
    "tcp://*:5555",
    "tcp://10.0.0.1:5555",
    "tcp://127.0.0.1:5556",
    "tcp://127.0.0.1:*",
    "ipc://a",
    "inproc://a",
    "inproc://b",
    "tcp://127.0.0.1:0;127.0.0.1:5555",
    "tcp://[::1]:5555",
    "tcp://host",
    "weird",
  ];
  it("is equal for two endpoints exactly when they match", () => {
    for (const a of samples) {
      for (const b of samples) {
        const [ka, kb] = [endpointKey(a), endpointKey(b)];
        expect(ka !== undefined && ka === kb, `${a} ~ ${b}`).toBe(endpointsMatch(a, b));
      }
    }
  });
});
