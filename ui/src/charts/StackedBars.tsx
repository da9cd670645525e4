import { clip, sharedScale, stack, sum, type FillKey } from "./chartModel";
import { ChartTable, type TableColumn } from "./ChartTable";
import { ChartEmpty, Legend, useChartBase } from "./ChartParts";
import { Patterns, patternId } from "./Patterns";
import "./charts.css";

export type BarSeries = { key: string; label: string; fill: FillKey };
export type BarRow<D = unknown> = {
  key: string;
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
  /** What a full row stands for (a budget, the meetings expected); the sum when absent. */
  total?: number;
  /** The text at the end of the bar, e.g. "4 av 5". */
  end: string;
  data: D;
};

const WIDTH = 720;
const LABEL = 200;
const END = 170;
const BAR = WIDTH - LABEL - END - 12;
const ROW = 30;
const HEIGHT = 20;
const TOP = 6;

/**
 * Horizontal stacked bars, one row per thing (a scheme, a member, a duty),
 * all on one scale: an `<svg role="img">` named by its title and described
 * in words, a legend, and the same figures as a table below it.
 */
export function StackedBars<D>({
  title,
  summary,
  series,
  rows,
  format,
  rowHeader,
  columns,
  empty,
  testid,
}: {
  title: string;
  /** One sentence before the figures of each row in the svg's description. */
  summary: string;
  series: readonly BarSeries[];
  rows: readonly BarRow<D>[];
  format: (value: number) => string;
  rowHeader: string;
  columns: readonly TableColumn<BarRow<D>>[];
  empty: string;
  testid: string;
}) {
  const base = useChartBase();
  if (rows.length === 0) return <ChartEmpty testid={testid} text={empty} />;
  const scale = sharedScale(rows);
  const height = TOP * 2 + rows.length * ROW;
  const described = [
    summary,
    ...rows.map((r) => `${r.label}: ${series.map((s, i) => `${s.label} ${format(r.values[i] ?? 0)}`).join(", ")}.`),
  ].join(" ");
  return (
    <div className="chart" data-testid={testid}>
      <svg
        role="img"
        aria-labelledby={`${base}-title`}
        aria-describedby={`${base}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="chart-svg"
        data-testid={`${testid}-svg`}
      >
        <title id={`${base}-title`}>{title}</title>
        <desc id={`${base}-desc`}>{described}</desc>
        <Patterns base={base} fills={series.map((s) => s.fill)} />
        {rows.map((row, r) => {
          const y = TOP + r * ROW;
          const total = row.total ?? sum(row.values);
          const segments = stack(row.values, scale, BAR, LABEL);
          const full = scale > 0 ? Math.min(BAR, (total / scale) * BAR) : 0;
          return (
            <g key={row.key} data-key={row.key}>
              <text x={LABEL - 8} y={y + HEIGHT / 2} className="chart-label" textAnchor="end" dominantBaseline="central">
                {clip(row.label, 26)}
              </text>
              {/* What the whole row stands for: the outline the segments fill. */}
              <rect x={LABEL + 0.5} y={y + 0.5} width={Math.max(0, full - 1)} height={HEIGHT - 1} fill="#ffffff" stroke="#595959" strokeDasharray="3 2" />
              {segments.map((s) =>
                s.width > 0 ? (
                  <g key={s.index}>
                    <rect
                      x={s.x + 0.5}
                      y={y + 0.5}
                      width={Math.max(0, s.width - 1)}
                      height={HEIGHT - 1}
                      fill={`url(#${patternId(base, series[s.index]!.fill)})`}
                      stroke="#1a1a1a"
                    />
                    {s.width >= [...format(s.value)].length * 7 + 10 ? (
                      <text x={s.x + s.width / 2} y={y + HEIGHT / 2} className="chart-value" textAnchor="middle" dominantBaseline="central">
                        {format(s.value)}
                      </text>
                    ) : null}
                  </g>
                ) : null,
              )}
              <text x={LABEL + Math.max(full, segments.reduce((a, s) => a + s.width, 0)) + 8} y={y + HEIGHT / 2} className="chart-end" dominantBaseline="central">
                {row.end}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend base={base} series={series} />
      <ChartTable
        caption={title}
        rowHeader={{ key: "label", label: rowHeader, cell: (r) => r.label }}
        rows={rows}
        rowKey={(r) => r.key}
        columns={columns}
        testid={testid}
      />
    </div>
  );
}
