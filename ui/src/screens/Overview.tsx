import { useMemo, useState } from "react";
import { Alert, Button, Heading, Paragraph, Switch } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import type { CouncilOverview } from "../bindings/CouncilOverview";
import type { Overview as YearOverview } from "../bindings/Overview";
import { useI18n } from "../i18n/context";
import { todayIso } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import { useLoad } from "../lib/useLoad";
import type { Navigate } from "../navigation";
import { Page } from "../components/Page";
import { Loading, LoadError } from "../components/Loading";
import { ExportDone } from "../components/Confirmation";
import { SelectField, TextField } from "../components/fields";
import { OverviewTable, useOverviewRows } from "../duties/OverviewTable";
import { ShowAllRows } from "../components/VirtualTable";
import { Lazy } from "../components/Lazy";
import { YearWheel } from "../duties/YearWheel";
import { YearAtAGlance } from "../charts/YearAtAGlance";
import { filterRows, nextSort, sortRows, wheel, yearOptions, type Sort } from "../duties/dutyModel";

/**
 * The coordinator's overview: every council in a year — seats, meetings,
 * duties and grants — with sorting and filters, then the year wheel, and
 * the year's calendar as an .ics file.
 */
export function Overview({ initialYear, navigate }: { initialYear?: number | undefined; navigate: Navigate }) {
  const backend = useBackend();
  const { t } = useI18n();
  const currentYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(initialYear ?? currentYear);
  const [state, reload] = useLoad(() => backend.getOverview(year), String(year));
  const [behindOnly, setBehindOnly] = useState(false);
  const [name, setName] = useState("");
  const [sort, setSort] = useState<Sort>({ key: "name", dir: "ascending" });
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<{ title: string; message: string; path: string; details: string } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const overview = state.status === "ready" ? state.data : null;

  const rows = useMemo(
    () => (overview ? sortRows(filterRows(overview.councils, { behindOnly, name }), sort) : []),
    [overview, behindOnly, name, sort],
  );
  const shown = useOverviewRows(rows);

  const exportCalendar = async () => {
    setBusy(true);
    setExported(null);
    setActionError(null);
    try {
      const saved = await backend.exportCalendar(year, null);
      setExported({ title: t("exported.calendar", { year }), ...saved });
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setActionError(report.message);
    } finally {
      setBusy(false);
    }
  };

  const openMeeting = (id: string) => navigate({ name: "meeting", id });

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
          <Button variant="tertiary" data-testid="print" className="print-hidden" onClick={() => window.print()}>
            {t("app.print")}
          </Button>
          <Button variant="secondary" data-testid="export-calendar" loading={busy} disabled={!overview} onClick={() => void exportCalendar()}>
            {t("overview.exportCalendar")}
          </Button>
        </div>
      </div>
      {actionError ? (
        <Alert data-color="danger" role="alert" data-testid="action-error" className="page-alert">
          <Paragraph>{actionError}</Paragraph>
        </Alert>
      ) : null}
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
        <TextField id="overview-name" label={t("overview.name")} className="overview-filters__name" value={name} onChange={setName} />
        <Switch
          id="overview-behind"
          data-testid="filter-behind"
          className="overview-filters__behind"
          label={t("overview.behind")}
          description={t("overview.behindHelp")}
          checked={behindOnly}
          onChange={(e) => setBehindOnly(e.target.checked)}
        />
      </div>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <LoadError message={state.error.message} onRetry={reload} /> : null}
      {overview ? (
        <>
          <section aria-labelledby="overview-councils" className="section section--tight">
            <div className="section-head">
              <Heading level={2} data-size="2xs" id="overview-councils">
                {t("overview.councils", { year: overview.year })}
              </Heading>
              <Paragraph data-size="sm" className="muted" aria-live="polite" data-testid="overview-count">
                {t("overview.shown", { shown: rows.length, total: overview.councils.length })}
              </Paragraph>
              <ShowAllRows rows={shown} count={rows.length} />
            </div>
            {overview.councils.length === 0 ? (
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
                onSort={(key) => setSort((s) => nextSort(s, key))}
                onOpenCouncil={(id) => navigate({ name: "council", id })}
                onOpenMeeting={openMeeting}
              />
            )}
          </section>
          {rows.length > 0 ? <YearAtAGlance year={overview.year} councils={rows} meetings={overview.meetings} /> : null}
          {/* A kommune's wheel holds thousands of entries: built and rendered when scrolled to. */}
          <Lazy when={shown.long} minHeight={1200} testid="year-wheel-later">
            <OverviewWheel overview={overview} rows={rows} onOpenMeeting={openMeeting} />
          </Lazy>
        </>
      ) : null}
    </Page>
  );
}

/** The year wheel of the councils shown. */
function OverviewWheel({ overview, rows, onOpenMeeting }: { overview: YearOverview; rows: CouncilOverview[]; onOpenMeeting: (id: string) => void }) {
  const yearWheel = useMemo(() => wheel(overview, new Set(rows.map((c) => c.councilId))), [overview, rows]);
  return <YearWheel wheel={yearWheel} year={overview.year} onOpenMeeting={onOpenMeeting} />;
}
