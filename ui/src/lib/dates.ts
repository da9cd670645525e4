/** Dates as Norwegians write them (dd.mm.åååå) and as the backend takes them (ISO). */
import type { MessageKey, T } from "../i18n/translate";
import type { Parsed } from "./errors";

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** "2026-11-22" -> "22.11.2026". Anything that is not an ISO date comes back unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/**
 * "22.11.2026" (also "22.11.26", "1.2.2026", "22/11/2026", "22-11-2026") -> "2026-11-22".
 * Returns null for text that is not a real calendar date.
 */
export function parseDate(text: string): string | null {
  const r = readDate(text);
  return r.ok ? r.iso : null;
}

/** A date as written: the ISO date, or why it is none (the form is wrong, or such a day does not exist). */
function readDate(text: string): { ok: true; iso: string } | { ok: false; reason: "invalid" } | { ok: false; reason: "no_such_day"; day: number; month: number } {
  const m = /^\s*(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return { ok: false, reason: "invalid" };
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += 2000;
  if (month < 1 || month > 12 || day < 1) return { ok: false, reason: "invalid" };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return { ok: false, reason: "no_such_day", day, month };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** Today's date on the user's own clock, as ISO. */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type DateField =
  | { ok: true; iso: string | null }
  | { ok: false; reason: "invalid" | "required" }
  /** Written right, but no such day: 31.02, 31.04. */
  | { ok: false; reason: "no_such_day"; day: number; month: number };

/** Reads a date field: empty is allowed only when `optional`. */
export function readDateField(text: string, optional: boolean): DateField {
  if (text.trim() === "") return optional ? { ok: true, iso: null } : { ok: false, reason: "required" };
  return readDate(text);
}

/** The words for a date field's faults, from the catalogue. */
export type DateWords = { invalidDate: string; requiredDate: string; noSuchDay: (day: number, month: number) => string };

export function dateWords(t: T): DateWords {
  return {
    invalidDate: t("date.invalid"),
    requiredDate: t("date.required"),
    noSuchDay: (day, month) => t("date.noSuchDay", { day, month: t(`month.${month}` as MessageKey).toLocaleLowerCase() }),
  };
}

/** What is wrong with a date field, in words: "31. februar finnes ikke." rather than "write a valid date". */
export function dateFault(r: Exclude<DateField, { ok: true }>, words: Partial<DateWords> & { invalidDate: string }): string {
  if (r.reason === "required") return words.requiredDate ?? words.invalidDate;
  if (r.reason === "no_such_day" && words.noSuchDay) return words.noSuchDay(r.day, r.month);
  return words.invalidDate;
}

/**
 * One date field read for a form's submit (`useDraftForm().submit`): its ISO
 * day (`null` for an empty optional field), or its fault under its input `id`.
 */
export function dateInput(text: string, optional: boolean, id: string, words: DateWords): Parsed<string | null> {
  const r = readDateField(text, optional);
  return r.ok ? { ok: true, input: r.iso } : { ok: false, errors: { [id]: dateFault(r, words) } };
}
