import { FILLS, type FillKey } from "./chartModel";

/** The id of a fill's pattern inside the chart whose ids start with `base`. */
export const patternId = (base: string, fill: FillKey) => `${base}-fill-${fill}`;

/**
 * The SVG patterns of the given fills: a solid, diagonal hatching, dots,
 * cross-hatching, back-hatching in grey and an empty (white) box. Every
 * segment is also outlined, so it keeps its edges in print.
 */
export function Patterns({ base, fills }: { base: string; fills: readonly FillKey[] }) {
  return (
    <defs>
      {[...new Set(fills)].map((fill) => {
        const { color, tint } = FILLS[fill];
        return (
          <pattern key={fill} id={patternId(base, fill)} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={tint} />
            {fill === "hatch" ? <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={color} strokeWidth="1.6" /> : null}
            {fill === "grey" ? <path d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" stroke={color} strokeWidth="1.2" /> : null}
            {fill === "dots" ? <circle cx="3" cy="3" r="1.5" fill={color} /> : null}
            {fill === "cross" ? <path d="M0,0 l6,6 M6,0 l-6,6" stroke={color} strokeWidth="1.3" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** A legend's sample of one fill: a small box painted like the chart's segments. */
export function Swatch({ base, fill }: { base: string; fill: FillKey }) {
  const id = `${base}-swatch`;
  return (
    <svg className="chart-swatch" width="18" height="14" viewBox="0 0 18 14" aria-hidden="true" focusable="false">
      <Patterns base={id} fills={[fill]} />
      <rect x="0.5" y="0.5" width="17" height="13" fill={`url(#${patternId(id, fill)})`} stroke="#1a1a1a" />
    </svg>
  );
}
