import { describe, expect, it } from "vitest";
import { amountForInput, formatKr, formatScore, percent } from "./format";
import { nextCell } from "./grantModel";

const nbsp = "\u00a0";

describe("grant formatting", () => {
  it("formats øre as kroner with grouped thousands and always two øre digits", () => {
    expect(formatKr(1_250_000)).toBe(`kr${nbsp}12${nbsp}500,00`);
    expect(formatKr(1_250_050)).toBe(`kr${nbsp}12${nbsp}500,50`);
    expect(formatKr(5)).toBe(`kr${nbsp}0,05`);
    expect(formatKr(10_000_000_000)).toBe(`kr${nbsp}100${nbsp}000${nbsp}000,00`);
    expect(amountForInput(1_250_050)).toBe("12 500,50");
    expect(amountForInput(null)).toBe("");
  });

  it("shows a weighted score with one decimal and a Norwegian comma", () => {
    expect(formatScore(3.85)).toBe("3,9");
    expect(formatScore(4)).toBe("4,0");
    expect(formatScore(null)).toBe("–");
  });

  it("clamps percentages", () => {
    expect(percent(50, 200)).toBe(25);
    expect(percent(300, 200)).toBe(100);
    expect(percent(1, 0)).toBe(0);
  });

  it("moves through the scoring grid, skipping rows that cannot be edited", () => {
    const editable = [true, false, true];
    expect(nextCell(editable, 3, 0, 0, "next")).toEqual({ row: 0, col: 1 });
    expect(nextCell(editable, 3, 0, 2, "next")).toBeNull();
    expect(nextCell(editable, 3, 0, 1, "prev")).toEqual({ row: 0, col: 0 });
    expect(nextCell(editable, 3, 0, 1, "down")).toEqual({ row: 2, col: 1 });
    expect(nextCell(editable, 3, 2, 1, "up")).toEqual({ row: 0, col: 1 });
    expect(nextCell(editable, 3, 2, 1, "down")).toBeNull();
  });
});
