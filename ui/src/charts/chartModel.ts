// Pure layout for the hand-written SVG charts: no React, no DOM, so the
// geometry is tested on its own. Values are plain non-negative numbers.

/** How a series is painted: a colour and a pattern, so it reads in black and white too. */
export type FillKey = "solid" | "hatch" | "dots" | "cross" | "grey" | "empty";

/**
 * Colour-blind safe hues (blue, orange, red and grey are told apart by every
 * common colour vision), each at least 3:1 against white (WCAG non-text
 * contrast), and a different pattern for each so print in black and white
 * keeps them apart.
 */
export const FILLS: Record<FillKey, { color: string; tint: string }> = {
  solid: { color: "#0b5cad", tint: "#0b5cad" },
  hatch: { color: "#0b5cad", tint: "#dbe8f7" },
  dots: { color: "#9a4d00", tint: "#fbe7cf" },
  cross: { color: "#b3261e", tint: "#f9dedc" },
  grey: { color: "#595959", tint: "#ececec" },
  empty: { color: "#595959", tint: "#ffffff" },
};

export type Segment = { index: number; value: number; x: number; width: number };

/** Lays `values` end to end from `x0`, `scale` being the value that fills `width`. */
export function stack(values: readonly number[], scale: number, width: number, x0 = 0): Segment[] {
  const segments: Segment[] = [];
  let x = x0;
  values.forEach((raw, index) => {
    const value = Number.isFinite(raw) ? Math.max(0, raw) : 0;
    const w = scale > 0 ? Math.min((value / scale) * width, x0 + width - x) : 0;
    segments.push({ index, value, x, width: Math.max(0, w) });
    x += Math.max(0, w);
  });
  return segments;
}

/** The value that a full bar stands for: the largest row total (or sum, when a row runs over). */
export function sharedScale(rows: readonly { values: readonly number[]; total?: number | undefined }[]): number {
  return rows.reduce((max, r) => Math.max(max, r.total ?? 0, sum(r.values)), 0);
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + (Number.isFinite(b) ? Math.max(0, b) : 0), 0);
}

/** A round top for a column chart's axis, and its whole-number ticks (at most five steps). */
export function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const step = Math.max(1, Math.ceil(max / 5));
  const top = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = 0; v <= top; v += step) out.push(v);
  return out;
}

/** A label cut to `max` characters with an ellipsis (the table has it whole). */
export function clip(label: string, max: number): string {
  const chars = [...label];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : label;
}
