// DEV ONLY: an in-memory stand-in for the Tauri backend, for the screenshot
// build (src/dev/shots-main.tsx) and for tests. Never imported by src/main.tsx,
// so it is not part of the production bundle. Messages are bokmål only.
import type { ApplicationsPreview } from "../bindings/ApplicationsPreview";
import type { Backend } from "../backend";
import type { Council } from "../bindings/Council";
import type { CouncilInput } from "../bindings/CouncilInput";
import type { CouncilDetail } from "../bindings/CouncilDetail";
import type { CouncilSummary } from "../bindings/CouncilSummary";
import type { Composition } from "../bindings/Composition";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { SavedFile } from "../bindings/SavedFile";
import type { FieldMessage } from "../bindings/FieldMessage";
import type { Membership } from "../bindings/Membership";
import type { Notice } from "../bindings/Notice";
import type { Person } from "../bindings/Person";
import type { PersonInput } from "../bindings/PersonInput";
import type { Settings } from "../bindings/Settings";
import type { BackupInfo } from "../bindings/BackupInfo";
import type { BackupKind } from "../bindings/BackupKind";
import type { Startup } from "../bindings/Startup";
import { CATEGORIES } from "../lib/labels";
import { formatDate, todayIso } from "../lib/dates";
import { backupFolder } from "../lib/backups";
import { demoMeetings, meetingMethods, type MeetingState } from "./fakeMeetings";
import { demoGrants, emptyGrants, grantMethods, type GrantState } from "./fakeGrants";
import { demoDuties, dutyMethods, emptyDuties, type DutyState } from "./fakeDuties";
import { searchMethods } from "./fakeSearch";
import { statsMethods } from "./fakeStats";
import { emptyHandover, handoverMethods, type HandoverState } from "./fakeHandover";

export type FakeState = {
  settings: Settings;
  councils: Council[];
  people: Person[];
  memberships: Membership[];
  meetings: MeetingState;
  /** Absent: no grants (older callers build a FakeState without them). */
  grants?: GrantState;
  /** Absent: no duty edits or annual reports. */
  duties?: DutyState;
  /** Absent: the open dialog picks the Kvelde package; nothing handed over yet. */
  handover?: HandoverState;
  files: FakeFiles;
  /** What "Åpne PDF" / "Åpne mappen" asked to open. */
  opened?: { path: string; folder: boolean }[];
};

/** The database file and its backups, as get_startup reports them. */
export type FakeFiles = {
  dbPath: string;
  /** Set: the database "could not be opened"; every command but the backup ones rejects with it. */
  error: ErrorReport | null;
  /** The database "is open read-only": get_startup says so (the fake still saves). */
  readOnly: boolean;
  /** Newest first (by sequence). */
  backups: BackupInfo[];
  /** What get_startup says about a clock that looks wrong, if anything. */
  clockWarning?: string | null;
  /** File names whose restore fails as damaged. */
  damaged: string[];
};

const KIND_TAG: Record<BackupKind, string> = { auto: "auto", manual: "manual", pre_migration: "premigration" };

/** A backup as the core names it: backup-000042-20261122-075800.000-auto.sqlite3. */
export function fakeBackup(dbPath: string, sequence: number, takenAt: string, kind: BackupKind, size: number): BackupInfo {
  const stamp = takenAt.replace(/[-:]/g, "").replace("T", "-").replace(/Z$/, "");
  const seq = String(sequence).padStart(6, "0");
  const fileName = `backup-${seq}-${stamp.includes(".") ? stamp : `${stamp}.000`}-${KIND_TAG[kind]}.sqlite3`;
  return { fileName, path: `${backupFolder(dbPath)}/${fileName}`, kind, sequence, takenAt, size: BigInt(size) };
}

export const FAKE_DB_PATH = "/home/kari/.local/share/no.grendebok.app/grendebok.sqlite3";

/** A week of daily backups, two weekly ones, one manual, one from before an upgrade. */
export function demoFiles(dbPath = FAKE_DB_PATH): FakeFiles {
  let sequence = 9;
  const b = (at: string, kind: BackupKind, size: number) => fakeBackup(dbPath, sequence--, at, kind, size);
  return {
    dbPath,
    error: null,
    readOnly: false,
    backups: [
      b("2026-11-22T07:58:12.431Z", "auto", 286_720),
      b("2026-11-21T08:02:40.118Z", "auto", 282_624),
      b("2026-11-20T18:41:03.902Z", "manual", 282_624),
      b("2026-11-20T07:55:31.007Z", "auto", 278_528),
      b("2026-11-19T08:10:09.560Z", "auto", 274_432),
      b("2026-11-15T09:12:44.250Z", "auto", 262_144),
      b("2026-11-08T10:01:18.733Z", "auto", 245_760),
      b("2026-10-15T16:20:00.000Z", "pre_migration", 1_331_200),
    ],
    damaged: [],
  };
}

const CATEGORY_NB: Record<string, string> = {
  senior: "Senior",
  school: "Barnehage og skole",
  sports: "Idrett",
  business: "Næringsliv",
  volunteer: "Frivillighet",
};

let counter = 0;
const newId = () => `fake-${++counter}`;

function invalid(fields: FieldMessage[]): ErrorReport {
  return {
    code: "invalid",
    message: fields.length === 1 ? fields[0]!.message : "Noe må rettes.",
    fields,
  };
}

function checkCouncil(input: CouncilInput): FieldMessage[] {
  const f: FieldMessage[] = [];
  if (input.name.trim() === "") f.push({ field: "name", message: "Utvalget må ha et navn." });
  if (input.contactEmail.trim() !== "" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.contactEmail))
    f.push({ field: "contactEmail", message: "E-postadressen ser ikke riktig ut." });
  for (const c of CATEGORIES)
    if (input.seatPlan[c] < 0) f.push({ field: `seatPlan.${c}`, message: "Antall plasser kan ikke være negativt." });
  return f;
}

function checkPerson(p: PersonInput): FieldMessage[] {
  const f: FieldMessage[] = [];
  if (p.name.trim() === "") f.push({ field: "person.name", message: "Personen må ha et navn." });
  if (p.email.trim() !== "" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.email))
    f.push({ field: "person.email", message: "E-postadressen ser ikke riktig ut." });
  return f;
}

function sitsOn(m: Membership, day: string): boolean {
  const last = m.endedOn ? prevDay(m.endedOn) : null;
  const end = [m.termTo, last].filter((d): d is string => !!d).sort()[0];
  return m.termFrom <= day && (!end || day <= end);
}

function prevDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function composition(council: Council, current: Membership[], today: string): Composition {
  const seated = current.filter((m) => m.role !== "varamedlem");
  const notices: Notice[] = [];
  const categories = CATEGORIES.map((category) => {
    const planned = council.seatPlan[category];
    const filled = Math.min(planned, seated.filter((m) => m.category === category).length);
    const count = seated.filter((m) => m.category === category).length;
    const vacant = Math.max(0, planned - count);
    const over = Math.max(0, count - planned);
    if (vacant > 0)
      notices.push({ kind: "vacant", severity: "warning", category, membershipId: null, message: `${CATEGORY_NB[category]}: ${vacant} ledig plass.` });
    if (over > 0)
      notices.push({ kind: "overfilled", severity: "warning", category, membershipId: null, message: `${CATEGORY_NB[category]} har ${over} medlem for mye.` });
    return { category, planned, filled, vacant, over };
  });
  if (!seated.some((m) => m.role === "leder"))
    notices.push({ kind: "no_leader", severity: "warning", category: null, membershipId: null, message: "Utvalget har ingen leder." });
  for (const m of seated)
    if (m.termTo && m.termTo <= "2027-01-31" && m.termTo >= today)
      notices.push({ kind: "term_ending", severity: "warning", category: m.category, membershipId: m.id, message: `Perioden til ${m.person.name} slutter ${formatDate(m.termTo)}.` });
  const genders = { female: 0, male: 0, other: 0, unknown: 0 };
  for (const m of seated) genders[m.person.gender ?? "unknown"] += 1;
  if (seated.length >= 4 && Math.min(genders.female, genders.male) / seated.length < 0.4)
    notices.push({
      kind: "gender_balance",
      severity: "advice",
      category: null,
      membershipId: null,
      message: "Råd: Hvert kjønn bør ha minst 40 prosent av plassene når utvalget har fire eller flere medlemmer (kommuneloven § 7-6).",
    });
  const seatsPlanned = categories.reduce((s, c) => s + c.planned, 0);
  const seatsFilled = categories.reduce((s, c) => s + c.filled, 0);
  return { asOf: today, categories, seatsPlanned, seatsFilled, seatsVacant: seatsPlanned - seatsFilled, genders, notices };
}

export function createFakeBackend(state: FakeState, opts: { delayMs?: number; today?: string } = {}): Backend & { state: FakeState } {
  const today = opts.today ?? todayIso();
  const answer = <T>(value: () => T): Promise<T> =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(structuredClone(value()));
        } catch (e) {
          reject(e);
        }
      }, opts.delayMs ?? 0),
    );
  // Every command but the start-up and backup ones fails while the file is not open.
  const wait = <T>(value: () => T): Promise<T> =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          if (state.files.error) throw state.files.error;
          resolve(structuredClone(value()));
        } catch (e) {
          reject(e);
        }
      }, opts.delayMs ?? 0),
    );
  const council = (id: string) => {
    const c = state.councils.find((x) => x.id === id);
    if (!c) throw { code: "not_found", message: "Fant ikke utvalget.", fields: [] } satisfies ErrorReport;
    return c;
  };
  const detail = (id: string): CouncilDetail => {
    const c = council(id);
    const mine = state.memberships.filter((m) => m.councilId === id);
    const current = mine.filter((m) => sitsOn(m, today));
    const upcoming = mine.filter((m) => m.termFrom > today && !m.endedOn);
    const former = mine.filter((m) => !current.includes(m) && !upcoming.includes(m));
    // As core's rules::duties::accounting_year: last year until 1 March.
    const accountingYear = Number(today.slice(0, 4)) - (today.slice(5) <= "03-01" ? 1 : 0);
    return { council: c, composition: composition(c, current, today), current, upcoming, former, accountingYear };
  };
  const summary = (c: Council): CouncilSummary => {
    const comp = detail(c.id).composition;
    return {
      id: c.id,
      name: c.name,
      kind: c.kind,
      area: c.area,
      seatsPlanned: comp.seatsPlanned,
      seatsFilled: comp.seatsFilled,
      seatsVacant: comp.seatsVacant,
      warningCount: comp.notices.filter((n) => n.severity === "warning").length,
    };
  };
  const membership = (id: string) => {
    const m = state.memberships.find((x) => x.id === id);
    if (!m) throw { code: "not_found", message: "Fant ikke vervet.", fields: [] } satisfies ErrorReport;
    return m;
  };

  state.grants ??= emptyGrants();
  const grants = grantMethods(state.grants, {
    settings: () => state.settings,
    councils: () => state.councils,
    memberships: () => state.memberships,
    meetings: () => state.meetings,
    sitsOn,
    wait,
    newId,
    today,
  });
  state.duties ??= emptyDuties();
  const duties = dutyMethods(state.duties, {
    settings: () => state.settings,
    councils: () => state.councils,
    meetings: () => state.meetings,
    grants: () => state.grants!,
    seats: (id) => {
      const comp = detail(id).composition;
      return { filled: comp.seatsFilled, planned: comp.seatsPlanned };
    },
    wait,
    newId,
    today,
  });
  const search = searchMethods({
    councils: () => state.councils,
    meetings: () => state.meetings,
    grants: () => state.grants!,
    wait,
  });
  state.handover ??= emptyHandover();
  const handover = handoverMethods(state.handover, {
    councils: () => state.councils,
    meetings: () => state.meetings,
    grants: () => state.grants!,
    wait,
    today,
  });
  const meetings = meetingMethods(state.meetings, {
    settings: () => state.settings,
    councils: () => state.councils,
    memberships: () => state.memberships,
    sitsOn,
    wait,
    newId,
    itemGrants: grants.ofItem,
    decisionApplications: grants.decisionApplications,
  });

  const startup = (): Startup => ({
    dbPath: state.files.dbPath,
    error: state.files.error,
    readOnly: state.files.readOnly,
    backups: state.files.backups,
    clockWarning: state.files.clockWarning ?? null,
  });

  return {
    state,
    ...meetings,
    ...grants.methods,
    ...duties,
    ...search,
    ...handover,
    ...statsMethods({ councils: () => state.councils, memberships: () => state.memberships, meetings: () => state.meetings, sitsOn, wait }),
    getStartup: () => answer(startup),
    /** Nothing to open in the browser: the fake notes what was asked. */
    openSaved: (path: string, folder: boolean) => answer(() => void (state.opened ??= []).push({ path, folder })),
    awaitSoundFile: () => answer(() => undefined),
    backupNow: (job) =>
      wait(() => {
        const now = new Date().toISOString().slice(10);
        const sequence = Math.max(0, ...state.files.backups.map((b) => b.sequence)) + 1;
        const info = fakeBackup(state.files.dbPath, sequence, `${today}${now}`, "manual", 290_816 + state.files.backups.length * 4096);
        state.files.backups.unshift(info);
        job?.onProgress({ done: 71, total: 71, what: "" });
        return info;
      }),
    cancelJob: () => answer(() => false),
    restoreBackup: (fileName) =>
      answer(() => {
        const found = state.files.backups.find((b) => b.fileName === fileName);
        if (!found)
          throw invalid([{ field: "fileName", message: "Fant ingen sikkerhetskopi med det navnet. Velg en fra listen." }]);
        if (state.files.damaged.includes(fileName))
          throw {
            code: "backup_damaged",
            message: `Sikkerhetskopien ${found.fileName} kan ikke gjenopprettes. Databasefilen er skadet. Filen du bruker nå, er ikke endret. Velg en annen sikkerhetskopi.`,
            fields: [],
          } satisfies ErrorReport;
        state.files.error = null;
        return startup();
      }),
    getSettings: () => wait(() => state.settings),
    saveUserName: (name) =>
      wait(() => {
        if (name.trim() === "") throw invalid([{ field: "name", message: "Skriv navnet ditt." }]);
        state.settings = { ...state.settings, userName: name.trim() };
        return state.settings;
      }),
    saveLanguage: (language) => wait(() => (state.settings = { ...state.settings, language })),
    listCouncils: () => wait(() => state.councils.map(summary)),
    getCouncil: (id) => wait(() => detail(id)),
    createCouncil: (input) =>
      wait(() => {
        const f = checkCouncil(input);
        if (f.length) throw invalid(f);
        const c: Council = { id: newId(), ...input };
        state.councils.push(c);
        return c;
      }),
    updateCouncil: (id, input) =>
      wait(() => {
        const f = checkCouncil(input);
        if (f.length) throw invalid(f);
        const c = council(id);
        Object.assign(c, input);
        return c;
      }),
    findPeople: (query, limit) =>
      wait(() => {
        const needle = query.trim().toLowerCase();
        const matches = state.people
          .filter((p) => needle === "" || p.name.toLowerCase().includes(needle) || p.email.toLowerCase().includes(needle))
          .sort((a, b) => a.name.localeCompare(b.name, "nb"));
        return { people: matches.slice(0, limit), more: matches.length > limit };
      }),
    // The browser build has no file to read: it says so, as a cancelled pick.
    importMembers: () =>
      wait<SavedFile>(() => {
        throw { code: "cancelled", message: "", fields: [] } satisfies ErrorReport;
      }),
    previewApplications: () =>
      wait<ApplicationsPreview>(() => {
        throw { code: "cancelled", message: "", fields: [] } satisfies ErrorReport;
      }),
    exportLetterMail: () =>
      wait<SavedFile>(() => {
        throw { code: "cancelled", message: "", fields: [] } satisfies ErrorReport;
      }),
    exportNoticeMail: () =>
      wait<SavedFile>(() => {
        throw { code: "cancelled", message: "", fields: [] } satisfies ErrorReport;
      }),
    importApplications: () =>
      wait<SavedFile>(() => {
        throw { code: "cancelled", message: "", fields: [] } satisfies ErrorReport;
      }),
    // Nor a file to write: the access request answers as a cancelled save.
    exportPersonData: () =>
      wait<SavedFile>(() => {
        throw { code: "cancelled", message: "", fields: [] } satisfies ErrorReport;
      }),
    // Erasure rewrites the whole record: the browser build leaves it to core and says so.
    erasePerson: () =>
      wait<SavedFile>(() => {
        throw { code: "conflict", message: "Sletting virker bare i appen.", fields: [] } satisfies ErrorReport;
      }),
    // Review sheets are files too: the browser build answers as a cancelled dialog.
    exportReviewSheet: () =>
      wait<SavedFile>(() => {
        throw { code: "cancelled", message: "", fields: [] } satisfies ErrorReport;
      }),
    importReviewSheet: () =>
      wait<SavedFile>(() => {
        throw { code: "cancelled", message: "", fields: [] } satisfies ErrorReport;
      }),
    addMembership: (input) =>
      wait(() => {
        let person: Person;
        if (input.person.type === "existing") {
          const id = input.person.id;
          const found = state.people.find((p) => p.id === id);
          if (!found) throw invalid([{ field: "person", message: "Fant ikke personen." }]);
          person = found;
        } else {
          const f = checkPerson(input.person.person);
          if (f.length) throw invalid(f);
          person = { id: newId(), ...input.person.person };
          state.people.push(person);
        }
        if (input.termTo && input.termTo < input.termFrom)
          throw invalid([{ field: "termTo", message: "Perioden kan ikke slutte før den begynner." }]);
        const m: Membership = {
          id: newId(),
          councilId: input.councilId,
          person,
          category: input.category,
          role: input.role,
          organisation: input.organisation,
          termFrom: input.termFrom,
          termTo: input.termTo,
          endedOn: null,
          endReason: "",
        };
        state.memberships.push(m);
        return m;
      }),
    updateMembership: (id, edit) =>
      wait(() => {
        const f = checkPerson(edit.person);
        if (edit.termTo && edit.termTo < edit.termFrom)
          f.push({ field: "termTo", message: "Perioden kan ikke slutte før den begynner." });
        if (f.length) throw invalid(f);
        const m = membership(id);
        Object.assign(m.person, edit.person);
        for (const other of state.memberships) if (other.person.id === m.person.id) other.person = m.person;
        Object.assign(m, { category: edit.category, role: edit.role, organisation: edit.organisation, termFrom: edit.termFrom, termTo: edit.termTo });
        return m;
      }),
    endMembership: (id, endedOn, reason) =>
      wait(() => {
        const m = membership(id);
        if (m.endedOn) throw { code: "conflict", message: "Vervet er allerede avsluttet.", fields: [{ field: "endedOn", message: "Vervet er allerede avsluttet." }] } satisfies ErrorReport;
        if (endedOn < m.termFrom)
          throw invalid([{ field: "endedOn", message: "Sluttdatoen kan ikke være før perioden begynner." }]);
        m.endedOn = endedOn;
        m.endReason = reason;
        return m;
      }),
    loadDemo: (job) =>
      wait(() => {
        job?.onProgress({ done: 3, total: 3, what: "" });
        if (state.councils.length) throw { code: "conflict", message: "Demodata kan bare lastes inn i en tom fil.", fields: [] } satisfies ErrorReport;
        const demo = demoState(state.settings);
        Object.assign(state, { councils: demo.councils, people: demo.people, memberships: demo.memberships });
        Object.assign(state.meetings, demo.meetings);
        Object.assign(state.grants!, demo.grants);
        Object.assign(state.duties!, demo.duties);
        return state.councils.map(summary);
      }),
  };
}

/** A believable demo: Stavern's 1/1/1/1/2 plan with one vacancy, and a smaller grendeutvalg. */
export function demoState(settings: Settings): FakeState {
  const stavern: Council = {
    id: "c-stavern",
    name: "Stavern nærmiljøutvalg",
    kind: "naermiljoutvalg",
    area: "Stavern sentrum og Agnes",
    mandate: "Utvalget skal fremme nærmiljøet i Stavern, gi råd til kommunen i saker som angår området, og fordele kommunens tilskudd til lokale tiltak.",
    malform: "bokmal",
    legalMode: "voluntary",
    contactName: "Ingrid Halvorsen",
    contactEmail: "ingrid.halvorsen@larvik.kommune.no",
    contactPhone: "33 17 10 00",
    seatPlan: { senior: 1, school: 1, sports: 1, business: 1, volunteer: 2 },
  };
  const lyngvik: Council = {
    id: "c-lyngvik",
    name: "Lyngvik grendeutval",
    kind: "grendeutvalg",
    area: "Lyngvik og Nordre Vågen",
    mandate: "",
    malform: "nynorsk",
    legalMode: "formal",
    contactName: "",
    contactEmail: "",
    contactPhone: "",
    seatPlan: { senior: 1, school: 1, sports: 1, business: 0, volunteer: 1 },
  };
  const p = (id: string, name: string, email: string, phone: string, gender: Person["gender"]): Person => ({ id, name, email, phone, gender });
  const people = [
    p("p1", "Kari Nordmann", "kari.nordmann@example.no", "912 34 567", "female"),
    p("p2", "Ola Berg", "ola.berg@example.no", "934 56 789", "male"),
    p("p3", "Sigrid Løvås", "sigrid@stavern-il.no", "470 12 345", "female"),
    p("p4", "Ahmed Karimi", "ahmed.karimi@example.no", "988 77 665", "male"),
    p("p5", "Bjørn Åsheim", "bjorn@frivillig.no", "415 55 001", "male"),
    p("p6", "Marte Kjos", "marte.kjos@example.no", "902 00 111", null),
    p("p7", "Per Hagen", "per.hagen@example.no", "455 66 777", "male"),
    p("p8", "Anne Strand", "anne.strand@example.no", "932 11 222", "female"),
    p("p9", "Nils Vik", "nils@example.no", "477 88 999", "male"),
  ];
  const m = (id: string, councilId: string, person: Person, category: Membership["category"], role: Membership["role"], organisation: string, termFrom: string, termTo: string | null, endedOn: string | null = null, endReason = ""): Membership => ({
    id, councilId, person, category, role, organisation, termFrom, termTo, endedOn, endReason,
  });
  const memberships = [
    m("m1", "c-stavern", people[0]!, "senior", "leder", "Stavern pensjonistforening", "2025-01-01", "2026-12-31"),
    m("m2", "c-stavern", people[1]!, "school", "medlem", "Stavern skole FAU", "2025-01-01", "2027-12-31"),
    m("m3", "c-stavern", people[2]!, "sports", "nestleder", "Stavern IL", "2025-01-01", "2027-12-31"),
    m("m4", "c-stavern", people[3]!, "business", "sekretaer", "Stavern næringsforening", "2025-01-01", null),
    m("m5", "c-stavern", people[4]!, "volunteer", "medlem", "Frivilligsentralen", "2025-01-01", "2027-12-31"),
    m("m6", "c-stavern", people[5]!, "volunteer", "varamedlem", "Røde Kors Stavern", "2025-01-01", "2027-12-31"),
    m("m7", "c-stavern", people[6]!, "volunteer", "medlem", "Frivilligsentralen", "2023-01-01", "2026-12-31", "2026-06-01", "Flyttet fra kommunen"),
    m("m8", "c-stavern", people[7]!, "volunteer", "medlem", "Stavern historielag", "2027-01-01", "2028-12-31"),
    m("m9", "c-lyngvik", people[8]!, "sports", "leder", "Lyngvik IL", "2024-01-01", null),
    m("m10", "c-lyngvik", people[0]!, "sports", "medlem", "Lyngvik IL", "2024-01-01", null),
  ];
  return { settings, councils: [stavern, lyngvik], people, memberships, meetings: demoMeetings(), grants: demoGrants(), duties: demoDuties(), files: demoFiles() };
}
