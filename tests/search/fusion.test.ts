import { describe, expect, it } from "vitest";
import { DENSE_WEIGHT, fuseRrf, RRF_K } from "../../src/search/index.js";

describe("fuseRrf", () => {
  it("sums 1/(k + rank) over both rankings and keeps each ranking's own score", () => {
    const fused = fuseRrf(
      [
        { label: 1, score: 0.9 },
        { label: 2, score: 0.8 },
      ],
      [
        { label: 2, score: 10 },
        { label: 3, score: 5 },
      ],
      { k: 60, denseWeight: 1 },
    );
    expect(fused).toEqual([
      { label: 2, score: 1 / 62 + 1 / 61, dense: 0.8, keyword: 10 },
      { label: 1, score: 1 / 61, dense: 0.9, keyword: null },
      { label: 3, score: 1 / 62, dense: null, keyword: 5 },
    ]);
  });

  it("weighs the dense ranking by DENSE_WEIGHT by default", () => {
    const fused = fuseRrf([{ label: 1, score: 0.9 }], [{ label: 2, score: 3 }]);
    expect(fused).toEqual([
      { label: 2, score: 1 / (RRF_K + 1), dense: null, keyword: 3 },
      { label: 1, score: DENSE_WEIGHT / (RRF_K + 1), dense: 0.9, keyword: null },
    ]);
  });

  it("breaks ties by keyword rank", () => {
    const fused = fuseRrf([{ label: 7, score: 0.5 }], [{ label: 8, score: 3 }], { denseWeight: 1 });
    expect(fused.map((f) => f.label)).toEqual([8, 7]);
  });

  it("returns the keyword ranking alone when there is no dense ranking", () => {
    const fused = fuseRrf([], [{ label: 4, score: 2 }, { label: 5, score: 1 }]);
    expect(fused).toEqual([
      { label: 4, score: 1 / (RRF_K + 1), dense: null, keyword: 2 },
      { label: 5, score: 1 / (RRF_K + 2), dense: null, keyword: 1 },
    ]);
  });
});
