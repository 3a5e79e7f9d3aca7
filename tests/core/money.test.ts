import { describe, expect, it } from "vitest";
import { writtenPlaces } from "../../src/core/money.js";

describe("writtenPlaces", () => {
  it.each([
    ["1094.90", 2],
    ["130.30", 2],
    ["16179", 0],
    ["0.5", 1],
    ["-17.990", 3],
  ])("%s is written with %i decimals", (v, n) => {
    expect(writtenPlaces(v)).toBe(n);
  });
});
