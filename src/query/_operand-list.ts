import { assertNever } from "../core/result.js";
import type { ItemKey } from "../facts/items.js";
import type { AspectSide } from "./_aspect.js";
import type { PartSplit } from "./_operands.js";
import type { YearFinding } from "./_year.js";
import { latestYearOf } from "./catalog.js";
import type { Catalog, Intent, ItemHit, Operand, YearRef } from "./types.js";

/** The operands of a split phrase ("A和B加起来", "A比B多多少"), one per part, with the question's department and year. */
export function splitOperands(split: PartSplit, names: readonly string[], year: YearRef, catalog: Catalog): Operand[] {
  const d = names[0];
  const y = d ? yearOf(year, d, catalog) : year.value;
  return split.parts.map((p) => ({
    ...(d ? { department: d } : {}),
    ...(y === null ? {} : { year: y }),
    ...(p.item ? { item: p.item.key } : {}),
    topic: p.topic,
  }));
}

/** The two figures of one subject a budget-vs-outturn question compares, in the order asked. */
export function sideOperands(
  sides: readonly [AspectSide, AspectSide],
  names: readonly string[],
  year: YearRef,
  items: readonly ItemHit[],
  topic: string | null,
  catalog: Catalog,
): Operand[] {
  const d = names[0];
  const y = d ? yearOf(year, d, catalog) : year.value;
  const main = items[0];
  return sides.map((side) => ({
    ...(d ? { department: d } : {}),
    ...(y === null ? {} : { year: y }),
    ...(main ? { item: main.key } : {}),
    ...(topic ? { topic } : {}),
    aspect: side.aspect,
    ...(side.qualifier ? { qualifier: side.qualifier } : {}),
  }));
}

function yearOf(year: YearRef, department: string, catalog: Catalog): number | null {
  return year.kind === "default" ? latestYearOf(catalog, department) : year.value;
}

/** The operands of a compare, sum or rank from the departments, years and items named. */
export function buildOperands(
  intent: Intent,
  names: readonly string[],
  year: YearRef,
  years: YearFinding,
  items: readonly ItemHit[],
  topic: string | null,
  catalog: Catalog,
  /** The conversation's year, when the first department is the conversation's ("跟普陀区社工部2024年比"): a year said names the other's. */
  conversationYear?: number,
): Operand[] {
  const main = items[0];
  const subject = (): { item?: ItemKey; topic?: string } => ({
    ...(main ? { item: main.key } : {}),
    ...(topic ? { topic } : {}),
  });
  const yearFor = (dept: string): number | null =>
    year.kind === "explicit" || year.kind === "conversation"
      ? year.value
      : year.kind === "relative"
        ? year.value
        : latestYearOf(catalog, dept);
  const withYear = (y: number | null): { year?: number } => (y === null ? {} : { year: y });
  switch (intent) {
    case "compare":
      // "佛山轨交局2019年的差旅费比普陀区社工部2024年的" : one year named for each department, in order.
      if (names.length >= 2 && years.explicit.length === names.length) return names.map((d, i) => ({ department: d, ...withYear(years.explicit[i] ?? yearFor(d)), ...subject() }));
      // "跟普陀区社工部2024年比": the year said is the department said; the conversation's keeps its own.
      if (names.length === 2 && conversationYear !== undefined && years.explicit.length === 1) {
        return [
          { department: names[0] as string, year: conversationYear, ...subject() },
          { department: names[1] as string, ...withYear(years.explicit[0] ?? yearFor(names[1] as string)), ...subject() },
        ];
      }
      if (names.length >= 2) return names.map((d) => ({ department: d, ...withYear(yearFor(d)), ...subject() }));
      if (years.explicit.length >= 2) {
        return years.explicit.map((y) => ({ ...(names[0] ? { department: names[0] } : {}), year: y, ...subject() }));
      }
      return items.map((h) => ({
        ...(names[0] ? { department: names[0] } : {}),
        ...withYear(names[0] ? yearFor(names[0]) : year.value),
        item: h.key,
        topic: h.phrase,
      }));
    case "sum":
      return items.map((h) => ({
        ...(names[0] ? { department: names[0] } : {}),
        ...withYear(names[0] ? yearFor(names[0]) : year.value),
        item: h.key,
        topic: h.phrase,
      }));
    case "rank": {
      // Every department of the catalog, each with its latest year when none is named (read from
      // the department itself, not looked up by name: an archive holds hundreds).
      if (names.length === 0) return catalog.departments.map((d) => ({ department: d.name, ...withYear(year.kind === "default" ? (d.years.at(-1) ?? catalog.latestYear) : yearFor(d.name)), ...subject() }));
      const depts = names.length >= 2 ? names : [];
      return depts.map((d) => ({ department: d, ...withYear(yearFor(d)), ...subject() }));
    }
    case "figure":
    case "explain":
    case "define":
    case "list":
    case "unknown":
      return [];
    default:
      return assertNever(intent, "intent");
  }
}
