// The coordinator's year in figures, from the overview the UI already has.
import type { CouncilOverview } from "../bindings/CouncilOverview";
import type { DutyKind } from "../bindings/DutyKind";
import type { DutyStatus } from "../bindings/DutyStatus";
import type { MeetingBrief } from "../bindings/MeetingBrief";
import { DUTY_KINDS } from "../lib/labels";

/** The statuses the duty chart stacks, in its order; "not applicable" is left out of the bar. */
export const CHART_STATUSES = ["fulfilled", "waived", "due_soon", "overdue", "open"] as const satisfies readonly DutyStatus[];

export type DutyCounts = { kind: DutyKind; counts: number[]; notApplicable: number };

/** For each kind of duty: how many councils stand at each status. */
export function dutyCounts(councils: readonly CouncilOverview[]): DutyCounts[] {
  return DUTY_KINDS.map((kind) => {
    const counts = CHART_STATUSES.map(() => 0);
    let notApplicable = 0;
    for (const c of councils) {
      for (const d of c.duties) {
        if (d.kind !== kind) continue;
        const i = (CHART_STATUSES as readonly DutyStatus[]).indexOf(d.status);
        if (i >= 0) counts[i]!++;
        else notApplicable++;
      }
    }
    return { kind, counts, notApplicable };
  });
}

/** Meetings of `year` per month: [held (or approved), still to come (planned or notice sent)]. */
export function meetingsPerMonth(meetings: readonly MeetingBrief[], year: number, councilIds: ReadonlySet<string> | null = null): number[][] {
  const months = Array.from({ length: 12 }, () => [0, 0]);
  for (const m of meetings) {
    if (councilIds && !councilIds.has(m.councilId)) continue;
    if (Number(m.date.slice(0, 4)) !== year) continue;
    const month = Number(m.date.slice(5, 7));
    if (month < 1 || month > 12) continue;
    const held = m.status === "held" || m.status === "approved";
    months[month - 1]![held ? 0 : 1]!++;
  }
  return months;
}
