import { describe, expect, it } from "vitest";
import { dayAndMonth, dueHint, dutyColor, nextSort, yearOptions } from "./dutyModel";

describe("duty colours and hints", () => {
  it("gives each status its colour", () => {
    expect(dutyColor("overdue")).toBe("danger");
    expect(dutyColor("due_soon")).toBe("warning");
    expect(dutyColor("fulfilled")).toBe("success");
    expect(dutyColor("waived")).toBe("neutral");
    expect(dutyColor("not_applicable")).toBe("neutral");
  });
  it("says how far off or how late a duty still owed is", () => {
    expect(dueHint({ status: "overdue", daysLeft: -1 })).toEqual({ key: "duty.lateOne" });
    expect(dueHint({ status: "overdue", daysLeft: -12 })).toEqual({ key: "duty.late", params: { days: 12 } });
    expect(dueHint({ status: "due_soon", daysLeft: 0 })).toEqual({ key: "duty.dueToday" });
    expect(dueHint({ status: "due_soon", daysLeft: 1 })).toEqual({ key: "duty.dueTomorrow" });
    expect(dueHint({ status: "open", daysLeft: 90 })).toEqual({ key: "duty.dueIn", params: { days: 90 } });
    expect(dueHint({ status: "fulfilled", daysLeft: -3 })).toBeNull();
    expect(dueHint({ status: "waived", daysLeft: 5 })).toBeNull();
  });
});

describe("the overview's sort", () => {
  it("turns the sorted column round, and starts another in its own direction", () => {
    expect(nextSort({ key: "name", dir: "ascending" }, "name")).toEqual({ key: "name", dir: "descending" });
    expect(nextSort({ key: "name", dir: "ascending" }, "overdue")).toEqual({ key: "overdue", dir: "descending" });
    expect(nextSort({ key: "left", dir: "ascending" }, "name")).toEqual({ key: "name", dir: "ascending" });
  });
});

describe("small formatting", () => {
  it("offers a few years back, one ahead and the one shown", () => {
    expect(yearOptions(2026, 2026)).toEqual([2027, 2026, 2025, 2024, 2023]);
    expect(yearOptions(2026, 2019)).toEqual([2027, 2026, 2025, 2024, 2023, 2019]);
  });
  it("writes a day in a month's list as dd.mm", () => {
    expect(dayAndMonth("2026-11-30")).toBe("30.11");
    expect(dayAndMonth("nope")).toBe("nope");
  });
});
