import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime, parseTime, readTimeField } from "./times";

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

describe("formatTime", () => {
  it("drops the seconds Rust sends", () => {
    expect(formatTime("18:00:00")).toBe("18:00");
    expect(formatTime("07:30")).toBe("07:30");
    expect(formatTime(null)).toBe("");
  });
  it("round-trips with parseTime", () => {
    expect(parseTime(formatTime("21:45:00"))).toBe("21:45");
  });
});

describe("readTimeField", () => {
  it("allows empty only when optional", () => {
    expect(readTimeField("", true)).toEqual({ ok: true, time: null });
    expect(readTimeField(" ", false)).toEqual({ ok: false, reason: "required" });
    expect(readTimeField("25", true)).toEqual({ ok: false, reason: "invalid" });
    expect(readTimeField("1830", false)).toEqual({ ok: true, time: "18:30" });
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
