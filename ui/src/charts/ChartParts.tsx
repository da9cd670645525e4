import { useId } from "react";
import { Paragraph } from "@digdir/designsystemet-react";
import type { FillKey } from "./chartModel";
import { Swatch } from "./Patterns";

/** The prefix of one chart's svg ids (title, description, patterns), unique on the page. */
export function useChartBase(): string {
  return `chart${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

/** What a chart shows instead of its svg when there is nothing to draw. */
export function ChartEmpty({ testid, text }: { testid: string; text: string }) {
  return (
    <div className="chart" data-testid={testid}>
      <Paragraph data-size="sm" className="muted" data-testid={`${testid}-empty`}>
        {text}
      </Paragraph>
    </div>
  );
}

/** The legend below a chart: each series' swatch and label. */
export function Legend({ base, series }: { base: string; series: readonly { key: string; label: string; fill: FillKey }[] }) {
  return (
    <div className="chart-legend">
      <ul>
        {series.map((s) => (
          <li key={s.key}>
            <Swatch base={`${base}-${s.key}`} fill={s.fill} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
