// Display helpers for the grant screens. Amounts arrive as integer øre; what a
// person types is sent as typed and parsed by the core, never here.

/** Groups of three digits, joined by a no-break space so "kr 12 500" never breaks. */
function group(kroner: bigint | number): string {
  return String(kroner).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/** 1250050 -> "12 500,50"; whole kroner with their øre too: "12 500,00". */
export function formatAmount(ore: number): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(Math.round(ore));
  const kroner = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${group(kroner)},${String(cents).padStart(2, "0")}`;
}

/** 1250000 -> "kr 12 500,00". */
export function formatKr(ore: number): string {
  return `kr\u00a0${formatAmount(ore)}`;
}

/** An amount as it can be typed back into a field: plain spaces, "12 500,50". */
export function amountForInput(ore: number | null | undefined): string {
  return ore === null || ore === undefined ? "" : formatAmount(ore).replace(/\u00a0/g, " ");
}

/** A weighted score with one decimal and a Norwegian comma: 3.85 -> "3,9"; none -> "–". */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return "–";
  return score.toFixed(1).replace(".", ",");
}

/** The share of `part` in `whole` as a CSS percentage, clamped to 0–100. */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.max(0, Math.min(100, (part / whole) * 100));
}
