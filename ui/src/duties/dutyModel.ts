// Pure helpers for the duties and the coordinator's overview: colours, the
// hint under a due date, which way a chosen column sorts (the core sorts and
// filters the councils and builds the year wheel). No React, no backend.
import type { Duty } from "../bindings/Duty";
import type { DutyStatus } from "../bindings/DutyStatus";
import type { OverviewSortKey } from "../bindings/OverviewSortKey";
import type { SortDir } from "../bindings/SortDir";
import type { YearWheel } from "../bindings/YearWheel";
export type { WheelEntry } from "../bindings/WheelEntry";
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

export type SortKey = OverviewSortKey;
export type Sort = { key: SortKey; dir: SortDir };

/** The direction a column sorts in when first chosen: names A–Å, the most overdue and the most money left first. */
export const FIRST_DIR: Record<SortKey, SortDir> = { name: "ascending", overdue: "descending", left: "descending" };

/** Choosing the sorted column again turns it round; another column starts in its own first direction. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key !== key) return { key, dir: FIRST_DIR[key] };
  return { key, dir: current.dir === "ascending" ? "descending" : "ascending" };
}

/** The year wheel as the core made it: twelve months, then the due dates that fall in another year. */
export type Wheel = YearWheel;

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
