import { describe, expect, it } from "vitest";
import { decodeNumbers, formatShaped, numericTypesFor, parseShape } from "./typedArrays.js";

describe("typed array views", () => {
  it("decodes little-endian Float64 values", () => {
    const bytes = new Uint8Array(Float64Array.of(1.5, -2, 3.25).buffer);
    expect(decodeNumbers(bytes, "float64")).toEqual([1.5, -2, 3.25]);
    expect(decodeNumbers(bytes.subarray(0, 12), "float64")).toEqual([1.5]);
    expect(numericTypesFor(24)).toEqual(["float64", "float32", "int32", "uint8"]);
    expect(numericTypesFor(6)).toEqual(["uint8"]);
  });

  it("shapes values into nested rows and explains a wrong shape", () => {
    expect(parseShape("2x3", 6)).toEqual([2, 3]);
    expect(parseShape("", 6)).toEqual([6]);
    expect(parseShape("4x2", 6)).toMatch(/holds 8 values; the frame has 6/);
    expect(parseShape("a", 6)).toMatch(/not a shape/);
    expect(formatShaped([1, 2, 3, 4, 5, 6], [2, 3], "int32")).toBe("[[1, 2, 3],\n [4, 5, 6]]");
    expect(formatShaped([0.1 + 0.2], [1], "float64")).toBe("[0.3]");
  });
});
