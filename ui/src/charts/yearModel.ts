// The coordinator's year in figures, as the core counted them for the councils shown.
import type { DutyKey } from "../bindings/DutyKey";
import type { DutyStatus } from "../bindings/DutyStatus";
import type { YearGlance } from "../bindings/YearGlance";

/** The statuses the duty chart stacks, in its order; "not applicable" is left out of the bar. */
export const CHART_STATUSES = ["fulfilled", "waived", "due_soon", "overdue", "open"] as const satisfies readonly DutyStatus[];

export type DutyCounts = { kind: DutyKey; name: string; counts: number[]; notApplicable: number };

/** Each kind of duty's counts in the chart's order of statuses, and how many are not applicable. */
export function dutyCounts(glance: YearGlance): DutyCounts[] {
  return glance.duties.map((d) => {
    const of = (status: DutyStatus) => d.counts.find((c) => c.status === status)?.count ?? 0;
    return { kind: d.kind, name: d.name, counts: CHART_STATUSES.map(of), notApplicable: of("not_applicable") };
  });
}
