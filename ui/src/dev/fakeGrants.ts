// DEV ONLY: the grant commands of the in-memory fake backend. Mirrors the Rust
// rules roughly: derived status, inhabil by organisation, weighted scores,
// budget/asked/maximum checks on decisions, the letter lock, payouts never
// above the grant. Messages are bokmål only.
import type { ErrorCode } from "../bindings/ErrorCode";
import type { Backend } from "../backend";
import type { Application } from "../bindings/Application";
import type { ApplicationDetail } from "../bindings/ApplicationDetail";
import type { ApplicationInput } from "../bindings/ApplicationInput";
import type { ApplicationStatus } from "../bindings/ApplicationStatus";
import type { ApprovalCandidate } from "../bindings/ApprovalCandidate";
import type { BudgetStatus } from "../bindings/BudgetStatus";
import type { Council } from "../bindings/Council";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { FieldMessage } from "../bindings/FieldMessage";
import type { GrantScheme } from "../bindings/GrantScheme";
import type { Inhabil } from "../bindings/Inhabil";
import type { ItemGrant } from "../bindings/ItemGrant";
import type { LetterRecord } from "../bindings/LetterRecord";
import type { Membership } from "../bindings/Membership";
import type { ReportReminder } from "../bindings/ReportReminder";
import type { Review } from "../bindings/Review";
import type { Reviewer } from "../bindings/Reviewer";
import type { SchemeDetail } from "../bindings/SchemeDetail";
import type { SchemeInput } from "../bindings/SchemeInput";
import type { SchemeSummary } from "../bindings/SchemeSummary";
import type { Settings } from "../bindings/Settings";
import type { Step } from "../bindings/Step";
import { caseLabel, type MeetingState } from "./fakeMeetings";

/** An application as the fake stores it; its status is derived on every read. */
export type FakeApplication = Omit<Application, "status" | "paidOre"> & { reviewing: boolean };
export type FakeScore = { applicationId: string; membershipId: string; criterionId: string; score: number; comment: string };

export type GrantState = {
  schemes: GrantScheme[];
  applications: FakeApplication[];
  /** Declared inhabil (the organisation match is derived). */
  inhabil: { applicationId: string; membershipId: string; reason: string }[];
  scores: FakeScore[];
  letters: LetterRecord[];
};

type Host = {
  settings: () => Settings;
  councils: () => Council[];
  memberships: () => Membership[];
  meetings: () => MeetingState;
  sitsOn: (m: Membership, day: string) => boolean;
  wait: <T>(value: () => T) => Promise<T>;
  newId: () => string;
  today: string;
};

const err = (code: ErrorCode, message: string, fields: FieldMessage[] = []): ErrorReport => ({ code, message, fields });
const invalid = (fields: FieldMessage[]) => err("invalid", fields.length === 1 ? fields[0]!.message : "Noe må rettes.", fields);
const conflict = (message: string, field = "") => err("conflict", message, [{ field, message }]);

const kr = (ore: number) => `kr ${String(Math.floor(ore / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ")}${ore % 100 ? `,${String(ore % 100).padStart(2, "0")}` : ""}`;

/** Kroner as Norwegians type them, into øre (like core's money::parse, simplified). */
export function parseKr(text: string): { ok: true; ore: number } | { ok: false; message: string } {
  let s = text.trim().replace(/^kr\.?\s*/i, "").replace(/\s*kr$/i, "");
  if (!s) return { ok: false, message: "Skriv inn et beløp." };
  if (s.startsWith("-")) return { ok: false, message: "Beløpet kan ikke være negativt." };
  s = s.replace(/,-$/, "");
  const m = /^(\d{1,3}(?:[ \u00a0]\d{3})*|\d+)(?:,(\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, message: "Skriv beløpet som 12 500 eller 12 500,50." };
  const ore = Number(m[1]!.replace(/[ \u00a0]/g, "")) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (ore > 10_000_000_000) return { ok: false, message: "Beløpet kan ikke være over kr 100 000 000." };
  return { ok: true, ore };
}

function orgNumberValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const w = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = w.reduce((s, x, i) => s + x * Number(digits[i]), 0);
  const k = 11 - (sum % 11);
  if (k === 10) return false;
  return Number(digits[8]) === (k === 11 ? 0 : k);
}

const norm = (s: string) => s.replace(/\s/g, "").toLowerCase();

export function grantMethods(state: GrantState, host: Host) {
  const step = (): Step => ({ at: new Date().toISOString().slice(0, 19), by: host.settings().userName ?? "" });
  const scheme = (id: string) => {
    const s = state.schemes.find((x) => x.id === id);
    if (!s) throw err("not_found", "Fant ikke tilskuddsordningen.");
    return s;
  };
  const app = (id: string) => {
    const a = state.applications.find((x) => x.id === id);
    if (!a) throw err("not_found", "Fant ikke søknaden.");
    return a;
  };
  const council = (id: string) => host.councils().find((c) => c.id === id)!;
  const paid = (a: FakeApplication) => a.payouts.reduce((s, p) => s + p.amountOre, 0);

  const status = (a: FakeApplication): ApplicationStatus => {
    const g = a.decision?.grantedOre ?? null;
    if (a.withdrawn) return "withdrawn";
    if (g === null) return a.reviewing ? "in_review" : "received";
    if (g === 0) return "refused";
    if (a.report) return "reported";
    if (paid(a) >= g) return "paid";
    return g >= a.amountAskedOre ? "granted" : "partly_granted";
  };
  const full = (a: FakeApplication): Application => {
    const { reviewing: _r, ...rest } = a;
    return { ...rest, status: status(a), paidOre: paid(a) };
  };

  const committee = (councilId: string): Membership[] =>
    host
      .memberships()
      .filter((m) => m.councilId === councilId && m.role !== "varamedlem" && host.sitsOn(m, host.today))
      .sort((a, b) => a.person.name.localeCompare(b.person.name, "nb"));

  const inhabilOf = (a: FakeApplication, m: Membership): Inhabil | null => {
    const declared = state.inhabil.find((x) => x.applicationId === a.id && x.membershipId === m.id);
    if (declared) return { membershipId: m.id, personName: m.person.name, source: "declared", reason: declared.reason };
    if (m.organisation && norm(m.organisation) === norm(a.organisation))
      return { membershipId: m.id, personName: m.person.name, source: "organisation", reason: m.organisation };
    return null;
  };

  const weighted = (s: GrantScheme, scores: { criterionId: string; score: number }[]): number | null => {
    const total = s.criteria.reduce((x, c) => x + c.weight, 0);
    if (!s.criteria.length || total <= 0) return null;
    let sum = 0;
    for (const c of s.criteria) {
      const found = scores.find((x) => x.criterionId === c.id);
      if (!found) return null;
      sum += found.score * c.weight;
    }
    return sum / total;
  };

  const reviews = (s: GrantScheme, a: FakeApplication): Review[] =>
    committee(s.councilId).map((m) => {
      const scores = state.scores
        .filter((x) => x.applicationId === a.id && x.membershipId === m.id)
        .map((x) => ({ criterionId: x.criterionId, score: x.score, comment: x.comment }));
      return { membershipId: m.id, personName: m.person.name, organisation: m.organisation, inhabil: inhabilOf(a, m), scores, weighted: weighted(s, scores) };
    });

  const committeeScore = (rs: Review[]): [number | null, number] => {
    const complete = rs.filter((r) => !r.inhabil && r.weighted !== null).map((r) => r.weighted!);
    return [complete.length ? complete.reduce((x, y) => x + y, 0) / complete.length : null, complete.length];
  };

  const appsOf = (schemeId: string) => state.applications.filter((a) => a.schemeId === schemeId).sort((a, b) => a.number - b.number);

  const budget = (s: GrantScheme): BudgetStatus => {
    const apps = appsOf(s.id).filter((a) => !a.withdrawn);
    const grantedOre = apps.reduce((x, a) => x + (a.decision?.grantedOre ?? 0), 0);
    const paidOre = apps.reduce((x, a) => x + paid(a), 0);
    const proposedOre = apps.filter((a) => !a.decision).reduce((x, a) => x + (a.proposedOre ?? 0), 0);
    return { budgetOre: s.budgetOre, grantedOre, paidOre, leftOre: s.budgetOre - grantedOre, proposedOre };
  };

  const reminders = (s: GrantScheme): ReportReminder[] => {
    if (host.today <= s.reportDeadline) return [];
    const days = Math.round((Date.parse(host.today) - Date.parse(s.reportDeadline)) / 86_400_000);
    return appsOf(s.id)
      .filter((a) => !a.withdrawn && !a.report && (a.decision?.grantedOre ?? 0) > 0)
      .map((a) => ({ applicationId: a.id, number: a.number, organisation: a.organisation, title: a.title, contactName: a.contactName, email: a.email, due: s.reportDeadline, daysOverdue: days }));
  };

  const schemeDetail = (id: string): SchemeDetail => {
    const s = scheme(id);
    return {
      scheme: s,
      council: council(s.councilId),
      budget: budget(s),
      reviewers: committee(s.councilId).map((m): Reviewer => ({ membershipId: m.id, personName: m.person.name, organisation: m.organisation })),
      rows: appsOf(id).map((a) => {
        const rs = reviews(s, a);
        const [weightedScore, reviewsComplete] = committeeScore(rs);
        return { application: full(a), weightedScore, reviewsComplete, inhabil: rs.flatMap((r) => (r.inhabil ? [r.inhabil] : [])) };
      }),
      reminders: reminders(s),
      scoringStarted: state.scores.some((x) => appsOf(id).some((a) => a.id === x.applicationId)),
    };
  };

  const decisionItems = (councilId: string): ApprovalCandidate[] => {
    const ms = host.meetings();
    return ms.meetings
      .filter((m) => m.councilId === councilId && m.status !== "approved")
      .sort((a, b) => a.date.localeCompare(b.date))
      .flatMap((m) =>
        ms.items
          .filter((i) => i.meetingId === m.id && i.kind === "vedtak" && !i.withdrawn)
          .sort((a, b) => a.position - b.position)
          .map((i) => ({ itemId: i.id, meetingId: m.id, meetingDate: m.date, caseLabel: caseLabel(i), title: i.title })),
      );
  };

  const appDetail = (id: string): ApplicationDetail => {
    const a = app(id);
    const s = scheme(a.schemeId);
    const rs = reviews(s, a);
    return {
      application: full(a),
      scheme: s,
      council: council(s.councilId),
      reviews: rs,
      weightedScore: committeeScore(rs)[0],
      decisionItems: decisionItems(s.councilId),
      // As the core answers it: members, not inhabil, without a complete score.
      missingScores: rs.filter((r) => !r.inhabil && r.weighted === null).map((r) => r.personName),
      letters: state.letters.filter((l) => l.applicationId === id),
      availableOre: budget(s).leftOre + (a.decision?.grantedOre ?? 0),
    };
  };

  const amount = (f: FieldMessage[], field: string, text: string, positive: boolean): number | null => {
    const r = parseKr(text);
    if (!r.ok) f.push({ field, message: r.message });
    else if (positive && r.ore === 0) f.push({ field, message: "Beløpet må være større enn null." });
    else return r.ore;
    return null;
  };

  const checkScheme = (input: SchemeInput) => {
    const f: FieldMessage[] = [];
    if (!input.name.trim()) f.push({ field: "name", message: "Ordningen må ha et navn." });
    if (!(input.year >= 1900 && input.year <= 2200)) f.push({ field: "year", message: "Året er utenfor det Grendebok godtar." });
    const budgetOre = amount(f, "budget", input.budget, true);
    const max = input.maxPerApplication.trim() ? amount(f, "maxPerApplication", input.maxPerApplication, true) : null;
    if (max !== null && budgetOre !== null && max > budgetOre) f.push({ field: "maxPerApplication", message: "Maksbeløpet per søknad kan ikke være større enn budsjettet." });
    if (input.reportDeadline < input.deadline) f.push({ field: "reportDeadline", message: "Rapportfristen kan ikke være før søknadsfristen." });
    if (!input.criteria.length) f.push({ field: "criteria", message: "Legg til minst ett kriterium." });
    input.criteria.forEach((c, i) => {
      if (!c.name.trim()) f.push({ field: `criteria.${i}.name`, message: "Kriteriet må ha et navn." });
      if (!(c.weight >= 1 && c.weight <= 10)) f.push({ field: `criteria.${i}.weight`, message: "Vekten må være fra 1 til 10." });
    });
    if (f.length) throw invalid(f);
    return { budgetOre: budgetOre!, max };
  };

  const checkApplication = (input: ApplicationInput) => {
    const f: FieldMessage[] = [];
    if (!input.organisation.trim()) f.push({ field: "organisation", message: "Skriv hvem som søker." });
    const org = input.orgNumber.replace(/\s/g, "");
    if (org && !orgNumberValid(org)) f.push({ field: "orgNumber", message: "Organisasjonsnummeret er ikke gyldig (ni siffer med kontrollsiffer)." });
    if (!input.title.trim()) f.push({ field: "title", message: "Prosjektet må ha en tittel." });
    if (input.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email.trim())) f.push({ field: "email", message: "E-postadressen ser ikke riktig ut." });
    const asked = amount(f, "amountAsked", input.amountAsked, true);
    const project = amount(f, "projectBudget", input.projectBudget, true);
    if (asked !== null && project !== null && asked > project) f.push({ field: "amountAsked", message: `Søknadsbeløpet kan ikke være større enn prosjektets budsjett (${kr(project)}).` });
    if (f.length) throw invalid(f);
    return { org: org || null, asked: asked!, project: project! };
  };

  const open = (a: FakeApplication) => {
    if (a.withdrawn) throw conflict("Søknaden er trukket.");
    if (a.decision) throw conflict("Søknaden er avgjort og kan ikke endres.");
  };

  const write = (id: string, f: (a: FakeApplication, s: GrantScheme) => void) =>
    host.wait(() => {
      const a = app(id);
      f(a, scheme(a.schemeId));
      return appDetail(id);
    });

  const checkGrant = (field: string, granted: number, a: FakeApplication, s: GrantScheme) => {
    if (granted > a.amountAskedOre) throw invalid([{ field, message: `${kr(granted)} er mer enn søkeren ba om (${kr(a.amountAskedOre)}).` }]);
    if (s.maxPerApplicationOre !== null && granted > s.maxPerApplicationOre)
      throw invalid([{ field, message: `${kr(granted)} er mer enn ordningens maksbeløp per søknad (${kr(s.maxPerApplicationOre)}).` }]);
    const elsewhere = appsOf(s.id).filter((x) => x.id !== a.id && !x.withdrawn).reduce((x, y) => x + (y.decision?.grantedOre ?? 0), 0);
    const left = s.budgetOre - elsewhere;
    if (granted > left)
      throw invalid([{ field, message: `${kr(granted)} går over budsjettet: ${kr(elsewhere)} av ${kr(s.budgetOre)} er alt innvilget, så bare ${kr(Math.max(0, left))} er igjen (${kr(granted - left)} for mye).` }]);
    if (granted < paid(a)) throw invalid([{ field, message: `Det er alt utbetalt ${kr(paid(a))}; tilskuddet kan ikke være mindre.` }]);
  };

  const methods: Pick<
    Backend,
    | "listSchemes" | "getScheme" | "createScheme" | "updateScheme" | "getApplication" | "checkApplication" | "addApplication" | "updateApplication" | "withdrawApplication"
    | "startReview" | "proposeAmount" | "declareInhabil" | "clearInhabil" | "saveScores" | "decideApplication" | "markLetterSent" | "amendGrant"
    | "addPayout" | "recordReport" | "exportLetter" | "exportLedger"
  > = {
    listSchemes: (councilId) =>
      host.wait(() =>
        state.schemes
          .filter((s) => s.councilId === councilId)
          .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name))
          .map((s): SchemeSummary => ({ scheme: s, budget: budget(s), applicationCount: appsOf(s.id).length, reportsOverdue: reminders(s).length })),
      ),
    getScheme: (id) => host.wait(() => schemeDetail(id)),
    createScheme: (input) =>
      host.wait(() => {
        const { budgetOre, max } = checkScheme(input);
        const s: GrantScheme = {
          id: host.newId(), councilId: input.councilId, year: input.year, name: input.name.trim(), budgetOre, deadline: input.deadline, reportDeadline: input.reportDeadline,
          maxPerApplicationOre: max, criteria: input.criteria.map((c) => ({ id: host.newId(), name: c.name.trim(), weight: c.weight })),
          enkeltvedtak: input.enkeltvedtak, appealBody: input.appealBody.trim(), appealAddress: input.appealAddress.trim(), conditions: input.conditions.trim(),
        };
        state.schemes.push(s);
        return schemeDetail(s.id);
      }),
    updateScheme: (id, input) =>
      host.wait(() => {
        const s = scheme(id);
        const { budgetOre, max } = checkScheme(input);
        if (budgetOre < budget(s).grantedOre) throw invalid([{ field: "budget", message: `Budsjettet kan ikke være mindre enn det som alt er innvilget (${kr(budget(s).grantedOre)}).` }]);
        const started = schemeDetail(id).scoringStarted;
        const same = input.criteria.length === s.criteria.length && input.criteria.every((c, i) => c.name.trim() === s.criteria[i]!.name && c.weight === s.criteria[i]!.weight);
        if (started && !same) throw conflict("Kriteriene kan ikke endres etter at noen har gitt poeng.", "criteria");
        Object.assign(s, {
          year: input.year, name: input.name.trim(), budgetOre, deadline: input.deadline, reportDeadline: input.reportDeadline, maxPerApplicationOre: max,
          criteria: same ? s.criteria : input.criteria.map((c) => ({ id: host.newId(), name: c.name.trim(), weight: c.weight })),
          enkeltvedtak: input.enkeltvedtak, appealBody: input.appealBody.trim(), appealAddress: input.appealAddress.trim(), conditions: input.conditions.trim(),
        });
        return schemeDetail(id);
      }),
    getApplication: (id) => host.wait(() => appDetail(id)),
    checkApplication: (input) =>
      host.wait(() => {
        checkApplication(input);
      }),
    addApplication: (input) =>
      host.wait(() => {
        const s = scheme(input.schemeId);
        const { org, asked, project } = checkApplication(input);
        const a: FakeApplication = {
          id: host.newId(), schemeId: s.id, number: appsOf(s.id).length + 1, organisation: input.organisation.trim(), orgNumber: org, contactName: input.contactName.trim(),
          email: input.email.trim(), phone: input.phone.trim(), title: input.title.trim(), description: input.description.trim(), amountAskedOre: asked, projectBudgetOre: project,
          received: input.received, late: input.received > s.deadline, proposedOre: null, decision: null, letterSent: null, payouts: [], report: null, amendments: [], withdrawn: null, reviewing: false,
        };
        state.applications.push(a);
        return appDetail(a.id);
      }),
    updateApplication: (id, input) =>
      write(id, (a, s) => {
        open(a);
        const { org, asked, project } = checkApplication(input);
        Object.assign(a, {
          organisation: input.organisation.trim(), orgNumber: org, contactName: input.contactName.trim(), email: input.email.trim(), phone: input.phone.trim(),
          title: input.title.trim(), description: input.description.trim(), amountAskedOre: asked, projectBudgetOre: project, received: input.received, late: input.received > s.deadline,
        });
      }),
    withdrawApplication: (id) =>
      write(id, (a) => {
        if (a.decision) throw conflict("En avgjort søknad kan ikke trekkes.");
        a.withdrawn ??= step();
        a.proposedOre = null;
      }),
    startReview: (id) =>
      write(id, (a) => {
        open(a);
        a.reviewing = true;
      }),
    proposeAmount: (id, amountText) =>
      write(id, (a) => {
        open(a);
        if (!amountText.trim()) {
          a.proposedOre = null;
          return;
        }
        const f: FieldMessage[] = [];
        const ore = amount(f, "proposed", amountText, false);
        if (f.length) throw invalid(f);
        if (ore! > a.amountAskedOre) throw invalid([{ field: "proposed", message: `${kr(ore!)} er mer enn søkeren ba om (${kr(a.amountAskedOre)}).` }]);
        a.proposedOre = ore;
        a.reviewing = true;
      }),
    declareInhabil: (id, membershipId, reason) =>
      write(id, (a, s) => {
        open(a);
        if (!committee(s.councilId).some((m) => m.id === membershipId)) throw invalid([{ field: "membershipId", message: "Velg et medlem av utvalget." }]);
        state.inhabil = state.inhabil.filter((x) => !(x.applicationId === id && x.membershipId === membershipId));
        state.inhabil.push({ applicationId: id, membershipId, reason: reason.trim() });
        state.scores = state.scores.filter((x) => !(x.applicationId === id && x.membershipId === membershipId));
      }),
    clearInhabil: (id, membershipId) =>
      write(id, (a) => {
        open(a);
        state.inhabil = state.inhabil.filter((x) => !(x.applicationId === id && x.membershipId === membershipId));
      }),
    saveScores: (id, membershipId, scores) =>
      write(id, (a, s) => {
        open(a);
        const m = committee(s.councilId).find((x) => x.id === membershipId);
        if (!m) throw invalid([{ field: "membershipId", message: "Velg et medlem av utvalget." }]);
        if (inhabilOf(a, m)) throw conflict(`${m.person.name} er inhabil og kan ikke gi poeng på denne søknaden.`, "scores");
        const f: FieldMessage[] = [];
        scores.forEach((x, i) => {
          if (x.score !== null && !(x.score >= 1 && x.score <= 5)) f.push({ field: `scores.${i}.score`, message: "Poengene må være fra 1 til 5." });
        });
        if (f.length) throw invalid(f);
        for (const x of scores) {
          state.scores = state.scores.filter((y) => !(y.applicationId === id && y.membershipId === membershipId && y.criterionId === x.criterionId));
          if (x.score !== null) state.scores.push({ applicationId: id, membershipId, criterionId: x.criterionId, score: x.score, comment: x.comment.trim() });
        }
        a.reviewing = true;
      }),
    decideApplication: (id, input) =>
      write(id, (a, s) => {
        if (a.withdrawn) throw conflict("Søknaden er trukket.");
        if (a.letterSent) throw conflict("Vedtaksbrevet er sendt. Beløpet kan nå bare endres med en endring av tilskuddet.", "granted");
        const f: FieldMessage[] = [];
        const granted = amount(f, "granted", input.granted, false);
        if (f.length) throw invalid(f);
        checkGrant("granted", granted!, a, s);
        if (!input.reasons.trim() && s.enkeltvedtak) throw invalid([{ field: "reasons", message: "Et enkeltvedtak må begrunnes (forvaltningsloven § 24)." }]);
        if (!input.reasons.trim() && granted! < a.amountAskedOre) throw invalid([{ field: "reasons", message: "Skriv en begrunnelse når søkeren får mindre enn omsøkt." }]);
        const item = decisionItems(s.councilId).find((c) => c.itemId === input.itemId);
        if (!item) throw invalid([{ field: "itemId", message: "Velg en vedtakssak fra et møte i utvalget der protokollen ikke er godkjent." }]);
        a.decision = { grantedOre: granted!, reasons: input.reasons.trim(), itemId: item.itemId, meetingId: item.meetingId, meetingDate: item.meetingDate, caseLabel: item.caseLabel, itemTitle: item.title, decided: step() };
        a.proposedOre = a.proposedOre ?? null;
      }),
    markLetterSent: (id) =>
      write(id, (a) => {
        if (!a.decision) throw conflict("Søknaden er ikke avgjort ennå.");
        a.letterSent ??= step();
      }),
    amendGrant: (id, input) =>
      write(id, (a, s) => {
        if (!a.decision) throw conflict("Søknaden er ikke avgjort ennå.");
        if (!a.letterSent) throw conflict("Før brevet er sendt endres beløpet i vedtaket.", "granted");
        const f: FieldMessage[] = [];
        const granted = amount(f, "granted", input.granted, false);
        if (!input.reason.trim()) f.push({ field: "reason", message: "Skriv hvorfor tilskuddet endres." });
        if (f.length) throw invalid(f);
        checkGrant("granted", granted!, a, s);
        if (granted === a.decision.grantedOre) return;
        a.amendments.push({ id: host.newId(), oldOre: a.decision.grantedOre, newOre: granted!, reason: input.reason.trim(), recorded: step(), caseLabel: null, meetingDate: null });
        a.decision.grantedOre = granted!;
      }),
    addPayout: (id, input) =>
      write(id, (a) => {
        const granted = a.decision?.grantedOre ?? 0;
        if (granted <= 0) throw conflict("Søknaden har ikke fått tilskudd.");
        const f: FieldMessage[] = [];
        const ore = amount(f, "amount", input.amount, true);
        if (f.length) throw invalid(f);
        if (paid(a) + ore! > granted)
          throw invalid([{ field: "amount", message: `${kr(ore!)} gir ${kr(paid(a) + ore!)} utbetalt, mer enn innvilget (${kr(granted)}). Igjen å betale: ${kr(granted - paid(a))}.` }]);
        a.payouts.push({ id: host.newId(), date: input.date, amountOre: ore!, recorded: step() });
      }),
    recordReport: (id, input) =>
      write(id, (a) => {
        if ((a.decision?.grantedOre ?? 0) <= 0) throw conflict("Søknaden har ikke fått tilskudd.");
        a.report = { received: input.received, summary: input.summary.trim(), accepted: input.accepted, recorded: step() };
      }),
    exportLetter: (id) =>
      host.wait(() => {
        const a = app(id);
        if (!a.decision) throw conflict("Søknaden er ikke avgjort ennå.");
        const hex = () => Array.from({ length: 64 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");
        const s = scheme(a.schemeId);
        const fileName = `${a.decision.grantedOre > 0 ? "tilsagnsbrev" : "avslagsbrev"}-${s.year}-${String(a.number).padStart(3, "0")}.pdf`;
        state.letters.push({ id: host.newId(), applicationId: id, fileName, sha256: hex(), contentSha256: hex(), size: 41_733n, created: step() });
        const path = `/home/kari/Dokumenter/${fileName}`;
        const letter = state.letters[state.letters.length - 1]!;
        return {
          path,
          message: `Vedtaksbrevet er lagret i Dokumenter som «${fileName}».`,
          details: `Sjekksum (SHA-256) for filen: ${letter.sha256}. Kontrollnummer i bunnteksten: ${letter.contentSha256.slice(0, 12)}.`,
        };
      }),
    exportLedger: (schemeId, format) =>
      host.wait(() => {
        const s = scheme(schemeId);
        const path = `/home/kari/Dokumenter/tilskudd-${s.year}.${format}`;
        return { path, message: `Regnskapet med ${appsOf(schemeId).length} søknader er lagret i Dokumenter som «tilskudd-${s.year}.${format}».`, details: "" };
      }),
  };

  /** Grants decided under an agenda item, for the meeting page. */
  const ofItem = (itemId: string): ItemGrant[] =>
    state.applications
      .filter((a) => a.decision?.itemId === itemId && !a.withdrawn)
      .map((a) => ({ applicationId: a.id, organisation: a.organisation, title: a.title, askedOre: a.amountAskedOre, grantedOre: a.decision!.grantedOre }));

  /** Applications a decision inside an item can be about: listed as core lists them (not withdrawn, not decided). */
  const decisionApplications = (councilId: string) =>
    state.schemes
      .filter((sc) => sc.councilId === councilId)
      .flatMap((sc) =>
        appsOf(sc.id)
          .filter((a) => !a.withdrawn && !a.decision)
          .map((a) => ({ applicationId: a.id, label: `${sc.name}: Søknad ${a.number}: ${a.organisation} – ${a.title}` })),
      );

  return { methods, ofItem, decisionApplications };
}

export const emptyGrants = (): GrantState => ({ schemes: [], applications: [], inhabil: [], scores: [], letters: [] });

/** Stavern's 2026 scheme: five applications in every state, one report overdue. */
export function demoGrants(): GrantState {
  const by = "Ahmed Karimi";
  const scheme: GrantScheme = {
    id: "gs-2026", councilId: "c-stavern", year: 2026, name: "Nærmiljøtilskudd 2026", budgetOre: 15_000_000, deadline: "2026-03-15", reportDeadline: "2026-11-01",
    maxPerApplicationOre: 4_000_000,
    criteria: [
      { id: "cr1", name: "Nytte for nærmiljøet", weight: 3 },
      { id: "cr2", name: "Gjennomførbarhet", weight: 2 },
      { id: "cr3", name: "Egeninnsats og frivillighet", weight: 1 },
    ],
    enkeltvedtak: true, appealBody: "Larvik kommunes klagenemnd", appealAddress: "postmottak@larvik.kommune.example", conditions: "Tilskuddet skal brukes slik søknaden beskriver. Sluttrapport sendes innen 1. november.",
  };
  const base = { orgNumber: null, proposedOre: null, decision: null, letterSent: null, payouts: [], report: null, amendments: [], withdrawn: null, late: false, reviewing: true, description: "" };
  const decided = (grantedOre: number, reasons: string) => ({
    grantedOre, reasons, itemId: "i-n2", meetingId: "mt-nov", meetingDate: "2026-11-12", caseLabel: "Sak 08/26", itemTitle: "Tilskudd til ny lysløype ved Stavern IL", decided: { at: "2026-11-12T19:40:00", by },
  });
  const applications: FakeApplication[] = [
    {
      ...base, id: "ga1", schemeId: scheme.id, number: 1, organisation: "Stavern IL", orgNumber: "974760673", contactName: "Sigrid Løvås", email: "post@stavern-il.no", phone: "470 12 345",
      title: "Lyspunkter i lysløypa ved Bergeløkka", description: "Tolv nye LED-lyspunkter langs den mørkeste delen av løypa.", amountAskedOre: 4_000_000, projectBudgetOre: 31_000_000, received: "2026-03-01",
      decision: decided(3_000_000, "Tiltaket gir mange glede av løypa hele vinteren. Utvalget prioriterer tiltak med bred nytte, men budsjettet rekker ikke til hele beløpet."),
      letterSent: { at: "2026-11-14T10:00:00", by }, payouts: [{ id: "po1", date: "2026-11-20", amountOre: 1_500_000, recorded: { at: "2026-11-20T09:00:00", by } }],
    },
    {
      ...base, id: "ga2", schemeId: scheme.id, number: 2, organisation: "Stavern skole FAU", contactName: "Line Moen", email: "fau@stavern-skole.no", phone: "907 55 443",
      title: "Trafikkvakter og refleksvester", description: "Refleksvester og opplæring for foreldre som står trafikkvakt om morgenen.", amountAskedOre: 1_250_050, projectBudgetOre: 1_800_000, received: "2026-03-10", proposedOre: 1_250_000,
    },
    {
      ...base, id: "ga3", schemeId: scheme.id, number: 3, organisation: "Agnes vel", orgNumber: "923609016", contactName: "Jon Agnes", email: "agnesvel@example.no", phone: "",
      title: "Benker og blomsterkasser i Agnes", description: "", amountAskedOre: 2_500_000, projectBudgetOre: 4_800_000, received: "2026-03-14",
    },
    {
      ...base, id: "ga4", schemeId: scheme.id, number: 4, organisation: "Stavern historielag", contactName: "Eva Tangen", email: "", phone: "934 00 222",
      title: "Skilt ved kulturminner langs kyststien", amountAskedOre: 1_800_000, projectBudgetOre: 2_600_000, received: "2026-03-20", late: true, reviewing: false,
    },
    {
      ...base, id: "ga5", schemeId: scheme.id, number: 5, organisation: "Stavern pensjonistforening", contactName: "Kari Nordmann", email: "kari.nordmann@example.no", phone: "912 34 567",
      title: "Turgruppe med buss til Mølen", amountAskedOre: 1_000_000, projectBudgetOre: 1_400_000, received: "2026-02-20",
      decision: decided(800_000, "Utvalget støtter turgruppen, men dekker ikke bevertning."), letterSent: { at: "2026-11-14T10:05:00", by },
      payouts: [{ id: "po2", date: "2026-11-18", amountOre: 800_000, recorded: { at: "2026-11-18T09:00:00", by } }],
      report: { received: "2026-11-21", summary: "Tjueto deltok på turen.", accepted: true, recorded: { at: "2026-11-21T12:00:00", by } },
    },
  ];
  const sc = (applicationId: string, membershipId: string, s1: number, s2: number, s3?: number): FakeScore[] => [
    { applicationId, membershipId, criterionId: "cr1", score: s1, comment: "" },
    { applicationId, membershipId, criterionId: "cr2", score: s2, comment: "" },
    ...(s3 === undefined ? [] : [{ applicationId, membershipId, criterionId: "cr3", score: s3, comment: "" }]),
  ];
  const scores = [
    ...sc("ga1", "m1", 5, 4, 4), ...sc("ga1", "m4", 4, 4, 5), ...sc("ga1", "m5", 5, 3, 4),
    ...sc("ga2", "m1", 4, 5, 4), ...sc("ga2", "m3", 4, 4, 3),
    ...sc("ga3", "m1", 3, 3, 4), ...sc("ga3", "m4", 3, 2),
  ];
  return {
    schemes: [scheme],
    applications,
    inhabil: [{ applicationId: "ga4", membershipId: "m5", reason: "Gift med lederen i historielaget" }],
    scores,
    letters: [
      { id: "lt1", applicationId: "ga1", fileName: "tilsagnsbrev-2026-001.pdf", sha256: "4be1c07d29a8f3e6b5d4c3a2918070f6e5d4c3b2a1908f7e6d5c4b3a29180706", contentSha256: "9d8c7b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877665544", size: 41_733n, created: { at: "2026-11-14T09:58:00", by } },
    ],
  };
}
