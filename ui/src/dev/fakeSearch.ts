// DEV ONLY: the search command of the in-memory fake backend. Mirrors the
// Rust search roughly: every word must begin a word of the title or the text
// (any case, æøå kept apart from a, o), a council and a year narrow it, the
// newest come first, at most 50 with `more` beyond. Messages are bokmål only.
import type { Backend } from "../backend";
import type { Council } from "../bindings/Council";
import type { SearchHit } from "../bindings/SearchHit";
import { searchWords } from "../search/searchModel";
import { caseLabel, type MeetingState } from "./fakeMeetings";
import type { GrantState } from "./fakeGrants";

/** As many hits as the core returns at most. */
export const SEARCH_LIMIT = 50;

type Host = {
  councils: () => Council[];
  meetings: () => MeetingState;
  grants: () => GrantState;
  wait: <T>(value: () => T) => Promise<T>;
};

const lower = (text: string) => text.toLocaleLowerCase("nb");

/** Every word of the query begins some word of the text. */
export function matches(queryWords: readonly string[], text: string): boolean {
  const words = searchWords(lower(text));
  return queryWords.every((q) => words.some((w) => w.startsWith(lower(q))));
}

/** The start of the text, cut at 160 characters like the core. */
export function excerpt(text: string): string {
  const trimmed = text.trim();
  const short = [...trimmed].slice(0, 160).join("");
  return short.length < trimmed.length ? `${short.trimEnd()} …` : short;
}

export function searchMethods(host: Host): Pick<Backend, "search"> {
  return {
    search: (query) =>
      host.wait(() => {
        const words = searchWords(query.text).slice(0, 12);
        if (words.length === 0) return { hits: [], more: false };
        const name = (id: string) => host.councils().find((c) => c.id === id)?.name ?? "";
        const inScope = (councilId: string, year: number) =>
          (query.councilId === null || query.councilId === councilId) && (query.year === null || query.year === year);
        const { meetings, items } = host.meetings();
        const hits: SearchHit[] = [];
        for (const i of items) {
          const m = meetings.find((x) => x.id === i.meetingId);
          if (!m) continue;
          const year = i.caseNumber?.year ?? Number(m.date.slice(0, 4));
          if (!inScope(m.councilId, year) || !matches(words, [i.title, i.background, i.proposal, i.decision].join(" "))) continue;
          hits.push({
            kind: "item",
            id: i.id,
            parentId: m.id,
            councilId: m.councilId,
            councilName: name(m.councilId),
            year,
            date: m.date,
            label: caseLabel(i) ?? "Uten nummer",
            title: i.title,
            excerpt: excerpt(i.decision || i.background),
          });
        }
        const { schemes, applications } = host.grants();
        for (const a of applications) {
          const s = schemes.find((x) => x.id === a.schemeId);
          if (!s || !inScope(s.councilId, s.year) || !matches(words, [a.organisation, a.title, a.description].join(" "))) continue;
          hits.push({
            kind: "application",
            id: a.id,
            parentId: s.id,
            councilId: s.councilId,
            councilName: name(s.councilId),
            year: s.year,
            date: a.received,
            label: `Søknad ${a.number}`,
            title: `${a.organisation}: ${a.title}`,
            excerpt: excerpt(a.description),
          });
        }
        hits.sort((a, b) => b.date.localeCompare(a.date) || a.label.localeCompare(b.label, "nb"));
        return { hits: hits.slice(0, SEARCH_LIMIT), more: hits.length > SEARCH_LIMIT };
      }),
  };
}
