// DEV ONLY: the duty and overview commands of the in-memory fake backend.
// Mirrors the Rust rules roughly: default due dates, evidence looked up on
// every read (a held meeting of the kind, an exported annual report, a scheme
// fully decided and reported), waivers that need a reason, due soon within
// 30 days. Messages are bokmål only.
import type { ErrorCode } from "../bindings/ErrorCode";
import type { Backend } from "../backend";
import type { Council } from "../bindings/Council";
import type { CouncilOverview } from "../bindings/CouncilOverview";
import type { Duty } from "../bindings/Duty";
import type { DutyKind } from "../bindings/DutyKind";
import type { DutyStatus } from "../bindings/DutyStatus";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { Evidence } from "../bindings/Evidence";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingBrief } from "../bindings/MeetingBrief";
import type { MeetingKind } from "../bindings/MeetingKind";
import type { Settings } from "../bindings/Settings";
import type { Step } from "../bindings/Step";
import { formatDate } from "../lib/dates";
import { DUTY_KINDS } from "../lib/labels";
import type { MeetingState } from "./fakeMeetings";
import type { GrantState } from "./fakeGrants";

/** What was edited for one duty; a duty without a row has its defaults. */
export type FakeDutyEdit = {
  councilId: string;
  year: number;
  kind: DutyKind;
  due: string | null;
  waivedReason: string | null;
  waived: Step | null;
};

export type DutyState = {
  edits: FakeDutyEdit[];
  /** Exported annual reports: the årsmelding duty of that year is then fulfilled. */
  reports: { id: string; councilId: string; year: number; at: string }[];
};

type Host = {
  settings: () => Settings;
  councils: () => Council[];
  meetings: () => MeetingState;
  grants: () => GrantState;
  seats: (councilId: string) => { filled: number; planned: number };
  wait: <T>(value: () => T) => Promise<T>;
  newId: () => string;
  today: string;
};

const DUE_SOON_DAYS = 30;
const KIND_NB: Record<MeetingKind, string> = {
  ordinary: "Ordinært møte",
  extraordinary: "Ekstraordinært møte",
  joint: "Fellesmøte med kommunen",
  open: "Åpent møte for innbyggerne",
};

const err = (code: ErrorCode, message: string, fields: { field: string; message: string }[] = []): ErrorReport => ({ code, message, fields });

export function defaultDue(kind: DutyKind, year: number): string {
  switch (kind) {
    case "open_meeting":
      return `${year}-06-30`;
    case "joint_meeting":
      return `${year}-11-30`;
    case "grant_report":
      return `${year + 1}-01-31`;
    case "annual_report":
      return `${year + 1}-03-01`;
  }
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

export function dutyStatus(due: string, fulfilled: boolean, waived: boolean, applicable: boolean, today: string): DutyStatus {
  if (fulfilled) return "fulfilled";
  if (waived) return "waived";
  if (!applicable) return "not_applicable";
  if (today > due) return "overdue";
  return days(today, due) <= DUE_SOON_DAYS ? "due_soon" : "open";
}

export const emptyDuties = (): DutyState => ({ edits: [], reports: [] });

export function dutyMethods(state: DutyState, host: Host) {
  const council = (id: string) => {
    const c = host.councils().find((x) => x.id === id);
    if (!c) throw err("not_found", "Fant ikke utvalget.");
    return c;
  };
  const heldMeeting = (councilId: string, year: number, kind: MeetingKind): Meeting | undefined =>
    host
      .meetings()
      .meetings.filter((m) => m.councilId === councilId && m.kind === kind && (m.status === "held" || m.status === "approved") && m.date.startsWith(`${year}-`))
      .sort((a, b) => a.date.localeCompare(b.date))[0];

  const evidence = (c: Council, year: number, kind: DutyKind): [boolean, Evidence | null] => {
    if (kind === "joint_meeting" || kind === "open_meeting") {
      const m = heldMeeting(c.id, year, kind === "joint_meeting" ? "joint" : "open");
      return [true, m ? { kind: "meeting", id: m.id, label: `${KIND_NB[m.kind]} ${formatDate(m.date)}`, date: m.date } : null];
    }
    if (kind === "annual_report") {
      const r = state.reports.find((x) => x.councilId === c.id && x.year === year);
      return [true, r ? { kind: "annual_report", id: r.id, label: `Årsmelding ${year} eksportert`, date: r.at.slice(0, 10) } : null];
    }
    const g = host.grants();
    const scheme = g.schemes.filter((s) => s.councilId === c.id && s.year === year).sort((a, b) => a.id.localeCompare(b.id))[0];
    if (!scheme) return [false, null];
    const apps = g.applications.filter((a) => g.schemes.some((s) => s.id === a.schemeId && s.councilId === c.id && s.year === year));
    const open = apps.filter(
      (a) => (a.decision === null && a.withdrawn === null) || ((a.decision?.grantedOre ?? 0) > 0 && !a.report?.accepted),
    ).length;
    const last = apps.map((a) => a.report?.received ?? "").sort().pop() || null;
    return [true, open === 0 ? { kind: "scheme", id: scheme.id, label: `Alle tilskudd i «${scheme.name}» er avgjort og rapportert`, date: last } : null];
  };

  const duties = (c: Council, year: number): Duty[] =>
    DUTY_KINDS.map((kind) => {
      const edit = state.edits.find((e) => e.councilId === c.id && e.year === year && e.kind === kind);
      const due = edit?.due ?? defaultDue(kind, year);
      const [applicable, ev] = evidence(c, year, kind);
      const waivedReason = edit?.waivedReason ?? null;
      return {
        councilId: c.id,
        councilName: c.name,
        year,
        kind,
        due,
        defaultDue: !edit?.due,
        status: dutyStatus(due, ev !== null, waivedReason !== null, applicable, host.today),
        daysLeft: days(host.today, due),
        evidence: ev,
        waivedReason,
        waived: edit?.waived ?? null,
        beforeCouncil: false,
      };
    });

  const brief = (m: Meeting): MeetingBrief => ({
    id: m.id,
    councilId: m.councilId,
    councilName: council(m.councilId).name,
    kind: m.kind,
    status: m.status,
    date: m.date,
    startsAt: m.startsAt,
    place: m.place,
  });

  const line = (c: Council, year: number): CouncilOverview => {
    const mine = host.meetings().meetings.filter((m) => m.councilId === c.id);
    const next = mine
      .filter((m) => m.date >= host.today && (m.status === "planned" || m.status === "notice_sent"))
      .sort((a, b) => a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt))[0];
    const last = mine
      .filter((m) => m.status === "approved" && m.date <= host.today)
      .sort((a, b) => b.date.localeCompare(a.date) || b.startsAt.localeCompare(a.startsAt))[0];
    const ds = duties(c, year);
    const count = (s: DutyStatus) => ds.filter((d) => d.status === s).length;
    const g = host.grants();
    const schemes = g.schemes.filter((s) => s.councilId === c.id && s.year === year);
    const apps = g.applications.filter((a) => !a.withdrawn && schemes.some((s) => s.id === a.schemeId));
    const budgetOre = schemes.reduce((x, s) => x + s.budgetOre, 0);
    const grantedOre = apps.reduce((x, a) => x + (a.decision?.grantedOre ?? 0), 0);
    const paidOre = apps.reduce((x, a) => x + a.payouts.reduce((y, p) => y + p.amountOre, 0), 0);
    const seats = host.seats(c.id);
    return {
      councilId: c.id,
      name: c.name,
      kind: c.kind,
      area: c.area,
      seatsFilled: seats.filled,
      seatsPlanned: seats.planned,
      nextMeeting: next ? brief(next) : null,
      lastApproved: last ? brief(last) : null,
      dutiesOverdue: count("overdue"),
      daysOverdue: Math.max(0, ...ds.filter((d) => d.status === "overdue").map((d) => -d.daysLeft)),
      dutiesDueSoon: count("due_soon"),
      dutiesFulfilled: count("fulfilled"),
      duties: ds,
      budgetOre,
      grantedOre,
      paidOre,
      leftOre: budgetOre - grantedOre,
    };
  };

  const checkYear = (year: number) => {
    if (!(year >= 1900 && year <= 2200)) throw err("invalid", "Året er utenfor det Grendebok godtar.", [{ field: "year", message: "Året er utenfor det Grendebok godtar." }]);
  };

  const methods: Pick<Backend, "getOverview" | "listDuties" | "editDuty" | "exportAnnualReport" | "exportCalendar"> = {
    getOverview: (year) =>
      host.wait(() => {
        checkYear(year);
        const councils = [...host.councils()].sort((a, b) => a.name.localeCompare(b.name, "nb"));
        const meetings = host
          .meetings()
          .meetings.filter((m) => m.date.startsWith(`${year}-`))
          .map(brief)
          .sort((a, b) => a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt) || a.councilName.localeCompare(b.councilName, "nb"));
        return { year, today: host.today, councils: councils.map((c) => line(c, year)), meetings };
      }),
    listDuties: (councilId, year) =>
      host.wait(() => {
        checkYear(year);
        return duties(council(councilId), year);
      }),
    editDuty: (councilId, year, kind, edit) =>
      host.wait(() => {
        checkYear(year);
        const c = council(councilId);
        let row = state.edits.find((e) => e.councilId === councilId && e.year === year && e.kind === kind);
        if (edit.action === "waive" && edit.reason.trim() === "")
          throw err("invalid", "Skriv hvorfor plikten er fritatt. Begrunnelsen vises for kommunen.", [
            { field: "reason", message: "Skriv hvorfor plikten er fritatt. Begrunnelsen vises for kommunen." },
          ]);
        if (!row) {
          row = { councilId, year, kind, due: null, waivedReason: null, waived: null };
          state.edits.push(row);
        }
        if (edit.action === "setDue") row.due = edit.due;
        else if (edit.action === "waive") {
          row.waivedReason = edit.reason.trim();
          row.waived = { at: new Date().toISOString().slice(0, 19), by: host.settings().userName ?? "" };
        } else {
          row.waivedReason = null;
          row.waived = null;
        }
        return duties(c, year);
      }),
    exportAnnualReport: (councilId, year) =>
      host.wait(() => {
        const c = council(councilId);
        state.reports.push({ id: host.newId(), councilId, year, at: `${host.today}T12:00:00Z` });
        const slug = c.name.toLowerCase().replace(/[^a-zæøå0-9]+/g, "-");
        const path = `/home/kari/Dokumenter/arsmelding-${year}-${slug}.pdf`;
        return {
          path,
          message: `Årsmeldingen er lagret i Dokumenter som «arsmelding-${year}-${slug}.pdf».`,
          details: "Sjekksum (SHA-256) for filen: 5e2d8b1a7c4f0e3d6a9b2c5f8e1d4a7b0c3f6e9d2a5b8c1f4e7d0a3b6c9f2e5d. Kontrollnummer i bunnteksten: 5e2d8b1a7c4f.",
        };
      }),
    exportCalendar: (year, councilId) =>
      host.wait(() => {
        const councils = host.councils().filter((c) => councilId === null || c.id === councilId);
        const meetings = host.meetings().meetings.filter((m) => m.date.startsWith(`${year}-`) && councils.some((c) => c.id === m.councilId)).length;
        const owed = councils.flatMap((c) => duties(c, year)).filter((d) => d.status !== "fulfilled" && d.status !== "waived" && d.status !== "not_applicable").length;
        const path = `/home/kari/Dokumenter/Grendebok ${year}.ics`;
        return { path, message: `Kalenderen med ${meetings} møter og ${owed} frister er lagret i Dokumenter som «Grendebok ${year}.ics».`, details: "" };
      }),
  };
  return methods;
}

/** Lyngvik held no open meeting this year, and says why. */
export function demoDuties(): DutyState {
  return {
    edits: [
      {
        councilId: "c-lyngvik",
        year: 2026,
        kind: "open_meeting",
        due: null,
        waivedReason: "Grendelaget held ope møte for heile bygda i mai; utvalet var med der.",
        waived: { at: "2026-05-20T10:00:00", by: "Nils Vik" },
      },
    ],
    reports: [],
  };
}
