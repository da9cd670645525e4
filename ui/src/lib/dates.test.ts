import { translator } from "../i18n/translate";
import { describe, expect, it } from "vitest";
import { dateFault, dateInput, dateWords, formatDate, parseDate, readDateField, todayIso } from "./dates";
import { describeFieldReader } from "../testing/fieldReader";

describe("parseDate", () => {
  it("reads dd.mm.åååå", () => {
    expect(parseDate("22.11.2026")).toBe("2026-11-22");
    expect(parseDate(" 1.2.2026 ")).toBe("2026-02-01");
  });
  it("accepts other separators and two-digit years", () => {
    expect(parseDate("22/11/2026")).toBe("2026-11-22");
    expect(parseDate("22-11-26")).toBe("2026-11-22");
  });
  it("rejects dates that do not exist", () => {
    expect(parseDate("31.02.2026")).toBeNull();
    expect(parseDate("29.02.2026")).toBeNull();
    expect(parseDate("29.02.2028")).toBe("2028-02-29");
    expect(parseDate("00.01.2026")).toBeNull();
    expect(parseDate("12.13.2026")).toBeNull();
  });
  it("rejects what is not a date", () => {
    expect(parseDate("")).toBeNull();
    expect(parseDate("2026-11-22")).toBeNull();
    expect(parseDate("i morgen")).toBeNull();
  });
});

describe("formatDate and readDateField", () => {
  // ISO dates the Norwegian way.
  describeFieldReader({
    format: formatDate,
    parse: parseDate,
    read: readDateField,
    formats: [{ from: "2026-03-12", shows: "12.03.2026" }],
    roundTrip: { from: "2027-12-31", reads: "2027-12-31" },
    empty: { ok: true, iso: null },
    cases: [
      { text: "32.01.2026", optional: true, answer: { ok: false, reason: "no_such_day", day: 32, month: 1 } },
      { text: "1.13.2026", optional: true, answer: { ok: false, reason: "invalid" } },
    ],
  });
});

describe("readDateField", () => {
  it("names the day that does not exist rather than asking for the format again", () => {
    const words = dateWords(translator("nb"));
    const fault = readDateField("31.02.2026", false);
    expect(fault.ok).toBe(false);
    if (!fault.ok) expect(dateFault(fault, words)).toBe("31. februar finnes ikke. Sjekk dagen og måneden.");
    const format = readDateField("31/2", false);
    if (!format.ok) expect(dateFault(format, words)).toBe(words.invalidDate);
    expect(readDateField("29.02.2028", false)).toEqual({ ok: true, iso: "2028-02-29" });
  });
});

it("dateInput reads a form's date field into its day, or its fault under the field's id", () => {
  const words = dateWords(translator("nb"));
  expect(dateInput("1.2.2026", false, "end-date", words)).toEqual({ ok: true, input: "2026-02-01" });
  expect(dateInput("", true, "end-date", words)).toEqual({ ok: true, input: null });
  expect(dateInput("", false, "end-date", words)).toEqual({ ok: false, errors: { "end-date": words.requiredDate } });
  expect(dateInput("31.02.2026", false, "end-date", words)).toEqual({ ok: false, errors: { "end-date": "31. februar finnes ikke. Sjekk dagen og måneden." } });
});

it("todayIso uses the local calendar day", () => {
  expect(todayIso(new Date(2026, 10, 22, 23, 59))).toBe("2026-11-22");
});
