// DEV ONLY: the meeting commands of the in-memory fake backend. Mirrors the
// Rust rules roughly: case numbers at send_notice, quorum per item, the
// completeness list, and locking once the minutes are approved.
import type { Backend } from "../backend";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { AgendaItemInput } from "../bindings/AgendaItemInput";
import type { Amendment } from "../bindings/Amendment";
import type { ApprovalCandidate } from "../bindings/ApprovalCandidate";
import type { AttendanceRow } from "../bindings/AttendanceRow";
import type { AttendanceStatus } from "../bindings/AttendanceStatus";
import type { Council } from "../bindings/Council";
import type { DocumentRecord } from "../bindings/DocumentRecord";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { ExemptionBasis } from "../bindings/ExemptionBasis";
import type { ItemDecision } from "../bindings/ItemDecision";
import type { FieldMessage } from "../bindings/FieldMessage";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingDetail } from "../bindings/MeetingDetail";
import type { MeetingInput } from "../bindings/MeetingInput";
import type { Membership } from "../bindings/Membership";
import type { Missing } from "../bindings/Missing";
import type { Quorum } from "../bindings/Quorum";
import type { Recusal } from "../bindings/Recusal";
import type { Settings } from "../bindings/Settings";
import type { Step } from "../bindings/Step";
import { formatDate } from "../lib/dates";
import { CATEGORIES, ROLES } from "../lib/labels";

export type FakeDecision = Omit<ItemDecision, "quorum">;
export type FakeItem = Omit<AgendaItem, "quorum" | "caseLabel" | "grants" | "decisions"> & { decisions: FakeDecision[] };
export type FakeAttendance = { meetingId: string; membershipId: string; status: AttendanceStatus; substituteFor: string | null; fromItem?: string | null; untilItem?: string | null };

export type MeetingState = {
  meetings: Meeting[];
  items: FakeItem[];
  attendance: FakeAttendance[];
  amendments: Amendment[];
  documents: DocumentRecord[];
  /** Last case number given, per `${councilId}/${year}`. */
  caseCounters: Record<string, number>;
};

type Host = {
  settings: () => Settings;
  councils: () => Council[];
  memberships: () => Membership[];
  sitsOn: (m: Membership, day: string) => boolean;
  wait: <T>(value: () => T) => Promise<T>;
  newId: () => string;
  /** Grants decided under an item (from the fake's grant state). */
  itemGrants?: (itemId: string) => AgendaItem["grants"];
  /** Applications a decision inside an item can be about, as core lists them. */
  decisionApplications?: (councilId: string) => MeetingDetail["applications"];
};

const pad2 = (n: number) => String(n).padStart(2, "0");

const err = (code: string, message: string, fields: FieldMessage[] = []): ErrorReport => ({ code, message, fields });
const invalid = (fields: FieldMessage[]) => err("invalid", fields.length === 1 ? fields[0]!.message : "Noe må rettes.", fields);
const LOCKED = "Protokollen er godkjent og låst. En rettelse må føres som et tillegg.";

export function caseLabel(i: FakeItem): string | null {
  return i.caseNumber ? `Sak ${pad2(i.caseNumber.number)}/${pad2(i.caseNumber.year % 100)}` : null;
}

const normTime = (t: string) => (t.length === 5 ? `${t}:00` : t);

export function meetingMethods(state: MeetingState, host: Host) {
  const step = (): Step => ({ at: new Date().toISOString().slice(0, 19), by: host.settings().userName ?? "" });
  const meeting = (id: string) => {
    const m = state.meetings.find((x) => x.id === id);
    if (!m) throw err("not_found", "Fant ikke møtet.");
    return m;
  };
  const item = (id: string) => {
    const i = state.items.find((x) => x.id === id);
    if (!i) throw err("not_found", "Fant ikke saken.");
    return i;
  };
  const council = (id: string) => host.councils().find((c) => c.id === id)!;
  const open = (m: Meeting) => {
    if (m.status === "approved") throw err("conflict", LOCKED);
    return m;
  };
  const seats = (c: Council) => CATEGORIES.reduce((s, k) => s + Math.max(0, c.seatPlan[k]), 0);

  const rows = (m: Meeting): AttendanceRow[] => {
    const members = host
      .memberships()
      .filter((x) => x.councilId === m.councilId && host.sitsOn(x, m.date))
      .sort((a, b) => Number(a.role === "varamedlem") - Number(b.role === "varamedlem") || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
    return members.map((x) => {
      const a = state.attendance.find((r) => r.meetingId === m.id && r.membershipId === x.id);
      const sub = a?.substituteFor ? members.find((y) => y.id === a.substituteFor) : undefined;
      return {
        membershipId: x.id,
        personName: x.person.name,
        category: x.category,
        role: x.role,
        status: a?.status ?? null,
        substituteFor: a?.substituteFor ?? null,
        substituteForName: sub?.person.name ?? null,
        fromItem: a?.fromItem ?? null,
        untilItem: a?.untilItem ?? null,
        span: "",
      };
    });
  };

  const quorum = (seatCount: number, att: AttendanceRow[], recusals: Recusal[]): Quorum => {
    const voters = att.filter((r) => r.status === "present" && (r.role !== "varamedlem" || r.substituteFor));
    const present = voters.length;
    const inhabil = voters.filter((r) => recusals.some((x) => x.membershipId === r.membershipId)).length;
    const voting = present - inhabil;
    const required = Math.ceil(Math.max(0, seatCount) / 2);
    return { seats: seatCount, present, inhabil, voting, required, quorate: voting > 0 && voting >= required };
  };

  /** Like the core: "Sak 05/26 (16.04.2026)" for minutes approved by a later meeting's decision. */
  const approvedIn = (m: Meeting): string | null => {
    const approval = m.approval;
    if (approval?.type !== "laterMeeting") return null;
    const i = state.items.find((x) => x.id === approval.itemId);
    const later = i && state.meetings.find((x) => x.id === i.meetingId);
    return i && later ? `${caseLabel(i) ?? i.title} (${formatDate(later.date)})` : null;
  };

  /** Items with a decision in later meetings of the same council, by date and position. */
  const candidates = (id: string): ApprovalCandidate[] => {
    const m = meeting(id);
    return state.meetings
      .filter((x) => x.councilId === m.councilId && x.date > m.date)
      .sort((a, b) => a.date.localeCompare(b.date))
      .flatMap((later) =>
        itemsOf(later.id)
          .filter((i) => !i.withdrawn && i.decision.trim())
          .map((i) => ({ itemId: i.id, meetingId: later.id, meetingDate: later.date, caseLabel: caseLabel(i), title: i.title })),
      );
  };

  const detail = (id: string): MeetingDetail => {
    const m = meeting(id);
    const c = council(m.councilId);
    const att = rows(m);
    const items: AgendaItem[] = state.items
      .filter((i) => i.meetingId === id)
      .sort((a, b) => a.position - b.position)
      .map((i) => ({
        ...i,
        caseLabel: caseLabel(i),
        quorum: quorum(seats(c), att, i.recusals),
        decisions: i.decisions.map((d) => ({ ...d, quorum: quorum(seats(c), att, [...i.recusals, ...d.recusals]) })),
        grants: host.itemGrants?.(i.id) ?? [],
      }));
    const missing: Missing[] = [];
    const push = (kind: Missing["kind"], message: string, blocking = true, itemId: string | null = null, membershipId: string | null = null) =>
      missing.push({ kind, itemId, membershipId, blocking, message });
    if (m.status === "planned" || m.status === "notice_sent") push("not_held", "Møtet er ikke merket som avholdt.");
    if (!m.place.trim()) push("place", "Møtestedet mangler.");
    if (!m.endsAt) push("end_time", "Tidspunktet møtet sluttet mangler.");
    for (const r of att.filter((r) => r.status === null)) push("attendance", `Oppmøte mangler for ${r.personName}.`, true, null, r.membershipId);
    for (const i of items.filter((i) => !i.withdrawn)) {
      const label = i.caseLabel ?? i.title;
      if (!i.decision.trim()) push(i.kind === "vedtak" ? "decision" : "note", i.kind === "vedtak" ? `${label}: vedtaket mangler.` : `${label}: referatet mangler.`, true, i.id);
      if (i.votes && i.votes.for + i.votes.against + i.votes.blank > i.quorum.voting)
        push("votes", `${label}: ${i.votes.for + i.votes.against + i.votes.blank} stemmer, men bare ${i.quorum.voting} kunne stemme.`, true, i.id);
      for (const r of i.recusals.filter((r) => !r.reason.trim())) push("recusal_reason", `${label}: grunnen til at ${r.personName} er inhabil mangler.`, true, i.id, r.membershipId);
      if (i.closed && !i.closedBasis.trim()) push("closed_basis", `${label}: hjemmelen for lukket møte mangler.`, true, i.id);
      if (i.kind === "vedtak" && !i.quorum.quorate && (m.status === "held" || m.status === "approved"))
        push("quorum", `${label} protokolleres som ikke avgjort: utvalget var ikke vedtaksført (${i.quorum.voting} kunne stemme, ${i.quorum.required} trengs).`, false, i.id);
    }
    const mine = state.meetings.filter((x) => x.councilId === m.councilId);
    const earlier = state.amendments.filter((a) => a.meetingId !== id && mine.some((x) => x.id === a.meetingId && x.date < m.date));
    return {
      meeting: m,
      council: c,
      items,
      attendance: att,
      missing: m.status === "approved" ? [] : missing,
      approvedIn: approvedIn(m),
      amendments: state.amendments.filter((a) => a.meetingId === id),
      earlierAmendments: earlier,
      documents: state.documents.filter((d) => d.meetingId === id),
      applications: m.status === "approved" ? [] : (host.decisionApplications?.(m.councilId) ?? []),
      chair: att.find((r) => r.membershipId === m.chairId)?.personName ?? null,
      minuteTaker: att.find((r) => r.membershipId === m.minuteTakerId)?.personName ?? (m.minuteTakerName || null),
      // Played back as core answers it for these statuses (rules::meetings::lifecycle); no day is known here.
      lifecycle: { undoTo: null, daysUntil: null, judged: m.status === "held" || m.status === "approved" },
    };
  };

  const check = (input: MeetingInput) => {
    if (input.endsAt && normTime(input.endsAt) <= normTime(input.startsAt))
      throw invalid([{ field: "endsAt", message: "Møtet kan ikke slutte før det begynner." }]);
  };

  const number = (m: Meeting, i: FakeItem) => {
    const year = Number(m.date.slice(0, 4));
    const key = `${m.councilId}/${year}`;
    state.caseCounters[key] = (state.caseCounters[key] ?? 0) + 1;
    i.caseNumber = { year, number: state.caseCounters[key]! };
  };

  const itemsOf = (meetingId: string) => state.items.filter((i) => i.meetingId === meetingId).sort((a, b) => a.position - b.position);

  const write = (meetingId: string, f: (m: Meeting) => void) =>
    host.wait(() => {
      f(open(meeting(meetingId)));
      return detail(meetingId);
    });
  const writeItem = (itemId: string, f: (i: FakeItem, m: Meeting) => void) =>
    host.wait(() => {
      const i = item(itemId);
      const m = open(meeting(i.meetingId));
      f(i, m);
      return detail(m.id);
    });

  const writeDecision = (decisionId: string, f: (d: FakeDecision, i: FakeItem, m: Meeting) => void) => {
    const i = state.items.find((x) => x.decisions.some((d) => d.id === decisionId));
    if (!i) return Promise.reject(err("not_found", "Fant ikke vedtaket."));
    return writeItem(i.id, (i, m) => f(i.decisions.find((d) => d.id === decisionId)!, i, m));
  };

  const exportDoc = (meetingId: string, kind: DocumentRecord["kind"], isPublic = false) =>
    host.wait(() => {
      const m = meeting(meetingId);
      if (kind === "minutes" && (m.status === "planned" || m.status === "notice_sent"))
        throw err("conflict", "Protokollen kan lages når møtet er avholdt.");
      const hex = () => Array.from({ length: 64 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");
      const fileName = `${kind === "notice" ? "innkalling" : "protokoll"}-${m.date}${isPublic ? " offentlig versjon" : ""}.pdf`;
      const doc: DocumentRecord = { id: host.newId(), kind, public: isPublic, meetingId, fileName, sha256: hex(), contentSha256: hex(), size: 48213n, created: step() };
      state.documents.push(doc);
      const path = `/home/kari/Dokumenter/${fileName}`;
      return {
        path,
        document: doc,
        message: `${kind === "notice" ? "Innkallingen" : "Protokollen"} er lagret i Dokumenter som «${fileName}».`,
        details: `Sjekksum (SHA-256) for filen: ${doc.sha256}. Kontrollnummer i bunnteksten: ${doc.contentSha256.slice(0, 12)}.`,
      };
    });

  const methods: Pick<
    Backend,
    | "listMeetings" | "getMeeting" | "createMeeting" | "updateMeeting" | "sendNotice" | "markHeld" | "undoStatus" | "listApprovalItems" | "approveMinutes" | "addAmendment"
    | "addItem" | "updateItem" | "recordItem" | "withdrawItem" | "moveItem" | "setRecusal" | "removeRecusal" | "addFollowUp"
    | "removeFollowUp" | "setAttendance" | "exportNotice" | "exportMinutes" | "exportPublicNotice" | "exportPublicMinutes" | "exemptionBases"
    | "setAttendanceSpan" | "carryOverItem" | "addDecision" | "recordDecision" | "removeDecision" | "setDecisionRecusal" | "removeDecisionRecusal"
    | "setMeetingRoles" | "setItemChair" | "setDecisionChair" | "addAlternative" | "updateAlternative" | "removeAlternative"
  > = {
    listMeetings: (councilId) =>
      host.wait(() =>
        state.meetings
          .filter((m) => m.councilId === councilId)
          .sort((a, b) => (b.date + b.startsAt).localeCompare(a.date + a.startsAt))
          .map((m) => ({ id: m.id, councilId, kind: m.kind, date: m.date, startsAt: m.startsAt, place: m.place, status: m.status, itemCount: state.items.filter((i) => i.meetingId === m.id).length })),
      ),
    getMeeting: (id) => host.wait(() => detail(id)),
    createMeeting: (input) =>
      host.wait(() => {
        check(input);
        const m: Meeting = {
          id: host.newId(), councilId: input.councilId, kind: input.kind, date: input.date, startsAt: normTime(input.startsAt), endsAt: input.endsAt ? normTime(input.endsAt) : null,
          place: input.place.trim(), guests: input.guests.trim(), kommuneRep: input.kommuneRep.trim(), status: "planned", noticeSent: null, held: null, approved: null, approval: null,
          chairId: null, minuteTakerId: null, minuteTakerName: "",
        };
        state.meetings.push(m);
        return detail(m.id);
      }),
    updateMeeting: (id, input) =>
      write(id, (m) => {
        check(input);
        Object.assign(m, { kind: input.kind, date: input.date, startsAt: normTime(input.startsAt), endsAt: input.endsAt ? normTime(input.endsAt) : null, place: input.place.trim(), guests: input.guests.trim(), kommuneRep: input.kommuneRep.trim() });
      }),
    sendNotice: (id) =>
      write(id, (m) => {
        if (m.status !== "planned") throw err("conflict", "Innkallingen er allerede sendt.");
        if (!m.place.trim()) throw err("invalid", "Skriv inn møtested før innkallingen sendes.", [{ field: "place", message: "Skriv inn møtested før innkallingen sendes." }]);
        for (const i of itemsOf(id)) if (!i.withdrawn && !i.caseNumber) number(m, i);
        m.status = "notice_sent";
        m.noticeSent = step();
      }),
    markHeld: (id) =>
      write(id, (m) => {
        if (m.status !== "notice_sent") throw err("conflict", "Innkallingen må sendes før møtet kan merkes som avholdt.");
        m.status = "held";
        m.held = step();
      }),
    undoStatus: () => host.wait(() => {
      throw err("conflict", "Det er ingenting å angre.");
    }),
    listApprovalItems: (id) => host.wait(() => candidates(id)),
    approveMinutes: (id, approval) =>
      write(id, (m) => {
        if (m.status !== "held") throw err("conflict", "Bare et avholdt møte kan få protokollen godkjent.");
        const d = detail(id);
        const blocking = d.missing.filter((x) => x.blocking);
        if (blocking.length) throw err("conflict", `Protokollen kan ikke godkjennes ennå. Dette mangler: ${blocking.map((x) => x.message).join(" ")}`);
        if (approval.type === "signatories") {
          const [a, b] = approval.membershipIds;
          const present = (x?: string) => d.attendance.some((r) => r.membershipId === x && r.status === "present");
          if (!a || !b || a === b || !present(a) || !present(b))
            throw invalid([{ field: "signatories", message: "Velg to forskjellige medlemmer som var til stede." }]);
        } else if (!candidates(id).some((c) => c.itemId === approval.itemId)) {
          throw invalid([{ field: "itemId", message: "Velg en sak med vedtak fra et senere møte i samme utvalg." }]);
        }
        m.status = "approved";
        m.approved = step();
        m.approval = approval;
      }),
    addAmendment: (id, text) =>
      host.wait(() => {
        const m = meeting(id);
        if (m.status !== "approved") throw err("conflict", "Rettelser føres bare til godkjente protokoller; ellers kan protokollen endres direkte.");
        if (!text.trim()) throw invalid([{ field: "text", message: "Skriv rettelsen." }]);
        state.amendments.push({ id: host.newId(), meetingId: id, meetingDate: m.date, text: text.trim(), recorded: step() });
        return detail(id);
      }),
    addItem: (meetingId, input: AgendaItemInput) =>
      write(meetingId, (m) => {
        refuseItem(input);
        const i: FakeItem = {
          id: host.newId(), meetingId, position: itemsOf(meetingId).length + 1, caseNumber: null, kind: input.kind, title: input.title.trim(), background: input.background.trim(), proposal: input.proposal.trim(),
          decision: "", votes: null, outcome: null, closed: false, closedBasis: "", access: accessOf(input), withdrawn: false, recusals: [], followUps: [], decisions: [],
          ...noChair(),
        };
        if (m.status !== "planned") number(m, i);
        state.items.push(i);
      }),
    updateItem: (itemId, input) =>
      writeItem(itemId, (i) => {
        refuseItem(input);
        Object.assign(i, { kind: input.kind, title: input.title.trim(), background: input.background.trim(), proposal: input.proposal.trim(), access: accessOf(input) });
      }),
    recordItem: (itemId, record) =>
      writeItem(itemId, (i) => {
        const f: FieldMessage[] = [];
        if (record.votes) for (const k of ["for", "against", "blank"] as const) if (record.votes[k] < 0) f.push({ field: `votes.${k}`, message: "Antall stemmer kan ikke være negativt." });
        if (record.closed && !record.closedBasis.trim()) f.push({ field: "closedBasis", message: "Skriv hjemmelen for å lukke møtet." });
        if (f.length) throw invalid(f);
        Object.assign(i, { decision: record.decision.trim(), votes: record.votes, chairVote: record.chairVote, closed: record.closed, closedBasis: record.closed ? record.closedBasis.trim() : "", closedGround: record.closed ? record.closedGround : null });
      }),
    withdrawItem: (itemId) =>
      writeItem(itemId, (i) => {
        i.withdrawn = true;
      }),
    moveItem: (itemId, offset) =>
      writeItem(itemId, (i) => {
        const list = itemsOf(i.meetingId);
        const at = list.indexOf(i);
        const other = list[at + offset];
        if (!other) return;
        [i.position, other.position] = [other.position, i.position];
      }),
    setRecusal: (itemId, membershipId, reason) =>
      writeItem(itemId, (i, m) => {
        const row = rows(m).find((r) => r.membershipId === membershipId);
        if (!row) throw invalid([{ field: "membershipId", message: "Velg et medlem av utvalget." }]);
        i.recusals = [...i.recusals.filter((r) => r.membershipId !== membershipId), { membershipId, personName: row.personName, reason: reason.trim() }];
      }),
    removeRecusal: (itemId, membershipId) =>
      writeItem(itemId, (i) => {
        i.recusals = i.recusals.filter((r) => r.membershipId !== membershipId);
      }),
    setAttendanceSpan: (meetingId, span) =>
      write(meetingId, () => {
        const a = state.attendance.find((r) => r.meetingId === meetingId && r.membershipId === span.membershipId);
        if (!a || a.status !== "present") throw invalid([{ field: "membershipId", message: "Bare et medlem som er registrert til stede, kan ha møtt fra eller gått etter en sak." }]);
        Object.assign(a, { fromItem: span.fromItem, untilItem: span.untilItem });
      }),
    carryOverItem: (itemId, toMeetingId, meetingId) =>
      write(meetingId, () => {
        const i = item(itemId);
        const to = meeting(toMeetingId);
        state.items.push({ ...i, id: host.newId(), meetingId: to.id, position: itemsOf(to.id).length + 1, caseNumber: null, decision: "", votes: null, outcome: null, recusals: [], followUps: [], decisions: [] });
      }),
    // Decisions inside an item: stored as core answered them; the rules stay in core.
    addDecision: (itemId, input) =>
      writeItem(itemId, (i) => {
        const label = input.applicationId ? host.decisionApplications?.(meeting(i.meetingId).councilId).find((a) => a.applicationId === input.applicationId)?.label : undefined;
        const title = input.title.trim() || (label ? label.slice(label.indexOf(": ") + 2) : "");
        if (!title) throw invalid([{ field: "title", message: "Skriv hva vedtaket gjelder." }]);
        i.decisions.push({ id: host.newId(), itemId, position: i.decisions.length + 1, applicationId: input.applicationId, title, proposal: input.proposal.trim(), decision: "", votes: null, outcome: null, recusals: [], proposedRecusals: [], chairVote: null, chairId: null, chairName: null });
      }),
    recordDecision: (decisionId, record) =>
      writeDecision(decisionId, (d) => {
        Object.assign(d, { decision: record.decision.trim(), votes: record.votes, chairVote: record.chairVote });
      }),
    removeDecision: (decisionId) =>
      writeDecision(decisionId, (_, i) => {
        i.decisions = i.decisions.filter((d) => d.id !== decisionId);
      }),
    setDecisionRecusal: (decisionId, membershipId, reason) =>
      writeDecision(decisionId, (d, _, m) => {
        const row = rows(m).find((r) => r.membershipId === membershipId);
        if (!row) throw invalid([{ field: "membershipId", message: "Velg et medlem av utvalget." }]);
        d.recusals = [...d.recusals.filter((r) => r.membershipId !== membershipId), { membershipId, personName: row.personName, reason: reason.trim() }];
        d.proposedRecusals = d.proposedRecusals.filter((r) => r.membershipId !== membershipId);
      }),
    removeDecisionRecusal: (decisionId, membershipId) =>
      writeDecision(decisionId, (d) => {
        d.recusals = d.recusals.filter((r) => r.membershipId !== membershipId);
      }),
    addFollowUp: (itemId, input) =>
      writeItem(itemId, (i) => {
        if (!input.what.trim()) throw invalid([{ field: "what", message: "Skriv hva som skal gjøres." }]);
        i.followUps.push({ id: host.newId(), what: input.what.trim(), who: input.who.trim(), due: input.due });
      }),
    removeFollowUp: (followUpId) =>
      host.wait(() => {
        const i = state.items.find((x) => x.followUps.some((f) => f.id === followUpId));
        if (!i) throw err("not_found", "Fant ikke oppfølgingen.");
        open(meeting(i.meetingId));
        i.followUps = i.followUps.filter((f) => f.id !== followUpId);
        return detail(i.meetingId);
      }),
    setAttendance: (meetingId, input) =>
      write(meetingId, (m) => {
        const all = rows(m);
        const row = all.find((r) => r.membershipId === input.membershipId);
        if (!row) throw invalid([{ field: "membershipId", message: "Personen satt ikke i utvalget på møtedagen." }]);
        if (input.substituteFor && (row.role !== "varamedlem" || !all.some((r) => r.membershipId === input.substituteFor && r.role !== "varamedlem")))
          throw invalid([{ field: "substituteFor", message: "Et varamedlem kan bare møte for et medlem med fast plass." }]);
        state.attendance = state.attendance.filter((r) => !(r.meetingId === meetingId && r.membershipId === input.membershipId));
        state.attendance.push({ meetingId, membershipId: input.membershipId, status: input.status, substituteFor: input.substituteFor });
      }),
    exportNotice: (meetingId) => exportDoc(meetingId, "notice"),
    exportMinutes: (meetingId) => exportDoc(meetingId, "minutes"),
    exportPublicNotice: (meetingId) => exportDoc(meetingId, "notice", true),
    exportPublicMinutes: (meetingId) => exportDoc(meetingId, "minutes", true),
    exemptionBases: () => host.wait(() => EXEMPTION_BASES),
    // Chair, minute-taker and alternatives: stored as given; the rules stay in core.
    setMeetingRoles: (meetingId, roles) =>
      write(meetingId, (m) => {
        Object.assign(m, { chairId: roles.chairId, minuteTakerId: roles.minuteTakerId, minuteTakerName: roles.minuteTakerId ? "" : roles.minuteTakerName.trim() });
      }),
    setItemChair: (itemId, chairId) =>
      writeItem(itemId, (i, m) => {
        Object.assign(i, { chairId, chairName: rows(m).find((r) => r.membershipId === chairId)?.personName ?? null });
      }),
    setDecisionChair: (decisionId, chairId) =>
      writeDecision(decisionId, (d, _, m) => {
        Object.assign(d, { chairId, chairName: rows(m).find((r) => r.membershipId === chairId)?.personName ?? null });
      }),
    addAlternative: (itemId, input) =>
      writeItem(itemId, (i) => {
        if (!input.text.trim()) throw invalid([{ field: "text", message: "Skriv det alternative forslaget." }]);
        i.alternatives.push({ id: host.newId(), position: i.alternatives.length + 1, proposedBy: input.proposedBy.trim(), text: input.text.trim(), votes: input.votes, chairVote: input.chairVote, outcome: null });
      }),
    updateAlternative: (alternativeId, input) =>
      host.wait(() => {
        const i = state.items.find((x) => x.alternatives.some((a) => a.id === alternativeId));
        if (!i) throw err("not_found", "Fant ikke forslaget.");
        open(meeting(i.meetingId));
        Object.assign(i.alternatives.find((a) => a.id === alternativeId)!, { proposedBy: input.proposedBy.trim(), text: input.text.trim(), votes: input.votes, chairVote: input.chairVote });
        return detail(i.meetingId);
      }),
    removeAlternative: (alternativeId) =>
      host.wait(() => {
        const i = state.items.find((x) => x.alternatives.some((a) => a.id === alternativeId));
        if (!i) throw err("not_found", "Fant ikke forslaget.");
        open(meeting(i.meetingId));
        i.alternatives = i.alternatives.filter((a) => a.id !== alternativeId);
        return detail(i.meetingId);
      }),
  };
  return methods;
}

/** The bases the core's catalogue offers a formal body in bokmål (`rules::access::bases`), played back. */
const EXEMPTION_BASES: ExemptionBasis[] = [
  { key: "personal", text: "Offentleglova § 13 første ledd, jf. forvaltningsloven § 13 første ledd nr. 1", hint: "Taushetsplikt om noens personlige forhold" },
  { key: "business", text: "Offentleglova § 13 første ledd, jf. forvaltningsloven § 13 første ledd nr. 2", hint: "Taushetsplikt om drifts- eller forretningsforhold av konkurransemessig betydning" },
  { key: "statutes", text: "Rådets vedtekter", hint: "For et frivillig råd som offentleglova ikke gjelder for" },
];

/** The core's refusals of an item form, played back with its messages. */
function refuseItem(input: AgendaItemInput) {
  const f: FieldMessage[] = [];
  if (!input.title.trim()) f.push({ field: "title", message: "Saken må ha en tittel." });
  if (input.access.exempt && !input.access.basis.trim())
    f.push({ field: "exemptBasis", message: "Velg eller skriv hjemmelen for å unnta saken fra offentlighet (for eksempel offentleglova § 13 første ledd, jf. forvaltningsloven § 13 første ledd nr. 1)." });
  if (f.length) throw invalid(f);
}

const accessOf = (input: AgendaItemInput) =>
  input.access.exempt ? { exempt: true, basis: input.access.basis.trim(), titleWithheld: input.access.titleWithheld } : { exempt: false, basis: "", titleWithheld: false };

/** An item's fields for the chair, the chair's vote, alternatives and the closed session's ground, when none is recorded. */
const noChair = (): Pick<FakeItem, "chairVote" | "alternatives" | "adopted" | "chairId" | "chairName" | "closedGround"> => ({
  chairVote: null, alternatives: [], adopted: null, chairId: null, chairName: null, closedGround: null,
});

export const emptyMeetings = (): MeetingState => ({ meetings: [], items: [], attendance: [], amendments: [], documents: [], caseCounters: {} });

/** Stavern's autumn: approved minutes from September, a meeting held last week, and one planned. */
export function demoMeetings(): MeetingState {
  const by = "Ahmed Karimi";
  const base = { guests: "", kommuneRep: "", noticeSent: null, held: null, approved: null, approval: null, endsAt: null, chairId: "m1", minuteTakerId: null, minuteTakerName: "Ingrid Halvorsen" } as const;
  const meetings: Meeting[] = [
    {
      ...base, id: "mt-sep", councilId: "c-stavern", kind: "ordinary", date: "2026-09-10", startsAt: "18:00:00", endsAt: "20:15:00", place: "Stavern bibliotek, møterommet",
      kommuneRep: "Ingrid Halvorsen", status: "approved", noticeSent: { at: "2026-08-27T10:02:00", by }, held: { at: "2026-09-10T20:20:00", by },
      approved: { at: "2026-09-10T20:40:00", by }, approval: { type: "signatories", membershipIds: ["m1", "m4"] },
    },
    {
      ...base, id: "mt-nov", councilId: "c-stavern", kind: "ordinary", date: "2026-11-12", startsAt: "18:00:00", place: "Stavern bibliotek, møterommet",
      guests: "Tone Lie (Larvik kommune, idrettskonsulent)\nTo beboere fra Agnes", kommuneRep: "Ingrid Halvorsen", status: "held",
      noticeSent: { at: "2026-10-29T09:15:00", by }, held: { at: "2026-11-12T20:05:00", by },
    },
    { ...base, id: "mt-dec", councilId: "c-stavern", kind: "joint", date: "2026-12-10", startsAt: "18:30:00", place: "Larvik rådhus", kommuneRep: "Ingrid Halvorsen", status: "planned" },
  ];
  const it = (id: string, meetingId: string, position: number, number: number | null, kind: FakeItem["kind"], title: string, rest: Partial<FakeItem> = {}): FakeItem => ({
    id, meetingId, position, caseNumber: number ? { year: 2026, number } : null, kind, title, background: "", proposal: "", decision: "", votes: null, closed: false, closedBasis: "", access: { exempt: false, basis: "", titleWithheld: false }, withdrawn: false, recusals: [], followUps: [], decisions: [], outcome: null, ...noChair(), ...rest,
  });
  const items: FakeItem[] = [
    it("i-s1", "mt-sep", 1, 5, "orientering", "Orientering fra kommunen om budsjett 2027", { decision: "Ingrid Halvorsen orienterte om kommunens budsjettforslag. Tatt til orientering." }),
    it("i-s2", "mt-sep", 2, 6, "vedtak", "Tilskudd til julemarked i Stavern sentrum", { proposal: "Stavern næringsforening får kr 15 000 til julemarkedet.", decision: "Stavern næringsforening får kr 15 000 til julemarkedet.", votes: { for: 3, against: 0, blank: 0 }, recusals: [{ membershipId: "m4", personName: "Ahmed Karimi", reason: "Styremedlem i Stavern næringsforening" }] }),
    it("i-n1", "mt-nov", 1, 7, "orientering", "Orientering fra kommunen: ny gang- og sykkelvei langs Helgeroaveien", {
      background: "Kommunen har sendt reguleringsplanen på høring. Høringsfristen er 15. desember.",
      decision: "Tone Lie orienterte om planen og viste kart. Utvalget ønsker en befaring før høringsfristen.",
      followUps: [{ id: "f1", what: "Avtale befaring langs Helgeroaveien", who: "Kari Nordmann", due: "2026-12-01" }],
    }),
    it("i-n2", "mt-nov", 2, 8, "vedtak", "Tilskudd til ny lysløype ved Stavern IL", {
      background: "Stavern IL søker om kr 40 000 til lyspunkter i lysløypa ved Bergeløkka. Prosjektet har en total kostnad på kr 310 000.",
      proposal: "Stavern IL får kr 30 000 i tilskudd til lysløypa. Tilskuddet betales ut når prosjektet er ferdig.",
      recusals: [{ membershipId: "m3", personName: "Sigrid Løvås", reason: "Nestleder i Stavern IL" }],
    }),
    it("i-n3", "mt-nov", 3, 9, "drofting", "Trafikksikkerhet ved Stavern skole", { background: "FAU har meldt om farlige situasjoner ved henting og levering om morgenen." }),
    it("i-n4", "mt-nov", 4, 10, "vedtak", "Innspill til kommunens kulturplan", { withdrawn: true }),
    it("i-d1", "mt-dec", 1, null, "orientering", "Kommunens plan for nærmiljøutvalgene 2027"),
    it("i-d2", "mt-dec", 2, null, "vedtak", "Årsmelding 2026", { proposal: "Årsmeldingen godkjennes og sendes kommunen." }),
  ];
  const a = (meetingId: string, membershipId: string, status: AttendanceStatus, substituteFor: string | null = null): FakeAttendance => ({ meetingId, membershipId, status, substituteFor });
  const attendance: FakeAttendance[] = [
    a("mt-sep", "m1", "present"), a("mt-sep", "m2", "present"), a("mt-sep", "m3", "excused"), a("mt-sep", "m4", "present"), a("mt-sep", "m5", "present"), a("mt-sep", "m6", "absent"),
    a("mt-nov", "m1", "present"), a("mt-nov", "m2", "excused"), a("mt-nov", "m3", "present"), a("mt-nov", "m4", "excused"), a("mt-nov", "m6", "present", "m2"),
  ];
  const amendments: Amendment[] = [
    { id: "am1", meetingId: "mt-sep", meetingDate: "2026-09-10", text: "I sak 06/26 skal det stå at vedtaket var enstemmig med 3 stemmer. Ahmed Karimi var inhabil og forlot møtet under saken.", recorded: { at: "2026-10-02T14:12:00", by } },
  ];
  const documents: DocumentRecord[] = [
    { id: "d1", kind: "notice", public: false, meetingId: "mt-sep", fileName: "innkalling-2026-09-10.pdf", sha256: "3f9a1c27be04d6e58a1f0c9b7d2e4a6183b5c7d9e0f1a2b3c4d5e6f708192a3b", contentSha256: "a81c9e0042fd7b6e1c3a5d7f9b0e2c4a6d8f0b1c3e5a7d9f1b3c5e7a9d0f2b4c", size: 38211n, created: { at: "2026-08-27T10:03:00", by } },
    { id: "d2", kind: "minutes", public: false, meetingId: "mt-sep", fileName: "protokoll-2026-09-10.pdf", sha256: "c0ffee52a9d14b7e88f3210d6a5b4c3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c", contentSha256: "5e2d8b1a7c4f0e3d6a9b2c5f8e1d4a7b0c3f6e9d2a5b8c1f4e7d0a3b6c9f2e5d", size: 52904n, created: { at: "2026-09-10T20:45:00", by } },
    { id: "d3", kind: "notice", public: false, meetingId: "mt-nov", fileName: "innkalling-2026-11-12.pdf", sha256: "9b8e7d6c5b4a39281706f5e4d3c2b1a0918273645546372819a0b1c2d3e4f5a6", contentSha256: "17e4c2a9b0d3f6e8a1c4b7d0e3f6a9c2b5d8e1f4a7c0b3d6e9f2a5c8b1d4e7f0", size: 40127n, created: { at: "2026-10-29T09:16:00", by } },
  ];
  return { meetings, items, attendance, amendments, documents, caseCounters: { "c-stavern/2026": 10 } };
}
