import { describe, expect, it } from "vitest";
import { catalogues, fill, translate } from "./translate";
import {
  ATTENDANCE_STATUSES,
  BACKUP_KINDS,
  COUNCIL_KINDS,
  DOCUMENT_KINDS,
  DUTY_STATUSES,
  GENDERS,
  ITEM_KINDS,
  LANGS,
  LEGAL_MODES,
  MALFORMS,
  MEETING_STATUSES,
  ROLES,
} from "../lib/labels";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  const nbKeys = Object.keys(catalogues.nb).sort();
  for (const lang of LANGS) {
    it(`${lang} has exactly the keys of nb, with the same placeholders and no empty text`, () => {
      const cat = catalogues[lang];
      expect(Object.keys(cat).sort()).toEqual(nbKeys);
      for (const key of nbKeys) {
        expect(cat[key]!.trim(), key).not.toBe("");
        expect(placeholders(cat[key]!), key).toEqual(placeholders(catalogues.nb[key]!));
      }
    });
  }
  it("has a label for every enum code", () => {
    const keys = [
      ...COUNCIL_KINDS.map((k) => `kind.${k}`),
      ...ROLES.map((r) => `role.${r}`),
      ...MALFORMS.map((m) => `malform.${m}`),
      ...LEGAL_MODES.map((m) => `legalMode.${m}`),
      ...GENDERS.map((g) => `gender.${g}`),
      "gender.unknown",
      ...LANGS.map((l) => `lang.${l}`),
      ...MEETING_STATUSES.map((s) => `meetingStatus.${s}`),
      ...ITEM_KINDS.map((k) => `itemKind.${k}`),
      ...ATTENDANCE_STATUSES.map((s) => `attendance.${s}`),
      ...ATTENDANCE_STATUSES.map((s) => `confirm.attendance.${s}`),
      ...DOCUMENT_KINDS.map((k) => `documentKind.${k}`),
      ...BACKUP_KINDS.map((k) => `backupKind.${k}`),
      ...DUTY_STATUSES.map((s) => `dutyStatus.${s}`),
    ];
    for (const key of keys) expect(catalogues.nb, key).toHaveProperty([key]);
  });
  it("nynorsk is not a copy of bokmål", () => {
    const same = Object.keys(catalogues.nb).filter((k) => catalogues.nb[k] === catalogues.nn[k]);
    expect(same.length).toBeLessThan(Object.keys(catalogues.nb).length / 2);
  });
});

describe("translate", () => {
  it("says one of a thing in the singular, in every language", () => {
    expect(translate("nb", "importApplications.read", { count: 1 })).toBe("Les inn 1 søknad");
    expect(translate("nb", "importApplications.read", { count: 3 })).toBe("Les inn 3 søknader");
    expect(translate("nn", "list.warnings", { count: 1 })).toBe("1 varsel");
    expect(translate("en", "search.count", { count: 1 })).toBe("1 hit");
    expect(translate("en", "search.count", { count: 21 })).toBe("21 hits");
  });

  it("looks up the key in the language", () => {
    expect(translate("nb", "legalMode.formal")).toBe("Kommunalt organ etter kommuneloven");
    expect(translate("nn", "role.leder")).toBe("Leiar");
    expect(translate("en", "role.sekretaer")).toBe("Secretary");
  });
  it("fills placeholders", () => {
    expect(translate("nb", "list.seats", { filled: 5, planned: 6 })).toBe("5 av 6");
    expect(fill("Hei {name}, {name}!", { name: "Kari" })).toBe("Hei Kari, Kari!");
    expect(fill("{missing}", {})).toBe("{missing}");
  });
  it("falls back to the key itself", () => {
    expect(translate("en", "no.such.key")).toBe("no.such.key");
  });
  it("treats parameters as plain text", () => {
    expect(translate("nb", "header.user", { name: "<script>alert(1)</script>" })).toBe("Bruker: <script>alert(1)</script>");
  });
});
