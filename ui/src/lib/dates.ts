/** Dates as Norwegians write them (dd.mm.åååå) and as the backend takes them (ISO). */

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
  const m = /^\s*(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += 2000;
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Today's date on the user's own clock, as ISO. */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type DateField =
  | { ok: true; iso: string | null }
  | { ok: false; reason: "invalid" | "required" };

/** Reads a date field: empty is allowed only when `optional`. */
export function readDateField(text: string, optional: boolean): DateField {
  if (text.trim() === "") return optional ? { ok: true, iso: null } : { ok: false, reason: "required" };
  const iso = parseDate(text);
  return iso ? { ok: true, iso } : { ok: false, reason: "invalid" };
}
