import { useI18n } from "../i18n/context";
import { stack, sum, ticks } from "./chartModel";
import { ChartTable, type TableColumn } from "./ChartTable";
import { ChartEmpty, Legend, useChartBase } from "./ChartParts";
import { Patterns, patternId } from "./Patterns";
import type { BarSeries } from "./StackedBars";
import "./charts.css";

export type Column = {
  key: string;
  /** Under the column, e.g. "jan". */
  short: string;
  /** In the description and the table, e.g. "Januar". */
  label: string;
  /** One value per series, stacked from the bottom. */
  values: number[];
};

const WIDTH = 720;
const LEFT = 36;
const TOP = 16;
const PLOT = 150;
const BOTTOM = 26;

/**
 * Stacked columns along a year (one per month): whole numbers on a ticked
 * axis, each column's total above it, the legend and the table below.
 */
export function Columns({
  title,
  summary,
  series,
  columns,
  rowHeader,
  testid,
  empty,
}: {
  title: string;
  summary: string;
  series: readonly BarSeries[];
  columns: readonly Column[];
  rowHeader: string;
  testid: string;
  empty: string;
}) {
  const { t } = useI18n();
  const base = useChartBase();
  if (columns.length === 0) return <ChartEmpty testid={testid} text={empty} />;
  const axis = ticks(Math.max(0, ...columns.map((c) => sum(c.values))));
  const top = axis[axis.length - 1]!;
  const slot = (WIDTH - LEFT - 8) / columns.length;
  const barWidth = Math.min(36, slot * 0.6);
  const height = TOP + PLOT + BOTTOM;
  const y = (v: number) => TOP + PLOT - (v / top) * PLOT;
  const described = [
    summary,
    ...columns.map((c) => `${c.label}: ${series.map((s, i) => `${s.label} ${c.values[i] ?? 0}`).join(", ")}.`),
  ].join(" ");
  const tableColumns: TableColumn<Column>[] = [
    ...series.map((s, i) => ({ key: s.key, label: s.label, num: true, cell: (c: Column) => c.values[i] ?? 0 })),
    { key: "total", label: t("chart.total"), num: true, cell: (c: Column) => sum(c.values) },
  ];
  return (
    <div className="chart" data-testid={testid}>
      <svg role="img" aria-labelledby={`${base}-title`}
        aria-describedby={`${base}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} className="chart-svg" data-testid={`${testid}-svg`}>
        <title id={`${base}-title`}>{title}</title>
        <desc id={`${base}-desc`}>{described}</desc>
        <Patterns base={base} fills={series.map((s) => s.fill)} />
        {axis.map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={WIDTH - 4} y1={y(v)} y2={y(v)} stroke={v === 0 ? "#1a1a1a" : "#c4c4c4"} strokeWidth={v === 0 ? 1.2 : 0.8} />
            <text x={LEFT - 6} y={y(v)} className="chart-tick" textAnchor="end" dominantBaseline="central">
              {v}
            </text>
          </g>
        ))}
        {columns.map((c, i) => {
          const x = LEFT + slot * i + (slot - barWidth) / 2;
          // Stacked from the bottom: the first series sits on the axis.
          const segments = stack(c.values, top, PLOT);
          const total = sum(c.values);
          return (
            <g key={c.key} data-key={c.key}>
              {segments.map((s) =>
                s.width > 0 ? (
                  <rect
                    key={s.index}
                    x={x + 0.5}
                    y={TOP + PLOT - s.x - s.width + 0.5}
                    width={barWidth - 1}
                    height={Math.max(0, s.width - 1)}
                    fill={`url(#${patternId(base, series[s.index]!.fill)})`}
                    stroke="#1a1a1a"
                  />
                ) : null,
              )}
              {total > 0 ? (
                <text x={x + barWidth / 2} y={y(total) - 5} className="chart-total" textAnchor="middle">
                  {total}
                </text>
              ) : null}
              <text x={x + barWidth / 2} y={TOP + PLOT + 16} className="chart-tick" textAnchor="middle">
                {c.short}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend base={base} series={series} />
      <ChartTable caption={title} rowHeader={{ key: "label", label: rowHeader, cell: (c) => c.label }} rows={columns} rowKey={(c) => c.key} columns={tableColumns} testid={testid} />
    </div>
  );
}
