import { describe, expect, it } from "vitest";
import type { CouncilOverview } from "../bindings/CouncilOverview";
import type { Duty } from "../bindings/Duty";
import type { DutyKind } from "../bindings/DutyKind";
import type { DutyStatus } from "../bindings/DutyStatus";
import type { MeetingBrief } from "../bindings/MeetingBrief";
import { dayAndMonth, dueHint, dutyColor, filterRows, isBehind, nextSort, sortRows, wheel, yearOptions } from "./dutyModel";

const duty = (councilId: string, kind: DutyKind, due: string, status: DutyStatus): Duty => ({
  councilId,
  councilName: councilId,
  year: 2026,
  kind,
  due,
  defaultDue: true,
  status,
  daysLeft: 0,
  evidence: null,
  waivedReason: null,
  waived: null,
  beforeCouncil: false,
});

const council = (name: string, overdue: number, dueSoon: number, leftOre: number, duties: Duty[] = []): CouncilOverview => ({
  councilId: name,
  name,
  kind: "naermiljoutvalg",
  area: "",
  seatsFilled: 0,
  seatsPlanned: 0,
  nextMeeting: null,
  lastApproved: null,
  dutiesOverdue: overdue,
  daysOverdue: 0,
  dutiesDueSoon: dueSoon,
  dutiesFulfilled: 0,
  duties,
  budgetOre: 0,
  grantedOre: 0,
  paidOre: 0,
  leftOre,
});

const meeting = (id: string, councilId: string, date: string, startsAt = "18:00:00"): MeetingBrief => ({
  id,
  councilId,
  councilName: councilId,
  kind: "ordinary",
  status: "planned",
  date,
  startsAt,
  place: "",
});

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

describe("overview rows", () => {
  const rows = [council("Stavern", 1, 0, 500), council("Agnes", 0, 0, 9_000), council("Østre", 0, 2, 0), council("Brunla", 1, 1, 500)];

  it("keeps only councils behind, and filters on the name without regard to case", () => {
    expect(isBehind(rows[2]!)).toBe(true);
    expect(filterRows(rows, { behindOnly: true, name: "" }).map((c) => c.name)).toEqual(["Stavern", "Østre", "Brunla"]);
    expect(filterRows(rows, { behindOnly: false, name: "  øst " }).map((c) => c.name)).toEqual(["Østre"]);
    expect(filterRows(rows, { behindOnly: true, name: "agn" })).toEqual([]);
  });

  it("sorts by name in Norwegian order, by overdue then due soon, and by money left", () => {
    expect(sortRows(rows, { key: "name", dir: "ascending" }).map((c) => c.name)).toEqual(["Agnes", "Brunla", "Stavern", "Østre"]);
    expect(sortRows(rows, { key: "name", dir: "descending" }).map((c) => c.name)).toEqual(["Østre", "Stavern", "Brunla", "Agnes"]);
    expect(sortRows(rows, { key: "overdue", dir: "descending" }).map((c) => c.name)).toEqual(["Brunla", "Stavern", "Østre", "Agnes"]);
    // a tie in money left falls back to the name, A–Å
    expect(sortRows(rows, { key: "left", dir: "descending" }).map((c) => c.name)).toEqual(["Agnes", "Brunla", "Stavern", "Østre"]);
    expect(sortRows(rows, { key: "left", dir: "ascending" }).map((c) => c.name)).toEqual(["Østre", "Brunla", "Stavern", "Agnes"]);
  });

  it("does not change the rows it sorts", () => {
    const before = rows.map((c) => c.name);
    sortRows(rows, { key: "name", dir: "descending" });
    expect(rows.map((c) => c.name)).toEqual(before);
  });

  it("turns the sorted column round, and starts another in its own direction", () => {
    expect(nextSort({ key: "name", dir: "ascending" }, "name")).toEqual({ key: "name", dir: "descending" });
    expect(nextSort({ key: "name", dir: "ascending" }, "overdue")).toEqual({ key: "overdue", dir: "descending" });
    expect(nextSort({ key: "left", dir: "ascending" }, "name")).toEqual({ key: "name", dir: "ascending" });
  });
});

describe("the year wheel", () => {
  const overview = {
    year: 2026,
    meetings: [meeting("m1", "a", "2026-03-12"), meeting("m2", "b", "2026-11-30", "19:00:00"), meeting("m3", "a", "2026-11-30", "17:00:00")],
    councils: [
      council("a", 0, 0, 0, [
        duty("a", "open_meeting", "2026-06-30", "overdue"),
        duty("a", "joint_meeting", "2026-11-30", "due_soon"),
        duty("a", "grant_report", "2027-01-31", "not_applicable"),
        duty("a", "annual_report", "2027-03-01", "open"),
      ]),
      council("b", 0, 0, 0, [duty("b", "joint_meeting", "2026-11-30", "fulfilled")]),
    ],
  };

  it("puts meetings and due dates in their month, meetings first on a day, and leaves out what is not applicable", () => {
    const w = wheel(overview);
    expect(w.months).toHaveLength(12);
    expect(w.months[2]!.map((e) => e.type)).toEqual(["meeting"]);
    expect(w.months[5]!.map((e) => (e.type === "due" ? e.duty.kind : ""))).toEqual(["open_meeting"]);
    expect(w.months[10]!.map((e) => (e.type === "meeting" ? e.meeting.id : `${e.duty.councilId}:${e.duty.kind}`))).toEqual([
      "m3",
      "m2",
      "a:joint_meeting",
      "b:joint_meeting",
    ]);
    expect(w.outside.map((e) => e.date)).toEqual(["2027-03-01"]);
    expect(w.months.flat().some((e) => e.type === "due" && e.duty.status === "not_applicable")).toBe(false);
  });

  it("shows only the councils asked for", () => {
    const w = wheel(overview, new Set(["b"]));
    expect(w.months.flat().map((e) => e.date)).toEqual(["2026-11-30", "2026-11-30"]);
    expect(w.outside).toEqual([]);
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
