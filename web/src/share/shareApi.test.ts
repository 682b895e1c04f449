import { describe, expect, it } from "vitest";
import { absoluteShareUrl, shareIdFromPath } from "./shareApi.js";

describe("share paths", () => {
  it("reads the share id from /s/:id only", () => {
    expect(shareIdFromPath("/s/AbC123xy_-")).toBe("AbC123xy_-");
    expect(shareIdFromPath("/s/AbC123xy/")).toBe("AbC123xy");
    expect(shareIdFromPath("/")).toBeNull();
    expect(shareIdFromPath("/s/short")).toBeNull();
    expect(shareIdFromPath("/s/AbC123xy/extra")).toBeNull();
  });

  it("makes the share url absolute", () => {
    expect(absoluteShareUrl("/s/abcdefgh", "http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000/s/abcdefgh");
  });
});
