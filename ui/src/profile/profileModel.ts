// The profile editor's form state: the profile's lists as rows with a
// stable id each, and the ids of their inputs by the field names core uses
// in its faults (`duties[2].dueDate`). No rule of the profile lives here:
// core checks the whole profile when it is saved.
import type { KommuneProfile } from "../bindings/KommuneProfile";
import type { ProfileDuty } from "../bindings/ProfileDuty";
import type { ProfileEntry } from "../bindings/ProfileEntry";
import type { ProfileEvidenceKind } from "../bindings/ProfileEvidenceKind";

/** An entry of a list as the form holds it; `locked`: saved before, so its key no longer changes. */
export type Row<T> = { uid: number; locked: boolean; value: T };

export type Section = "seatCategories" | "duties" | "meetingKinds";

export type Draft = {
  kommune: string;
  issuedAt: string;
  seatCategories: Row<ProfileEntry>[];
  duties: Row<ProfileDuty>[];
  meetingKinds: Row<ProfileEntry>[];
};

export const EVIDENCE_KINDS: readonly ProfileEvidenceKind[] = [
  "meetingOfKind",
  "annualReportExported",
  "grantsDecidedAndReported",
  "noticePublishedBeforeMeeting",
  "manual",
];

export const LANG_PARTS = ["nb", "nn", "en"] as const;

let next = 0;
const row = <T>(value: T, locked: boolean): Row<T> => ({ uid: ++next, locked, value });

export function toDraft(p: KommuneProfile): Draft {
  return {
    kommune: p.kommune,
    issuedAt: p.issuedAt,
    seatCategories: p.seatCategories.map((e) => row(e, true)),
    duties: p.duties.map((d) => row(d, true)),
    meetingKinds: p.meetingKinds.map((e) => row(e, true)),
  };
}

export function toProfile(d: Draft): KommuneProfile {
  return {
    kommune: d.kommune,
    issuedAt: d.issuedAt,
    seatCategories: d.seatCategories.map((r) => r.value),
    duties: d.duties.map((r) => r.value),
    meetingKinds: d.meetingKinds.map((r) => r.value),
  };
}

export const blankEntry = (): Row<ProfileEntry> => row({ key: "", names: { nb: "", nn: "", en: "" } }, false);

export const blankDuty = (): Row<ProfileDuty> =>
  row({ key: "", names: { nb: "", nn: "", en: "" }, dueDate: { month: 12, day: 31, nextYear: false }, evidence: { kind: "manual" } }, false);

/** `list` with the entry at `i` moved by `by` (−1 up, +1 down); unchanged at the ends. */
export function moved<T>(list: T[], i: number, by: number): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** The id of an input: `profile-duties-2-dueDate`. */
export function inputId(section: Section, i: number, part: string): string {
  return `profile-${section}-${i}-${part}`;
}

/**
 * Every field core may name in a fault, with the id of its input, in the
 * order the form shows them (the first fault gets the focus).
 */
export function fieldIds(d: Draft): { order: string[]; map: Record<string, string> } {
  const map: Record<string, string> = { kommune: "profile-kommune" };
  const order = ["profile-kommune"];
  const add = (field: string, id: string) => {
    map[field] = id;
    order.push(id);
  };
  for (const section of ["seatCategories", "duties", "meetingKinds"] as const) {
    add(section, `profile-${section}`);
    d[section].forEach((_, i) => {
      add(`${section}[${i}].key`, inputId(section, i, "key"));
      for (const l of LANG_PARTS) add(`${section}[${i}].names.${l}`, inputId(section, i, `name-${l}`));
      if (section === "duties") {
        add(`duties[${i}].dueDate`, inputId(section, i, "day"));
        add(`duties[${i}].evidence.kind`, inputId(section, i, "evidence"));
        add(`duties[${i}].evidence.meetingKind`, inputId(section, i, "meeting-kind"));
      }
    });
  }
  return { order, map };
}
