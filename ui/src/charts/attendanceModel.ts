// Which year the attendance chart shows, and which years it offers.

/**
 * The year to show instead, once `year`'s figures are in: in January, when
 * nothing is held yet this year but last year had meetings, last year.
 * `null`: keep the year shown.
 */
export function preferredYear(today: string, shown: { year: number; held: number; years: readonly number[] }): number | null {
  const current = Number(today.slice(0, 4));
  const january = today.slice(5, 7) === "01";
  if (january && shown.year === current && shown.held === 0 && shown.years.includes(current - 1)) return current - 1;
  return null;
}

/** The years to pick from: every year with held meetings, this year and last, and the one shown, newest first. */
export function yearChoices(today: string, shown: number, years: readonly number[]): number[] {
  const current = Number(today.slice(0, 4));
  return [...new Set([current, current - 1, shown, ...years])].sort((a, b) => b - a);
}
