import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Button, Heading, Paragraph, Switch } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import type { OverviewQuery } from "../bindings/OverviewQuery";
import type { YearWheel as Wheel } from "../bindings/YearWheel";
import { useI18n } from "../i18n/context";
import { todayIso } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import { useKeptLoad } from "../lib/useLoad";
import type { Navigate } from "../navigation";
import { Page } from "../components/Page";
import { Loading, LoadError, ScreenLoad } from "../components/Loading";
import { Note, Section } from "../components/Section";
import { PageAlert } from "../components/PageAlert";
import { useFileAction } from "../components/useFileAction";
import { ExportDone } from "../components/Confirmation";
import { SelectField, TextField } from "../components/fields";
import { OverviewTable, useOverviewRows } from "../duties/OverviewTable";
import { ShowAllRows } from "../components/VirtualTable";
import { Lazy } from "../components/Lazy";
import { YearWheel } from "../duties/YearWheel";
import { YearAtAGlance } from "../charts/YearAtAGlance";
import { nextSort, yearOptions } from "../duties/dutyModel";
import { OverviewStatements } from "../statements/OverviewStatements";

const FIRST_QUERY: OverviewQuery = { name: "", behindOnly: false, sort: "name", dir: "ascending" };

/**
 * The coordinator's overview: every council in a year — seats, meetings,
 * duties and grants — with sorting and filters, then the year wheel, and
 * the year's calendar as an .ics file. The core answers with the councils
 * the filters let through, in the order chosen; the year wheel is asked for
 * when it is scrolled to (or printed).
 */
export function Overview({ initialYear, navigate }: { initialYear?: number | undefined; navigate: Navigate }) {
  const backend = useBackend();
  const { t } = useI18n();
  const currentYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(initialYear ?? currentYear);
  const [query, setQuery] = useState<OverviewQuery>(FIRST_QUERY);
  const asked = `${year} ${JSON.stringify(query)}`;
  const [state, pending, reload] = useKeptLoad(() => backend.getOverview(year, query), asked);
  const [exported, setExported] = useState<{ title: string; message: string; path: string; details: string } | null>(null);
  const calendar = useFileAction();
  const overview = state.status === "ready" ? state.data : null;
  const rows = overview?.councils ?? [];
  const shown = useOverviewRows(rows);

  // The year wheel: asked for once it is wanted (scrolled to, or printed), then again as the filters change.
  const [wheelWanted, setWheelWanted] = useState(false);
  const [wheel, setWheel] = useState<{ asked: string; data: Wheel } | null>(null);
  const [wheelError, setWheelError] = useState<string | null>(null);
  const wheelAsked = useRef<string | null>(null);
  const loadWheel = useCallback(async () => {
    wheelAsked.current = asked;
    const data = await backend.getYearWheel(year, query);
    return { asked, data };
  }, [backend, asked, year, query]);
  useEffect(() => {
    if (!wheelWanted || wheel?.asked === asked || overview?.wheel) return;
    let live = true;
    setWheelError(null);
    loadWheel().then(
      (w) => live && wheelAsked.current === w.asked && setWheel(w),
      (e) => live && setWheelError(toErrorReport(e).message),
    );
    return () => {
      live = false;
    };
  }, [wheelWanted, wheel, asked, loadWheel, overview]);
  const wantWheel = useCallback(() => setWheelWanted(true), []);
  // A short file's answer carries its wheel: nothing more to ask.
  const shownWheel = overview?.wheel ? { asked: pending ? null : asked, data: overview.wheel } : wheel;

  /** Printing takes every row and the whole wheel: the wheel is fetched first if it has not been. */
  const print = async () => {
    if (shownWheel?.asked !== asked) {
      try {
        const w = await loadWheel();
        flushSync(() => {
          setWheelWanted(true);
          setWheel(w);
        });
      } catch (e) {
        calendar.setRefused(toErrorReport(e));
        return;
      }
    }
    window.print();
  };

  const exportCalendar = () => {
    setExported(null);
    return calendar.run(true, () => backend.exportCalendar(year, null), (saved) => setExported({ title: t("exported.calendar", { year }), ...saved }));
  };

  // Stable while the page's own state changes, so the memoised table and wheel are not rendered again for a keystroke.
  const openMeeting = useCallback((id: string) => navigate({ name: "meeting", id }), [navigate]);
  const openCouncil = useCallback((id: string) => navigate({ name: "council", id }), [navigate]);
  const sort = useMemo(() => ({ key: query.sort, dir: query.dir }), [query.sort, query.dir]);
  const onSort = useCallback(
    (key: OverviewQuery["sort"]) => setQuery((q) => ({ ...q, ...renamed(nextSort({ key: q.sort, dir: q.dir }, key)) })),
    [],
  );

  return (
    <Page screen="overview" ready={overview !== null}>
      <div className="page-title page-title--compact">
        <Heading level={1} data-size="md" tabIndex={-1}>
          {t("overview.title")}
        </Heading>
        <div className="button-row">
          <Button variant="tertiary" data-testid="open-profile" className="print-hidden" onClick={() => navigate({ name: "profile" })}>
            {t("overview.profile")}
          </Button>
          <Button variant="tertiary" data-testid="print" className="print-hidden" onClick={() => void print()}>
            {t("app.print")}
          </Button>
          <Button variant="secondary" data-testid="export-calendar" loading={calendar.busy !== null} disabled={!overview} onClick={() => void exportCalendar()}>
            {t("overview.exportCalendar")}
          </Button>
        </div>
      </div>
      <PageAlert message={calendar.refused?.message} testid="action-error" />
      {exported ? <ExportDone {...exported} /> : null}
      <div className="overview-filters" role="group" aria-label={t("overview.filters")}>
        <SelectField
          id="overview-year"
          label={t("overview.year")}
          className="overview-filters__year"
          value={String(year)}
          onChange={(v) => {
            setYear(Number(v));
            setExported(null);
          }}
          options={yearOptions(currentYear, year).map((y) => ({ value: String(y), label: String(y) }))}
        />
        <TextField
          id="overview-name"
          label={t("overview.name")}
          className="overview-filters__name"
          value={query.name}
          onChange={(name) => setQuery((q) => ({ ...q, name }))}
        />
        <Switch
          id="overview-behind"
          data-testid="filter-behind"
          className="overview-filters__behind"
          label={t("overview.behind")}
          description={t("overview.behindHelp")}
          checked={query.behindOnly}
          onChange={(e) => {
            const behindOnly = e.target.checked;
            setQuery((q) => ({ ...q, behindOnly }));
          }}
        />
      </div>
      <ScreenLoad state={state} onRetry={reload} />
      {overview ? (
        <>
          <Section
            id="overview-councils"
            title={t("overview.councils", { year: overview.year })}
            data-loading={pending ? "" : undefined}
            actions={
              <>
                <Note aria-live="polite" testid="overview-count">
                  {t("overview.shown", { shown: rows.length, total: overview.total })}
                </Note>
                <ShowAllRows rows={shown} count={rows.length} />
              </>
            }
          >
            {overview.total === 0 ? (
              <Paragraph className="muted">{t("overview.empty")}</Paragraph>
            ) : rows.length === 0 ? (
              <Paragraph className="muted" data-testid="overview-no-match">
                {t("overview.noMatch")}
              </Paragraph>
            ) : (
              <OverviewTable
                rows={rows}
                shown={shown}
                year={overview.year}
                sort={sort}
                onSort={onSort}
                onOpenCouncil={openCouncil}
                onOpenMeeting={openMeeting}
              />
            )}
          </Section>
          {/* Below a kommune's long table: rendered when scrolled near or when idle after the first paint. */}
          {rows.length > 0 ? (
            <Lazy when={shown.long} idle minHeight={600} testid="glance-later">
              <YearAtAGlance year={overview.year} glance={overview.glance} count={rows.length} />
            </Lazy>
          ) : null}
          {rows.length > 0 ? <OverviewStatements statements={overview.statements} year={overview.year} onOpenMeeting={openMeeting} /> : null}
          {/* A kommune's wheel holds thousands of entries: asked for and rendered when scrolled to. */}
          <Lazy when={shown.long} minHeight={1200} testid="year-wheel-later">
            <OverviewWheel
              wheel={shownWheel?.data ?? null}
              pending={shownWheel?.asked !== asked}
              error={wheelError}
              year={overview.year}
              onWanted={wantWheel}
              onOpenMeeting={openMeeting}
            />
          </Lazy>
        </>
      ) : null}
    </Page>
  );
}

/** The query's sort from the sort chosen. */
function renamed(sort: { key: OverviewQuery["sort"]; dir: OverviewQuery["dir"] }): Pick<OverviewQuery, "sort" | "dir"> {
  return { sort: sort.key, dir: sort.dir };
}

/** The year wheel of the councils shown: asked for when this part is first rendered. */
function OverviewWheel({
  wheel,
  pending,
  error,
  year,
  onWanted,
  onOpenMeeting,
}: {
  wheel: Wheel | null;
  pending: boolean;
  error: string | null;
  year: number;
  onWanted: () => void;
  onOpenMeeting: (id: string) => void;
}) {
  useEffect(onWanted, [onWanted]);
  if (error) return <LoadError message={error} onRetry={onWanted} />;
  if (!wheel) return <Loading />;
  return (
    <div data-loading={pending ? "" : undefined}>
      <YearWheel wheel={wheel} year={year} onOpenMeeting={onOpenMeeting} />
    </div>
  );
}
