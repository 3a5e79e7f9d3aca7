import { describe, expect, it } from "vitest";
import { weightedCache } from "../../src/build/_cache.js";

const sized = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe("weightedCache", () => {
  it("holds entries read once up to the weight of its first part, oldest out first", () => {
    const c = weightedCache<number[]>({ once: 100, again: 300 }, (xs) => xs.length);
    c.set("a", sized(40));
    c.set("b", sized(40));
    c.set("c", sized(40));
    expect(c.get("a")).toBeUndefined();
    expect(c.size()).toEqual({ entries: 2, weight: 80 });
  });

  it("keeps what is read again apart: a pass of entries read once does not push it out", () => {
    const c = weightedCache<number[]>({ once: 100, again: 300 }, (xs) => xs.length);
    c.set("asked", sized(60));
    expect(c.get("asked")).toHaveLength(60);
    for (let i = 0; i < 50; i++) c.set(`scan${i}`, sized(30));
    expect(c.get("asked")).toHaveLength(60);
    expect(c.size().weight).toBeLessThanOrEqual(400);
  });

  it("bounds the second part by weight, not count: large entries leave room for fewer", () => {
    const c = weightedCache<number[]>({ once: 1000, again: 300 }, (xs) => xs.length);
    for (const k of ["a", "b", "c", "d"]) {
      c.set(k, sized(100));
      c.get(k);
    }
    expect(c.get("a")).toBeUndefined();
    expect(c.get("d")).toHaveLength(100);
    expect(c.size()).toEqual({ entries: 3, weight: 300 });
  });

  it("keeps an entry heavier than its part alone rather than none", () => {
    const c = weightedCache<number[]>({ once: 10, again: 10 }, (xs) => xs.length);
    c.set("big", sized(50));
    expect(c.get("big")).toHaveLength(50);
    expect(c.size()).toEqual({ entries: 1, weight: 50 });
  });
});
