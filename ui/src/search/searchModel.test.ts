import { describe, expect, it } from "vitest";
import { hitView, queryKey, searchWords, searchYears, toQuery } from "./searchModel";

describe("searchWords", () => {
  it("splits on everything but letters and digits, keeping æøå", () => {
    expect(searchWords("  Sti gjennom Bøkeskogen ")).toEqual(["Sti", "gjennom", "Bøkeskogen"]);
    expect(searchWords("gang- og sykkelvei, 2026!")).toEqual(["gang", "og", "sykkelvei", "2026"]);
    expect(searchWords('"*:()"')).toEqual([]);
  });
});

describe("toQuery", () => {
  it("asks nothing while there is no word", () => {
    expect(toQuery("", "", "")).toBeNull();
    expect(toQuery("  - * ", "c1", "2026")).toBeNull();
  });
  it("takes empty filters as all councils and all years", () => {
    expect(toQuery(" dugnad ", "", "")).toEqual({ text: "dugnad", councilId: null, year: null });
    expect(toQuery("dugnad", "c-stavern", "2026")).toEqual({ text: "dugnad", councilId: "c-stavern", year: 2026 });
    expect(toQuery("dugnad", "", "tjue")).toEqual({ text: "dugnad", councilId: null, year: null });
  });
  it("gives one key per query", () => {
    expect(queryKey(null)).toBe("");
    expect(queryKey(toQuery("dugnad", "", ""))).toBe(queryKey(toQuery(" dugnad", "", "")));
    expect(queryKey(toQuery("dugnad", "", "2026"))).not.toBe(queryKey(toQuery("dugnad", "", "")));
  });
});

describe("searchYears", () => {
  it("runs from next year ten years back, newest first, and keeps the one chosen", () => {
    const years = searchYears(2026, "");
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2016);
    expect(years).toHaveLength(12);
    expect(searchYears(2026, "2009").at(-1)).toBe(2009);
  });
});

describe("hitView", () => {
  it("opens an item's meeting on the item, and an application's own page", () => {
    expect(hitView({ kind: "item", id: "i1", parentId: "mt1" })).toEqual({ name: "meeting", id: "mt1", item: "i1" });
    expect(hitView({ kind: "application", id: "a1", parentId: "gs1" })).toEqual({ name: "application", id: "a1" });
  });
});
