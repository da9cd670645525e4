import { Heading } from "@digdir/designsystemet-react";
import type { SchemeSummary } from "../bindings/SchemeSummary";
import { useI18n } from "../i18n/context";
import { formatKr } from "../grants/format";
import { StackedBars, type BarRow, type BarSeries } from "./StackedBars";

/** One scheme's money as the chart shows it: paid, granted but not paid, and left, against the budget. */
export function budgetValues(s: SchemeSummary["budget"]): number[] {
  const paid = Math.max(0, Math.min(s.paidOre, s.grantedOre));
  return [paid, Math.max(0, s.grantedOre - paid), Math.max(0, s.leftOre)];
}

/** Granted, paid and left of every scheme of a council, on one scale, with the table beside it. */
export function BudgetChart({ schemes, testid = "budget-chart" }: { schemes: readonly SchemeSummary[]; testid?: string }) {
  const { t } = useI18n();
  const series: BarSeries[] = [
    { key: "paid", label: t("budget.paid"), fill: "solid" },
    { key: "granted", label: t("chart.budget.grantedUnpaid"), fill: "hatch" },
    { key: "left", label: t("budget.left"), fill: "empty" },
  ];
  const rows: BarRow<SchemeSummary>[] = schemes.map((s) => ({
    key: s.scheme.id,
    label: `${s.scheme.name}`,
    values: budgetValues(s.budget),
    total: s.budget.budgetOre,
    end: t("chart.budget.end", { budget: formatKr(s.budget.budgetOre) }),
    data: s,
  }));
  const money = (pick: (s: SchemeSummary) => number) => (r: BarRow<SchemeSummary>) => formatKr(pick(r.data));
  return (
    <>
      <Heading level={3} data-size="2xs" className="chart-heading">
        {t("chart.budget.title")}
      </Heading>
      <StackedBars
      title={t("chart.budget.title")}
      summary={t("chart.budget.summary", { count: schemes.length })}
      series={series}
      rows={rows}
      format={formatKr}
      rowHeader={t("schemes.col.name")}
      columns={[
        { key: "year", label: t("schemes.col.year"), num: true, cell: (r) => r.data.scheme.year },
        { key: "budget", label: t("budget.total"), num: true, cell: money((s) => s.budget.budgetOre) },
        { key: "granted", label: t("budget.granted"), num: true, cell: money((s) => s.budget.grantedOre) },
        { key: "paid", label: t("budget.paid"), num: true, cell: money((s) => s.budget.paidOre) },
        { key: "left", label: t("budget.left"), num: true, cell: money((s) => s.budget.leftOre) },
      ]}
      empty={t("schemes.none")}
      testid={testid}
    />
    </>
  );
}
