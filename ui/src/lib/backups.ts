/** Pure helpers for the backup lists: size, local time, folder. The order is the core's (newest first by sequence, never by the clock). */
import type { Lang } from "../bindings/Lang";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Bytes -> whole kilobytes (1 KB = 1024 bytes) with the language's thousands
 * separator: 123456 -> "121 KB" / "1 206 KB" (nb, nn: no-break space) / "1,206 KB" (en).
 * Anything above zero is at least 1 KB. The binding says bigint; Tauri sends a number.
 */
export function formatSize(bytes: number | bigint, lang: Lang): string {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n <= 0) return "0\u00a0KB";
  const kb = Math.max(1, Math.round(n / 1024));
  const sep = lang === "en" ? "," : "\u00a0";
  const grouped = String(kb).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${grouped}\u00a0KB`;
}

/**
 * An RFC 3339 instant ("2026-11-22T17:05:00Z") on the user's own clock:
 * "22.11.2026 kl. 18:05" (in Norway, winter). Text that is not such an instant comes back unchanged.
 */
export function formatLocalDateTime(rfc3339: string, klokka = "kl."): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(rfc3339)) return rfc3339;
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${klokka} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Where the backups of the database at `dbPath` live, as the core puts them:
 * `<folder>/<file name without extension>-backups`. Keeps the path's own separator.
 */
export function backupFolder(dbPath: string): string {
  const cut = Math.max(dbPath.lastIndexOf("/"), dbPath.lastIndexOf("\\"));
  const dir = cut >= 0 ? dbPath.slice(0, cut + 1) : "";
  const file = dbPath.slice(cut + 1);
  const dot = file.lastIndexOf(".");
  const stem = dot > 0 ? file.slice(0, dot) : file || "grendebok";
  return `${dir}${stem}-backups`;
}
