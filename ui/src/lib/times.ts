/** Clock times as people type them ("18.00", "1800", "18") and as the backend takes them ("18:00"). */
import { formatLocalDateTime } from "./backups";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "18:00", "18.00", "18,00", "18 00", "1800", "18", "9.30", "930", "18:00:00" -> "18:00" / "09:30".
 * Returns null for text that is not a time of day.
 */
export function parseTime(text: string): string | null {
  const s = text.trim().replace(/^kl\.?\s*/i, "");
  let hours: string;
  let minutes: string;
  let m = /^(\d{1,2})[:., ](\d{2})(?::\d{2})?$/.exec(s);
  if (m) {
    hours = m[1]!;
    minutes = m[2]!;
  } else if ((m = /^(\d{3,4})$/.exec(s))) {
    hours = m[1]!.slice(0, -2);
    minutes = m[1]!.slice(-2);
  } else if ((m = /^(\d{1,2})$/.exec(s))) {
    hours = m[1]!;
    minutes = "00";
  } else {
    return null;
  }
  const h = Number(hours);
  const min = Number(minutes);
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** "18:00:00" (as Rust sends it) or "18:00" -> "18:00"; null/empty -> "". */
export function formatTime(time: string | null | undefined): string {
  if (!time) return "";
  const m = /^(\d{2}):(\d{2})/.exec(time);
  return m ? `${m[1]}:${m[2]}` : time;
}

export type TimeField = { ok: true; time: string | null } | { ok: false; reason: "invalid" | "required" };

/** Reads a time field: empty is allowed only when `optional`. */
export function readTimeField(text: string, optional: boolean): TimeField {
  if (text.trim() === "") return optional ? { ok: true, time: null } : { ok: false, reason: "required" };
  const time = parseTime(text);
  return time ? { ok: true, time } : { ok: false, reason: "invalid" };
}

/**
 * When something was done (a Step's `at`) as the person reads it:
 * "22.11.2026 kl. 18:30". An instant the core stored in UTC
 * ("2026-11-22T17:30:05.123Z") is shown on the person's own clock, as the
 * backups are; a time without a zone as it stands; anything else unchanged.
 */
export function formatDateTime(at: string, klokka = "kl."): string {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(at)) return formatLocalDateTime(at, klokka);
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(at);
  if (!m) return at;
  return `${m[3]}.${m[2]}.${m[1]} ${klokka} ${m[4]}:${m[5]}`;
}
