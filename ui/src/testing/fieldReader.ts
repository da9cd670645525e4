// What every reader of a typed text field (a date, a time of day) must do,
// as one set of tests each reader's test file runs with its own values.
import { describe, expect, it } from "vitest";

/**
 * The formatter and the field reader of one kind of value: the formatter
 * writes what the backend sent for the field (nothing for `null`) and the
 * parser reads it back; the reader takes an empty field only when the field
 * is optional; `cases` are what it answers for other texts.
 */
export function describeFieldReader<V>(c: {
  format: (value: V | null) => string;
  parse: (text: string) => V | null;
  read: (text: string, optional: boolean) => object;
  /** What the backend sent, what the field shows, and what the parser reads from it. */
  formats: { from: V; shows: string }[];
  roundTrip: { from: V; reads: V };
  /** What the reader answers for an empty optional field. */
  empty: object;
  /** Texts typed in an optional field or a required one, and what the reader answers. */
  cases: { text: string; optional: boolean; answer: object }[];
}) {
  describe("the formatter", () => {
    it("writes what the backend sent as the field shows it, and nothing for none", () => {
      for (const { from, shows } of c.formats) expect(c.format(from)).toBe(shows);
      expect(c.format(null)).toBe("");
    });
    it("round-trips with the parser", () => {
      expect(c.parse(c.format(c.roundTrip.from))).toBe(c.roundTrip.reads);
    });
  });

  describe("the field reader", () => {
    it("allows empty only when optional", () => {
      expect(c.read("", true)).toEqual(c.empty);
      expect(c.read("  ", false)).toEqual({ ok: false, reason: "required" });
      for (const { text, optional, answer } of c.cases) expect(c.read(text, optional), text).toEqual(answer);
    });
  });
}
