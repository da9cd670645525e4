import { describe, expect, it } from "vitest";
import { backupFolder, formatLocalDateTime, formatSize } from "./backups";

describe("formatSize", () => {
  it("shows whole kilobytes", () => {
    expect(formatSize(2048, "nb")).toBe("2\u00a0KB");
    expect(formatSize(1536, "nb")).toBe("2\u00a0KB");
    expect(formatSize(1400, "en")).toBe("1\u00a0KB");
  });
  it("never shows a real file as 0 KB", () => {
    expect(formatSize(1, "nb")).toBe("1\u00a0KB");
    expect(formatSize(0, "nb")).toBe("0\u00a0KB");
  });
  it("groups thousands the way the language does", () => {
    expect(formatSize(1234 * 1024, "nb")).toBe("1\u00a0234\u00a0KB");
    expect(formatSize(1234 * 1024, "nn")).toBe("1\u00a0234\u00a0KB");
    expect(formatSize(1234567 * 1024, "en")).toBe("1,234,567\u00a0KB");
  });
  it("takes the bigint the binding promises as well as the number Tauri sends", () => {
    expect(formatSize(BigInt(10240), "nb")).toBe("10\u00a0KB");
  });
});

describe("formatLocalDateTime", () => {
  it("shows the instant on the local clock as dd.mm.åååå kl. hh:mm", () => {
    const local = new Date(2026, 10, 2, 8, 5, 30); // 02.11.2026 08:05:30 here
    expect(formatLocalDateTime(local.toISOString())).toBe("02.11.2026 kl. 08:05");
    expect(formatLocalDateTime(local.toISOString(), "at")).toBe("02.11.2026 at 08:05");
  });
  it("reads UTC with Z and with an offset", () => {
    const a = formatLocalDateTime("2026-11-22T17:05:00Z");
    const b = formatLocalDateTime("2026-11-22T18:05:00+01:00");
    expect(a).toBe(b);
    expect(a).toMatch(/^\d{2}\.\d{2}\.\d{4} kl\. \d{2}:\d{2}$/);
  });
  it("leaves anything else unchanged", () => {
    expect(formatLocalDateTime("i går")).toBe("i går");
    expect(formatLocalDateTime("2026-13-45T99:99:00Z")).toBe("2026-13-45T99:99:00Z");
  });
});

describe("backupFolder", () => {
  it("is <stem>-backups beside the database", () => {
    expect(backupFolder("/home/kari/.local/share/grendebok/grendebok.sqlite3")).toBe("/home/kari/.local/share/grendebok/grendebok-backups");
    expect(backupFolder("C:\\Users\\Kari\\AppData\\Grendebok\\utvalg.db")).toBe("C:\\Users\\Kari\\AppData\\Grendebok\\utvalg-backups");
    expect(backupFolder("data")).toBe("data-backups");
  });
});
