// Pure helpers for the search screen: what a person typed as a query, the
// years to narrow by, where a hit leads. No React, no backend.
import type { SearchHit } from "../bindings/SearchHit";
import type { SearchQuery } from "../bindings/SearchQuery";
import type { SearchState, View } from "../navigation";

/** How long typing may pause before the search runs. */
export const SEARCH_DELAY_MS = 200;

/** The words of `text` as the core reads them: runs of letters and digits. */
export function searchWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
}

/**
 * The query for the fields as they stand: `councilId` and `year` empty mean
 * all. Null when there is no word to search for (nothing is asked then).
 */
export function toQuery(text: string, councilId: string, year: string): SearchQuery | null {
  if (searchWords(text).length === 0) return null;
  const y = Number(year);
  return {
    text: text.trim(),
    councilId: councilId === "" ? null : councilId,
    year: year.trim() !== "" && Number.isInteger(y) ? y : null,
  };
}

/** One string per query, to tell whether an answer is for the query now shown. */
export function queryKey(query: SearchQuery | null): string {
  return query ? JSON.stringify([query.text, query.councilId, query.year]) : "";
}

/** The years to narrow by, newest first: next year and ten years back, and the one chosen. */
export function searchYears(current: number, selected: string): number[] {
  const years = new Set<number>();
  for (let y = current + 1; y >= current - 10; y--) years.add(y);
  const chosen = Number(selected);
  if (selected !== "" && Number.isInteger(chosen)) years.add(chosen);
  return [...years].sort((a, b) => b - a);
}

/** Where a hit leads: its meeting with the item open, or the application itself. */
export function hitView(hit: Pick<SearchHit, "kind" | "id" | "parentId">, search?: SearchState): View {
  const back = search === undefined ? {} : { search };
  return hit.kind === "item" ? { name: "meeting", id: hit.parentId, item: hit.id, ...back } : { name: "application", id: hit.id, ...back };
}
