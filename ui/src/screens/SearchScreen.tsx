import { useEffect, useMemo, useRef, useState } from "react";
import { Alert, Field, Heading, Label, Paragraph, Search } from "@digdir/designsystemet-react";
import type { SearchHit } from "../bindings/SearchHit";
import type { SearchResults } from "../bindings/SearchResults";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { LinkButton } from "../components/LinkButton";
import { formatDate, todayIso } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import { useLoad } from "../lib/useLoad";
import type { Navigate, SearchState } from "../navigation";
import { Page } from "../components/Page";
import { OptionalSelect } from "../components/OptionalSelect";
import { LoadError, LoadingLine } from "../components/Loading";
import { SEARCH_DELAY_MS, hitView, queryKey, searchYears, toQuery } from "../search/searchModel";

/** The answer to one query (`key`), shown until the answer to the next. */
type Answer = { key: string; results: SearchResults } | { key: string; error: string };

/**
 * Search across agenda items, decisions and grant applications, narrowed by
 * council and year. It searches as the person types, once typing pauses;
 * only the answer to the newest query is shown. Hits are plain text.
 */
/** `initial`: the words typed in the header, or the search (with its filters) a hit was opened from. */
export function SearchScreen({ initial, navigate }: { initial: SearchState; navigate: Navigate }) {
  const initialText = initial.text;
  const backend = useBackend();
  const { t } = useI18n();
  const [councils] = useLoad(() => backend.listCouncils(), "councils");
  const [text, setText] = useState(initialText);
  const [councilId, setCouncilId] = useState(initial.council ?? "");
  const [year, setYear] = useState(initial.year ?? "");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [attempt, setAttempt] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  // The first query, and one from a filter, run at once; typing waits for a pause.
  const immediate = useRef(true);
  const issued = useRef(0);

  const query = useMemo(() => toQuery(text, councilId, year), [text, councilId, year]);
  const key = queryKey(query);

  useEffect(() => {
    if (!query) {
      // Nothing to ask; an answer still on its way is for words no longer there.
      issued.current++;
      immediate.current = false;
      setAnswer(null);
      return;
    }
    const n = ++issued.current;
    const timer = setTimeout(
      () => {
        immediate.current = false;
        backend.search(query).then(
          (results) => {
            if (n === issued.current) setAnswer({ key, results });
          },
          (e) => {
            if (n === issued.current) setAnswer({ key, error: toErrorReport(e).message });
          },
        );
      },
      immediate.current ? 0 : SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
    // `query` is `key` as an object; `attempt` asks again after an error.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, key, attempt]);

  // Opened without words: the field is where to start.
  useEffect(() => {
    if (initialText.trim() === "") field.current?.focus();
  }, [initialText]);

  /** A filter changes the query at once: no pause to wait for. */
  const narrow = (set: (value: string) => void, value: string) => {
    immediate.current = true;
    set(value);
  };
  const currentYear = Number(todayIso().slice(0, 4));
  // In the core's order (Norwegian: æ, ø, å after z), as every list of councils.
  const councilOptions = councils.status === "ready" ? councils.data : [];
  const pending = query !== null && answer?.key !== key;
  const ready = councils.status !== "loading" && (query === null || answer !== null);

  return (
    <Page screen="search" ready={ready} focusHeading={initialText.trim() !== ""}>
      <div className="search-title">
        <Heading level={1} data-size="md" tabIndex={-1}>
          {t("search.title")}
        </Heading>
        <Paragraph className="muted" id="search-help">
          {t("search.help")}
        </Paragraph>
      </div>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="search-form">
        <Field className="search-form__text">
          <Label htmlFor="search-field">{t("search.field")}</Label>
          <Search>
            <Search.Input
              ref={field}
              id="search-field"
              name="q"
              data-testid="search-field"
              autoComplete="off"
              value={text}
              aria-describedby="search-help"
              onChange={(e) => setText(e.target.value)}
            />
          </Search>
        </Field>
        <div className="search-form__filters" role="group" aria-label={t("search.filters")}>
          <Field className="search-form__council">
            <Label htmlFor="search-council">{t("search.council")}</Label>
            <OptionalSelect
              id="search-council"
              data-testid="search-council"
              none={t("search.allCouncils")}
              options={councilOptions.map((c) => ({ value: c.id, label: c.name }))}
              value={councilId}
              onPick={(v) => narrow(setCouncilId, v ?? "")}
            />
          </Field>
          <Field className="search-form__year">
            <Label htmlFor="search-year">{t("search.year")}</Label>
            <OptionalSelect
              id="search-year"
              data-testid="search-year"
              none={t("search.allYears")}
              options={searchYears(currentYear, year).map((y) => ({ value: String(y), label: String(y) }))}
              value={year}
              onPick={(v) => narrow(setYear, v ?? "")}
            />
          </Field>
        </div>
      </form>

      {query === null ? (
        <Paragraph className="muted" data-testid="search-prompt">
          {t("search.typeWords")}
        </Paragraph>
      ) : null}
      {query !== null && answer && "error" in answer ? (
        <LoadError message={answer.error} onRetry={() => setAttempt((a) => a + 1)} />
      ) : null}
      {query !== null && !answer ? <LoadingLine /> : null}
      {query !== null && answer && "results" in answer ? (
        <Results results={answer.results} pending={pending} onOpen={(hit) => navigate(hitView(hit, { text, council: councilId, year }))} />
      ) : null}
    </Page>
  );
}

function Results({ results, pending, onOpen }: { results: SearchResults; pending: boolean; onOpen: (hit: SearchHit) => void }) {
  const { t } = useI18n();
  const { hits, more } = results;
  const count = hits.length === 0 ? t("search.none") : hits.length === 1 ? t("search.countOne") : t("search.count", { count: hits.length });
  return (
    <section aria-labelledby="search-count" className="section section--tight" aria-busy={pending || undefined}>
      {/* The count is the heading, and is read out when it changes. */}
      <div aria-live="polite">
        <Heading level={2} data-size="2xs" id="search-count" data-testid="search-count">
          {count}
        </Heading>
      </div>
      {hits.length === 0 ? <Paragraph className="muted">{t("search.noneHelp")}</Paragraph> : null}
      {more ? (
        <Alert data-color="info" data-testid="search-more" className="page-alert">
          <Paragraph>{t("search.more", { count: hits.length })}</Paragraph>
        </Alert>
      ) : null}
      {hits.length === 0 ? null : (
        <ol className="search-hits" data-pending={pending || undefined}>
          {hits.map((hit) => (
            <li key={`${hit.kind}/${hit.id}`} className="search-hit" data-testid="search-hit" data-kind={hit.kind} data-id={hit.id}>
              <div className="search-hit__meta">
                <span className="search-hit__label">{hit.label}</span>
                <span>{hit.councilName}</span>
                <span className="nowrap">
                  {t(hit.kind === "item" ? "search.meetingOn" : "search.receivedOn", { date: formatDate(hit.date) })}
                </span>
              </div>
              <Heading level={3} data-size="2xs" className="search-hit__title">
                <LinkButton testid="open-hit" onClick={() => onOpen(hit)}>
                  {hit.title}
                </LinkButton>
              </Heading>
              {hit.excerpt ? (
                <Paragraph data-size="sm" className="search-hit__excerpt">
                  {hit.excerpt}
                </Paragraph>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
