import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime, parseTime, readTimeField } from "./times";
import { describeFieldReader } from "../testing/fieldReader";

describe("parseTime", () => {
  it("reads the ways people type a time", () => {
    for (const text of ["18:00", "18.00", "1800", "18", " 18,00 ", "18 00", "kl. 18.00", "18:00:00"])
      expect(parseTime(text), text).toBe("18:00");
    expect(parseTime("9.30")).toBe("09:30");
    expect(parseTime("930")).toBe("09:30");
    expect(parseTime("0:05")).toBe("00:05");
  });
  it("rejects what is not a time of day", () => {
    for (const text of ["", "24:00", "18:60", "18:5", "12345", "i kveld", "18-00-00"]) expect(parseTime(text), text).toBeNull();
  });
});

describe("formatTime and readTimeField", () => {
  // formatTime drops the seconds Rust sends.
  describeFieldReader({
    format: formatTime,
    parse: parseTime,
    read: readTimeField,
    formats: [
      { from: "18:00:00", shows: "18:00" },
      { from: "07:30", shows: "07:30" },
    ],
    roundTrip: { from: "21:45:00", reads: "21:45" },
    empty: { ok: true, time: null },
    cases: [
      { text: " ", optional: false, answer: { ok: false, reason: "required" } },
      { text: "25", optional: true, answer: { ok: false, reason: "invalid" } },
      { text: "1830", optional: false, answer: { ok: true, time: "18:30" } },
    ],
  });
});

describe("formatDateTime", () => {
  it("shows a timestamp the Norwegian way", () => {
    expect(formatDateTime("2026-11-22T18:30:05.123")).toBe("22.11.2026 kl. 18:30");
    expect(formatDateTime("2026-11-22 07:05:00", "at")).toBe("22.11.2026 at 07:05");
  });
  it("shows an instant stored in UTC on the person's own clock, not in UTC", () => {
    const zone = process.env.TZ;
    process.env.TZ = "Europe/Oslo"; // a secretary's laptop in Norway
    try {
      expect(formatDateTime("2026-12-04T08:30:00.000Z")).toBe("04.12.2026 kl. 09:30");
      expect(formatDateTime("2026-06-04T08:30:00.000Z", "at")).toBe("04.06.2026 at 10:30");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(formatDateTime("i går")).toBe("i går");
  });
});
