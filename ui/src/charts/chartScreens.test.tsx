// @vitest-environment happy-dom
// The charts on their screens, on what the core answered in the demo
// scenario: the council page's attendance per member (with its year picker)
// and grant budget per scheme, and the overview's year at a glance.
import { describe, expect, it } from "vitest";
import type { View } from "../navigation";
import { councilId, playback } from "../dev/playback";
import type { AttendanceYear } from "../bindings/AttendanceYear";
import type { OverviewScreen } from "../bindings/OverviewScreen";
import type { SchemeSummary } from "../bindings/SchemeSummary";
import { formatKr } from "../grants/format";
import { choose, plain, renderApp, setUpDom, waitFor } from "../testing/app";

setUpDom();

const render = (view: View) => renderApp(view, playback("demo"));
const lyngvik = councilId(playback("demo"), "Lyngvik nærmiljøutvalg");

const cell = (table: string, key: string, col: string) =>
  plain(document.querySelector(`[data-testid=${table}-table] [data-testid=chart-table-row][data-key='${key}'] td[data-col=${col}]`)?.textContent);

describe("the council page's charts", () => {
  it("shows each member's attendance of the chosen year and every scheme's budget", async () => {
    const backend = await render({ name: "council", id: lyngvik });
    const select = await waitFor(() => document.querySelector<HTMLSelectElement>("#attendance-year"), "the year picker");
    await waitFor(() => [...select.options].some((o) => o.value === "2026"), "2026 among the years");
    await choose(select, "2026");
    const expected = backend.answer<AttendanceYear>("attendanceByMember", lyngvik, 2026);
    expect(expected.held).toBeGreaterThan(0);
    await waitFor(() => document.querySelector("[data-testid=attendance-chart-svg]"), "the attendance chart");
    const rows = document.querySelectorAll("[data-testid=attendance-chart-table] [data-testid=chart-table-row]");
    expect(rows).toHaveLength(expected.members.length);
    for (const m of expected.members) {
      expect(cell("attendance-chart", m.membershipId, "present")).toBe(String(m.present));
      expect(cell("attendance-chart", m.membershipId, "excused")).toBe(String(m.excused));
      expect(cell("attendance-chart", m.membershipId, "expected")).toBe(String(m.expected));
    }

    // A year without held meetings (this year and last are always offered) says so instead of drawing empty bars.
    const other = [...select.options].map((o) => o.value).find((y) => y !== "2026")!;
    await choose(select, other);
    await waitFor(() => document.querySelector("[data-testid=attendance-chart-empty]"), "the empty year");
    expect(plain(document.querySelector("[data-testid=attendance-chart-empty]")?.textContent)).toBe(`Ingen avholdte møter med oppmøte i ${other}.`);
    expect(document.querySelector("[data-testid=attendance-chart-svg]")).toBeNull();

    const schemes = backend.answer<SchemeSummary[]>("listSchemes", lyngvik);
    expect(schemes.length).toBeGreaterThan(0);
    await waitFor(() => document.querySelector("[data-testid=budget-chart-table]"), "the budget table");
    for (const s of schemes) {
      expect(cell("budget-chart", s.scheme.id, "granted")).toBe(plain(formatKr(s.budget.grantedOre)));
      expect(cell("budget-chart", s.scheme.id, "paid")).toBe(plain(formatKr(s.budget.paidOre)));
      expect(cell("budget-chart", s.scheme.id, "left")).toBe(plain(formatKr(s.budget.leftOre)));
    }
  });
});

describe("the overview's year at a glance", () => {
  it("shows the core's count of every council's duties by status and the meetings of each month", async () => {
    const backend = await render({ name: "overview", year: 2026 });
    const overview = backend.answer<OverviewScreen>("getOverview", 2026, { name: "", behindOnly: false, sort: "name", dir: "ascending" });
    await waitFor(() => document.querySelector("[data-testid=duty-status-chart-table]"), "the duty chart");
    const joint = overview.councils.flatMap((c) => c.duties).filter((d) => d.kind === "joint_meeting");
    expect(cell("duty-status-chart", "joint_meeting", "fulfilled")).toBe(String(joint.filter((d) => d.status === "fulfilled").length));
    expect(cell("duty-status-chart", "joint_meeting", "overdue")).toBe(String(joint.filter((d) => d.status === "overdue").length));
    const held = (month: number) => overview.glance.months[month - 1]!.held;
    expect(cell("meetings-month-chart", "9", "held")).toBe(String(held(9)));
    expect(cell("meetings-month-chart", "11", "held")).toBe(String(held(11)));
    expect(held(9) + held(11)).toBeGreaterThan(0);
  });
});
