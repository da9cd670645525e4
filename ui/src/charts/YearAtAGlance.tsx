import { memo } from "react";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { YearGlance } from "../bindings/YearGlance";
import type { MessageKey } from "../i18n/translate";
import { useI18n } from "../i18n/context";
import { dutyStatusLabel } from "../lib/labels";
import type { FillKey } from "./chartModel";
import { Columns, type Column } from "./Columns";
import { StackedBars, type BarRow, type BarSeries } from "./StackedBars";
import { CHART_STATUSES, dutyCounts, type DutyCounts } from "./yearModel";

const STATUS_FILL: Record<(typeof CHART_STATUSES)[number], FillKey> = {
  fulfilled: "solid",
  waived: "grey",
  due_soon: "dots",
  overdue: "cross",
  open: "empty",
};

/**
 * The coordinator's year at a glance, for the `count` councils shown: each
 * yearly duty across the councils by status, and the meetings month by
 * month, as the core counted them (`glance`).
 */
export const YearAtAGlance = memo(function YearAtAGlance({ year, glance, count }: { year: number; glance: YearGlance; count: number }) {
  const { t } = useI18n();
  const duties = dutyCounts(glance);
  const months = glance.months.map((m) => [m.held, m.coming]);

  const statusSeries: BarSeries[] = CHART_STATUSES.map((s) => ({ key: s, label: dutyStatusLabel(t, s), fill: STATUS_FILL[s] }));
  const dutyRows: BarRow<DutyCounts>[] = duties.map((d) => ({
    key: d.kind,
    label: d.name,
    values: d.counts,
    total: d.counts.reduce((a, b) => a + b, 0),
    // Not yet due is not a failure: the line says what is overdue, else what is in order.
    end:
      (d.counts[3] ?? 0) > 0
        ? t("chart.year.dutyOverdue", { overdue: d.counts[3] ?? 0, count: d.counts.reduce((a, b) => a + b, 0) })
        : t("chart.year.dutyEnd", { done: (d.counts[0] ?? 0) + (d.counts[1] ?? 0), count: d.counts.reduce((a, b) => a + b, 0) }),
    data: d,
  }));
  const columns: Column[] = months.map((values, i) => ({
    key: String(i + 1),
    short: t(`month.short.${i + 1}` as MessageKey),
    label: t(`month.${i + 1}` as MessageKey),
    values,
  }));
  const held = months.reduce((a, m) => a + (m[0] ?? 0), 0);

  return (
    <section aria-labelledby="year-glance-title" className="section section--tight" data-testid="year-glance">
      <Heading level={2} data-size="2xs" id="year-glance-title">
        {t("chart.year.heading", { year })}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t("chart.year.intro")}
      </Paragraph>
      <Heading level={3} data-size="2xs">
        {t("chart.year.dutiesTitle", { year })}
      </Heading>
      <StackedBars
        title={t("chart.year.dutiesTitle", { year })}
        summary={t("chart.year.dutiesSummary", { count })}
        series={statusSeries}
        rows={count ? dutyRows : []}
        format={String}
        rowHeader={t("chart.year.duty")}
        columns={[
          ...CHART_STATUSES.map((s, i) => ({ key: s, label: dutyStatusLabel(t, s), num: true, cell: (r: BarRow<DutyCounts>) => r.data.counts[i] ?? 0 })),
          { key: "not_applicable", label: dutyStatusLabel(t, "not_applicable"), num: true, cell: (r: BarRow<DutyCounts>) => r.data.notApplicable },
        ]}
        empty={t("overview.empty")}
        testid="duty-status-chart"
      />
      <Heading level={3} data-size="2xs">
        {t("chart.year.meetingsTitle", { year })}
      </Heading>
      <Columns
        title={t("chart.year.meetingsTitle", { year })}
        summary={t("chart.year.meetingsSummary", { held, year })}
        series={[
          { key: "held", label: t("chart.year.held"), fill: "solid" },
          { key: "coming", label: t("chart.year.coming"), fill: "empty" },
        ]}
        columns={columns}
        rowHeader={t("chart.year.month")}
        empty={t("overview.empty")}
        testid="meetings-month-chart"
      />
    </section>
  );
});
