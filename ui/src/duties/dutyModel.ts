// Pure helpers for the duties and the coordinator's overview: colours, the
// hint under a due date, sorting and filtering the councils, and the year
// wheel's months. No React, no backend.
import type { CouncilOverview } from "../bindings/CouncilOverview";
import type { Duty } from "../bindings/Duty";
import type { DutyStatus } from "../bindings/DutyStatus";
import type { MeetingBrief } from "../bindings/MeetingBrief";
import type { Overview } from "../bindings/Overview";
import type { MessageKey, Params } from "../i18n/translate";

export type TagColor = "danger" | "warning" | "success" | "neutral" | "info";

/** Overdue is danger, due soon a warning, fulfilled a success; waived and not applicable are neutral. */
export function dutyColor(status: DutyStatus): TagColor {
  switch (status) {
    case "overdue":
      return "danger";
    case "due_soon":
      return "warning";
    case "fulfilled":
      return "success";
    case "open":
      return "info";
    case "waived":
    case "not_applicable":
      return "neutral";
  }
}

/** The words under a due date: how far off or how late, while the duty is still owed. */
export function dueHint(duty: Pick<Duty, "status" | "daysLeft">): { key: MessageKey; params?: Params } | null {
  const { status, daysLeft } = duty;
  if (status === "overdue") {
    const late = -daysLeft;
    return late === 1 ? { key: "duty.lateOne" } : { key: "duty.late", params: { days: late } };
  }
  if (status !== "due_soon" && status !== "open") return null;
  if (daysLeft === 0) return { key: "duty.dueToday" };
  if (daysLeft === 1) return { key: "duty.dueTomorrow" };
  return { key: "duty.dueIn", params: { days: daysLeft } };
}

/** Whether a council is behind: a duty overdue or due soon. */
export function isBehind(c: Pick<CouncilOverview, "dutiesOverdue" | "dutiesDueSoon">): boolean {
  return c.dutiesOverdue + c.dutiesDueSoon > 0;
}

export type RowFilter = { behindOnly: boolean; name: string };

/** The councils the filters let through: only those behind, and whose name contains the text. */
export function filterRows<C extends Pick<CouncilOverview, "name" | "dutiesOverdue" | "dutiesDueSoon">>(
  rows: readonly C[],
  filter: RowFilter,
): C[] {
  const needle = filter.name.trim().toLocaleLowerCase("nb");
  return rows.filter(
    (c) => (!filter.behindOnly || isBehind(c)) && (needle === "" || c.name.toLocaleLowerCase("nb").includes(needle)),
  );
}

export type SortKey = "name" | "overdue" | "left";
export type Sort = { key: SortKey; dir: "ascending" | "descending" };

/** The direction a column sorts in when first chosen: names A–Å, the most overdue and the most money left first. */
export const FIRST_DIR: Record<SortKey, Sort["dir"]> = { name: "ascending", overdue: "descending", left: "descending" };

/** Choosing the sorted column again turns it round; another column starts in its own first direction. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key !== key) return { key, dir: FIRST_DIR[key] };
  return { key, dir: current.dir === "ascending" ? "descending" : "ascending" };
}

type Sortable = Pick<CouncilOverview, "name" | "dutiesOverdue" | "dutiesDueSoon" | "leftOre">;

/** Sorted copy; ties fall back to the name, always A–Å. */
export function sortRows<C extends Sortable>(rows: readonly C[], sort: Sort): C[] {
  const byName = (a: C, b: C) => a.name.localeCompare(b.name, "nb");
  const sign = sort.dir === "ascending" ? 1 : -1;
  const primary = (a: C, b: C): number => {
    switch (sort.key) {
      case "name":
        return byName(a, b);
      case "overdue":
        return a.dutiesOverdue - b.dutiesOverdue || a.dutiesDueSoon - b.dutiesDueSoon;
      case "left":
        return a.leftOre - b.leftOre;
    }
  };
  return [...rows].sort((a, b) => sign * primary(a, b) || byName(a, b));
}

export type WheelEntry =
  | { type: "meeting"; date: string; meeting: MeetingBrief }
  | { type: "due"; date: string; duty: Duty };

export type Wheel = {
  /** Twelve lists, January first, each in date order. */
  months: WheelEntry[][];
  /** Due dates of the year's duties that fall in another year (the accounts, early the next). */
  outside: WheelEntry[];
};

/** By date; on one day the meetings first (by time), then the due dates (by council). */
function entryOrder(a: WheelEntry, b: WheelEntry): number {
  const byDate = a.date.localeCompare(b.date);
  if (byDate) return byDate;
  if (a.type === "meeting" && b.type === "meeting")
    return a.meeting.startsAt.localeCompare(b.meeting.startsAt) || a.meeting.councilName.localeCompare(b.meeting.councilName, "nb");
  if (a.type === "due" && b.type === "due") return a.duty.councilName.localeCompare(b.duty.councilName, "nb");
  return a.type === "meeting" ? -1 : 1;
}

/**
 * The year wheel: the year's meetings and due dates by month, for the
 * councils in `councilIds` (all when null). Duties that are not applicable
 * are left out: there is nothing to do.
 */
export function wheel(overview: Pick<Overview, "year" | "meetings" | "councils">, councilIds: ReadonlySet<string> | null = null): Wheel {
  const shown = (id: string) => councilIds === null || councilIds.has(id);
  const months: WheelEntry[][] = Array.from({ length: 12 }, () => []);
  const outside: WheelEntry[] = [];
  const place = (entry: WheelEntry) => {
    const year = Number(entry.date.slice(0, 4));
    const month = Number(entry.date.slice(5, 7));
    if (year === overview.year && month >= 1 && month <= 12) months[month - 1]!.push(entry);
    else outside.push(entry);
  };
  for (const meeting of overview.meetings) if (shown(meeting.councilId)) place({ type: "meeting", date: meeting.date, meeting });
  for (const council of overview.councils) {
    if (!shown(council.councilId)) continue;
    for (const duty of council.duties) if (duty.status !== "not_applicable") place({ type: "due", date: duty.due, duty });
  }
  for (const list of months) list.sort(entryOrder);
  outside.sort(entryOrder);
  return { months, outside };
}

/** The years the selector offers: a few back, one ahead, and always the one shown. */
export function yearOptions(current: number, selected: number): number[] {
  const years = new Set<number>([selected]);
  for (let y = current - 3; y <= current + 1; y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** "2026-11-30" -> "30.11": a date inside a month's list, where the year is known. */
export function dayAndMonth(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}.${m[1]}` : iso;
}
