// @vitest-environment happy-dom
// The chart components on their own: the table alternative says what the
// picture shows, the svg has an accessible name, and nothing breaks on a
// zero budget or on no data at all.
import { describe, expect, it } from "vitest";
import { act } from "react";
import type { AttendanceYear } from "../bindings/AttendanceYear";
import type { DutyKey } from "../bindings/DutyKey";
import type { DutyStatus } from "../bindings/DutyStatus";
import type { YearGlance } from "../bindings/YearGlance";
import type { SchemeSummary } from "../bindings/SchemeSummary";
import { AttendanceChart } from "./AttendanceChart";
import { BudgetChart } from "./BudgetChart";
import { YearAtAGlance } from "./YearAtAGlance";
import { sharedScale, stack, ticks } from "./chartModel";
import { preferredYear, yearChoices } from "./attendanceModel";
import { mount as render, plain, rerender, setUpDom } from "../testing/app";

setUpDom();

/** The table alternative's rows as {column key: text}, with the row header under "label". */
function tableRows(testid: string): Record<string, string>[] {
  return [...document.querySelectorAll(`[data-testid=${testid}-table] [data-testid=chart-table-row]`)].map((tr) => {
    const row: Record<string, string> = { label: plain(tr.querySelector("th")?.textContent) };
    for (const td of tr.querySelectorAll("td")) row[td.getAttribute("data-col")!] = plain(td.textContent);
    return row;
  });
}

/** The svg's accessible name (its title) and description (its desc), as a screen reader reads them. */
function accessibleName(testid: string): string {
  const svg = document.querySelector(`[data-testid=${testid}-svg]`)!;
  expect(svg.getAttribute("role")).toBe("img");
  const named = (attr: string) => plain(document.getElementById(svg.getAttribute(attr) ?? "")?.textContent);
  const name = named("aria-labelledby");
  expect(name, "the svg has an accessible name").not.toBe("");
  expect(svg.querySelector("title")?.id).toBe(svg.getAttribute("aria-labelledby"));
  return `${name} ${named("aria-describedby")}`;
}

/** No attribute of the picture may be NaN or Infinity (a zero budget divides by zero). */
function finiteGeometry(testid: string) {
  const svg = document.querySelector(`[data-testid=${testid}-svg]`)!;
  for (const el of svg.querySelectorAll("*")) {
    for (const attr of ["x", "y", "width", "height", "x1", "x2", "y1", "y2"]) {
      const v = el.getAttribute(attr);
      if (v !== null) expect(Number.isFinite(Number(v)), `${el.tagName} ${attr}=${v}`).toBe(true);
    }
  }
  expect(svg.getAttribute("viewBox")).not.toMatch(/NaN|Infinity/);
}

function scheme(id: string, name: string, year: number, budgetOre: number, grantedOre: number, paidOre: number): SchemeSummary {
  return {
    scheme: { id, name, year } as SchemeSummary["scheme"],
    budget: { budgetOre, grantedOre, paidOre, leftOre: budgetOre - grantedOre, proposedOre: 0 },
    applicationCount: 0,
    reportsOverdue: 0,
  };
}

describe("BudgetChart", () => {
  it("shows granted, paid and left of every scheme in the table, in kroner", () => {
    render(<BudgetChart schemes={[scheme("s1", "Grendemidler 2026", 2026, 10_000_000, 8_250_050, 3_000_000), scheme("s2", "Grendemidler 2025", 2025, 5_000_000, 5_000_000, 5_000_000)]} />);
    expect(tableRows("budget-chart")).toEqual([
      { label: "Grendemidler 2026", year: "2026", budget: "kr 100 000,00", granted: "kr 82 500,50", paid: "kr 30 000,00", left: "kr 17 499,50" },
      { label: "Grendemidler 2025", year: "2025", budget: "kr 50 000,00", granted: "kr 50 000,00", paid: "kr 50 000,00", left: "kr 0,00" },
    ]);
    const name = accessibleName("budget-chart");
    expect(name).toContain("Tilskuddsbudsjett per ordning");
    expect(name).toContain("Grendemidler 2026: Utbetalt kr 30 000,00, Innvilget, ikke utbetalt kr 52 500,50, Igjen å fordele kr 17 499,50.");
    // The legend names each fill in words, besides its colour and pattern.
    expect([...document.querySelectorAll("[data-testid=budget-chart] .chart-legend li")].map((li) => plain(li.textContent))).toEqual([
      "Utbetalt",
      "Innvilget, ikke utbetalt",
      "Igjen å fordele",
    ]);
    finiteGeometry("budget-chart");
  });

  it("draws a zero budget without dividing by zero, and says when there is nothing", () => {
    render(<BudgetChart schemes={[scheme("s0", "Tom ordning", 2026, 0, 0, 0)]} />);
    expect(tableRows("budget-chart")).toEqual([{ label: "Tom ordning", year: "2026", budget: "kr 0,00", granted: "kr 0,00", paid: "kr 0,00", left: "kr 0,00" }]);
    finiteGeometry("budget-chart");
    rerender(<BudgetChart schemes={[]} />);
    expect(document.querySelector("[data-testid=budget-chart-svg]")).toBeNull();
    expect(plain(document.querySelector("[data-testid=budget-chart-empty]")?.textContent)).toBe("Utvalget har ingen tilskuddsordninger ennå.");
  });

  it("opens its table for printing and closes it again afterwards", () => {
    render(<BudgetChart schemes={[scheme("s1", "Grendemidler", 2026, 100, 50, 0)]} />);
    const details = document.querySelector<HTMLDetailsElement>("[data-testid=budget-chart-details]")!;
    expect(details.open).toBe(false);
    act(() => void window.dispatchEvent(new Event("beforeprint")));
    expect(details.open).toBe(true);
    act(() => void window.dispatchEvent(new Event("afterprint")));
    expect(details.open).toBe(false);
  });
});

const attendance: AttendanceYear = {
  councilId: "c1",
  year: 2026,
  held: 5,
  years: [2026, 2025],
  members: [
    { membershipId: "m1", personName: "Aud Hansen", category: "senior", role: "leder", expected: 5, present: 4, excused: 1, absent: 0, notRecorded: 0, standIn: 0 },
    { membershipId: "m2", personName: "Bjørn Li", category: "school", role: "medlem", expected: 3, present: 1, excused: 0, absent: 1, notRecorded: 1, standIn: 0 },
    { membershipId: "m3", personName: "Frode Vik", category: "volunteer", role: "varamedlem", expected: 0, present: 2, excused: 0, absent: 0, notRecorded: 0, standIn: 2 },
  ],
};

describe("AttendanceChart", () => {
  it("has each member's counts in its table and an accessible name", () => {
    render(<AttendanceChart data={attendance} />);
    expect(tableRows("attendance-chart")).toEqual([
      { label: "Aud Hansen", role: "Leder", expected: "5", present: "4", excused: "1", absent: "0", notRecorded: "0", standIn: "0" },
      { label: "Bjørn Li", role: "Medlem", expected: "3", present: "1", excused: "0", absent: "1", notRecorded: "1", standIn: "0" },
      { label: "Frode Vik", role: "Varamedlem", expected: "0", present: "2", excused: "0", absent: "0", notRecorded: "0", standIn: "2" },
    ]);
    const name = accessibleName("attendance-chart");
    expect(name).toContain("Oppmøte per medlem i 2026");
    expect(name).toContain("5 avholdte møter i 2026");
    expect(name).toContain("Bjørn Li: Til stede 1, Forfall 0, Ikke møtt 1, Ikke ført 1.");
    // The bar's end says it in words too.
    const ends = [...document.querySelectorAll("[data-testid=attendance-chart-svg] .chart-end")].map((e) => e.textContent);
    expect(ends).toEqual(["4 av 5", "1 av 3", "vara, møtt 2"]);
    finiteGeometry("attendance-chart");
  });

  it("says so when the year has no held meetings", () => {
    render(<AttendanceChart data={{ councilId: "c1", year: 2024, held: 0, years: [], members: [] }} />);
    expect(document.querySelector("[data-testid=attendance-chart-svg]")).toBeNull();
    expect(plain(document.querySelector("[data-testid=attendance-chart-empty]")?.textContent)).toBe("Ingen avholdte møter med oppmøte i 2024.");
  });
});

/** The year in figures as the core counts them: each kind's statuses, and [held, coming] per month. */
function glance(duties: Partial<Record<DutyKey, Partial<Record<DutyStatus, number>>>>, months: Record<number, [number, number]>): YearGlance {
  const statuses: DutyStatus[] = ["fulfilled", "waived", "overdue", "due_soon", "open", "not_applicable"];
  const kinds: [DutyKey, string][] = [
    ["joint_meeting", "Fellesmøte med kommunen"],
    ["open_meeting", "Åpent møte / valg"],
    ["annual_report", "Årsmelding"],
    ["grant_report", "Tilskuddsrapport"],
  ];
  return {
    duties: kinds.map(([kind, name]) => ({ kind, name, counts: statuses.map((status) => ({ status, count: duties[kind]?.[status] ?? 0 })) })),
    months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, held: months[i + 1]?.[0] ?? 0, coming: months[i + 1]?.[1] ?? 0 })),
  };
}

describe("YearAtAGlance", () => {
  it("shows the councils at each duty status and the meetings held per month", () => {
    const year = glance(
      {
        joint_meeting: { fulfilled: 1, waived: 1 },
        open_meeting: { overdue: 2 },
        annual_report: { due_soon: 1, open: 1 },
        grant_report: { fulfilled: 1, not_applicable: 1 },
      },
      { 3: [2, 0], 12: [0, 1] },
    );
    render(<YearAtAGlance year={2026} glance={year} count={2} />);
    expect(tableRows("duty-status-chart")).toEqual([
      { label: "Fellesmøte med kommunen", fulfilled: "1", waived: "1", due_soon: "0", overdue: "0", open: "0", not_applicable: "0" },
      { label: "Åpent møte / valg", fulfilled: "0", waived: "0", due_soon: "0", overdue: "2", open: "0", not_applicable: "0" },
      { label: "Årsmelding", fulfilled: "0", waived: "0", due_soon: "1", overdue: "0", open: "1", not_applicable: "0" },
      { label: "Tilskuddsrapport", fulfilled: "1", waived: "0", due_soon: "0", overdue: "0", open: "0", not_applicable: "1" },
    ]);
    const months = tableRows("meetings-month-chart");
    expect(months).toHaveLength(12);
    expect(months[2]).toEqual({ label: "Mars", held: "2", coming: "0", total: "2" });
    expect(months[11]).toEqual({ label: "Desember", held: "0", coming: "1", total: "1" });
    expect(months.filter((m) => m.total !== "0")).toHaveLength(2);
    expect(accessibleName("meetings-month-chart")).toContain("2 møter avholdt i 2026");
    expect(accessibleName("duty-status-chart")).toContain("Åpent møte / valg: Oppfylt 0, Fritatt 0, Snart frist 0, Forfalt 2, Ikke forfalt 0.");
    finiteGeometry("duty-status-chart");
    finiteGeometry("meetings-month-chart");
  });

  it("draws a year without councils or meetings", () => {
    render(<YearAtAGlance year={2030} glance={glance({}, {})} count={0} />);
    expect(document.querySelector("[data-testid=duty-status-chart-empty]")).not.toBeNull();
    expect(tableRows("meetings-month-chart").every((m) => m.total === "0")).toBe(true);
    finiteGeometry("meetings-month-chart");
  });
});

describe("chart layout", () => {
  it("lays segments end to end on a shared scale and never past the bar", () => {
    expect(stack([1, 2, 1], 8, 400, 100).map((s) => [s.x, s.width])).toEqual([
      [100, 50],
      [150, 100],
      [250, 50],
    ]);
    expect(stack([5, 5], 5, 100).map((s) => s.width)).toEqual([100, 0]);
    expect(stack([3, -2, Number.NaN], 0, 100).map((s) => s.width)).toEqual([0, 0, 0]);
    expect(sharedScale([{ values: [1, 2], total: 10 }, { values: [7, 8] }])).toBe(15);
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(3)).toEqual([0, 1, 2, 3]);
    expect(ticks(12)).toEqual([0, 3, 6, 9, 12]);
  });

  it("opens the attendance on last year in January until this year has a held meeting", () => {
    expect(preferredYear("2027-01-12", { year: 2027, held: 0, years: [2026] })).toBe(2026);
    expect(preferredYear("2027-01-12", { year: 2027, held: 1, years: [2027, 2026] })).toBeNull();
    expect(preferredYear("2027-02-01", { year: 2027, held: 0, years: [2026] })).toBeNull();
    expect(preferredYear("2027-01-12", { year: 2027, held: 0, years: [] })).toBeNull();
    expect(yearChoices("2026-12-01", 2026, [2026, 2023])).toEqual([2026, 2025, 2023]);
    expect(yearChoices("2026-12-01", 2022, [2024])).toEqual([2026, 2025, 2024, 2022]);
  });
});
