import { describe, expect, it } from "vitest";
import { createFakeBackend, demoState } from "./fakeBackend";
import type { ErrorReport } from "../bindings/ErrorReport";

const fresh = () => createFakeBackend(demoState({ userName: "Kari", language: "nb" }), { today: "2026-11-22" });
const report: ErrorReport = { code: "damaged", message: "Databasefilen er skadet.", fields: [] };

describe("fake backups", () => {
  it("answers get_startup while the file cannot be opened, and nothing else", async () => {
    const backend = fresh();
    backend.state.files.error = report;
    const startup = await backend.getStartup();
    expect(startup.error).toEqual(report);
    expect(startup.backups.length).toBeGreaterThan(0);
    await expect(backend.getSettings()).rejects.toEqual(report);
    await expect(backend.backupNow()).rejects.toEqual(report);
  });
  it("restores a listed backup and opens the file again", async () => {
    const backend = fresh();
    backend.state.files.error = report;
    const name = backend.state.files.backups[1]!.fileName;
    const startup = await backend.restoreBackup(name);
    expect(startup.error).toBeNull();
    await expect(backend.getSettings()).resolves.toMatchObject({ userName: "Kari" });
  });
  it("refuses an unknown or damaged backup and changes nothing", async () => {
    const backend = fresh();
    backend.state.files.error = report;
    await expect(backend.restoreBackup("backup-x.sqlite3")).rejects.toMatchObject({ code: "invalid" });
    backend.state.files.damaged = [backend.state.files.backups[0]!.fileName];
    await expect(backend.restoreBackup(backend.state.files.backups[0]!.fileName)).rejects.toMatchObject({ code: "backup_damaged" });
    expect(backend.state.files.error).toEqual(report);
  });
  it("puts a manual backup first", async () => {
    const backend = fresh();
    const info = await backend.backupNow();
    expect(info.kind).toBe("manual");
    expect(info.fileName).toMatch(/^backup-000010-20261122-\d{6}\.\d{3}-manual\.sqlite3$/);
    expect((await backend.getStartup()).backups[0]!.fileName).toBe(info.fileName);
  });
});
