// Pure helpers of the meeting screens: form drafts ⇄ backend inputs, and the
// small decisions the page makes (next lifecycle step, quorum sentence).
import type { ChairVote } from "../bindings/ChairVote";
import type { ClosedGround } from "../bindings/ClosedGround";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { AgendaItemInput } from "../bindings/AgendaItemInput";
import type { Approval } from "../bindings/Approval";
import type { AttendanceRow } from "../bindings/AttendanceRow";
import type { FollowUpInput } from "../bindings/FollowUpInput";
import type { ItemDecision } from "../bindings/ItemDecision";
import type { ItemDecisionRecord } from "../bindings/ItemDecisionRecord";
import type { ItemKind } from "../bindings/ItemKind";
import type { ItemRecord } from "../bindings/ItemRecord";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingInput } from "../bindings/MeetingInput";
import type { MeetingKind } from "../bindings/MeetingKind";
import type { MeetingStatus } from "../bindings/MeetingStatus";
import type { Quorum } from "../bindings/Quorum";
import type { T } from "../i18n/translate";
import { dateFault, formatDate, readDateField, type DateWords } from "../lib/dates";
import type { FieldErrors, Parsed } from "../lib/errors";
import { formatTime, readTimeField } from "../lib/times";

/* ---------- the meeting form ---------- */

export type MeetingDraft = {
  kind: MeetingKind;
  date: string;
  startsAt: string;
  endsAt: string;
  place: string;
  guests: string;
  kommuneRep: string;
};

export const MEETING_FIELD_ORDER = [
  "meeting-kind",
  "meeting-date",
  "meeting-starts-at",
  "meeting-ends-at",
  "meeting-place",
  "meeting-guests",
  "meeting-kommune-rep",
] as const;

export const MEETING_FIELD_IDS: Record<string, string> = {
  kind: "meeting-kind",
  date: "meeting-date",
  startsAt: "meeting-starts-at",
  endsAt: "meeting-ends-at",
  place: "meeting-place",
  guests: "meeting-guests",
  kommuneRep: "meeting-kommune-rep",
};

export function newMeetingDraft(): MeetingDraft {
  return { kind: "ordinary", date: "", startsAt: "18:00", endsAt: "", place: "", guests: "", kommuneRep: "" };
}

export function editMeetingDraft(m: Meeting): MeetingDraft {
  return {
    kind: m.kind,
    date: formatDate(m.date),
    startsAt: formatTime(m.startsAt),
    endsAt: formatTime(m.endsAt),
    place: m.place,
    guests: m.guests,
    kommuneRep: m.kommuneRep,
  };
}

export type DateTimeMessages = Partial<DateWords> & {
  invalidDate: string;
  requiredDate: string;
  invalidTime: string;
  requiredTime: string;
};

export function toMeetingInput(
  d: MeetingDraft,
  councilId: string,
  msg: DateTimeMessages,
): Parsed<MeetingInput> {
  const errors: FieldErrors = {};
  const date = readDateField(d.date, false);
  if (!date.ok) errors["meeting-date"] = dateFault(date, msg);
  const starts = readTimeField(d.startsAt, false);
  if (!starts.ok) errors["meeting-starts-at"] = starts.reason === "required" ? msg.requiredTime : msg.invalidTime;
  const ends = readTimeField(d.endsAt, true);
  if (!ends.ok) errors["meeting-ends-at"] = msg.invalidTime;
  if (!date.ok || !starts.ok || !ends.ok || !date.iso || !starts.time) return { ok: false, errors };
  return {
    ok: true,
    input: {
      councilId,
      kind: d.kind,
      date: date.iso,
      startsAt: starts.time,
      endsAt: ends.time,
      place: d.place.trim(),
      guests: d.guests.trim(),
      kommuneRep: d.kommuneRep.trim(),
    },
  };
}

/* ---------- an agenda item ---------- */

export type ItemDraft = {
  kind: ItemKind;
  title: string;
  background: string;
  proposal: string;
  /** Exempt from public access (unntatt offentlighet), on `exemptBasis`. */
  exempt: boolean;
  exemptBasis: string;
  titleWithheld: boolean;
  /** A statement to the kommune: its case number, deadline (dd.mm.åååå) and unit. */
  caseRef: string;
  deadline: string;
  recipient: string;
};

export const ITEM_FIELD_ORDER = ["item-kind", "item-title", "item-case-ref", "item-deadline", "item-recipient", "item-background", "item-proposal", "item-exempt", "item-exempt-basis", "item-title-withheld"] as const;
export const ITEM_FIELD_IDS: Record<string, string> = {
  kind: "item-kind",
  title: "item-title",
  background: "item-background",
  proposal: "item-proposal",
  exemptBasis: "item-exempt-basis",
  caseRef: "item-case-ref",
  deadline: "item-deadline",
  recipient: "item-recipient",
};

const noStatement = { caseRef: "", deadline: "", recipient: "" };

export const newItemDraft = (): ItemDraft => ({ kind: "vedtak", title: "", background: "", proposal: "", exempt: false, exemptBasis: "", titleWithheld: false, ...noStatement });
export const editItemDraft = (i: AgendaItem): ItemDraft => ({
  kind: i.kind,
  title: i.title,
  background: i.background,
  proposal: i.proposal,
  exempt: i.access.exempt,
  exemptBasis: i.access.basis,
  titleWithheld: i.access.titleWithheld,
  ...(i.statement ? { caseRef: i.statement.caseRef, deadline: formatDate(i.statement.deadline), recipient: i.statement.recipient } : noStatement),
});

/** The form as the core takes it; whether an exempt item has a basis, and
 * whether a statement has its case number and deadline, are the core's rules.
 * The statement's fields go along for a statement only (as the form shows them). */
export function toItemInput(
  d: ItemDraft,
  titleRequired: string,
  dates: Partial<DateWords> & { invalidDate: string },
): Parsed<AgendaItemInput> {
  const errors: FieldErrors = {};
  if (d.title.trim() === "") errors["item-title"] = titleRequired;
  let deadline: string | null = null;
  if (d.kind === "uttalelse") {
    const r = readDateField(d.deadline, true);
    if (r.ok) deadline = r.iso;
    else errors["item-deadline"] = dateFault(r, dates);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const access = d.exempt ? { exempt: true, basis: d.exemptBasis, titleWithheld: d.titleWithheld } : { exempt: false, basis: "", titleWithheld: false };
  const input: AgendaItemInput = { kind: d.kind, title: d.title.trim(), background: d.background.trim(), proposal: d.proposal.trim(), access };
  if (d.kind === "uttalelse") input.statement = { caseRef: d.caseRef.trim(), deadline, recipient: d.recipient.trim() };
  return { ok: true, input };
}

/* ---------- what is recorded for an item ---------- */

export type RecordDraft = {
  decision: string;
  votesFor: string;
  votesAgainst: string;
  votesBlank: string;
  closed: boolean;
  closedBasis: string;
  /** "", "must", "may" or "statutes". */
  closedGround: string;
  /** How the chair voted on a tie: "", "for" or "against". */
  chairVote: string;
};

export const RECORD_FIELD_ORDER = ["item-decision", "votes-for", "votes-against", "votes-blank", "item-chair-vote", "item-closed-ground", "item-closed-basis"] as const;
export const RECORD_FIELD_IDS: Record<string, string> = {
  decision: "item-decision",
  "votes.for": "votes-for",
  "votes.against": "votes-against",
  "votes.blank": "votes-blank",
  closed: "item-closed",
  closedBasis: "item-closed-basis",
  closedGround: "item-closed-ground",
  chairVote: "item-chair-vote",
};

export function recordDraft(i: AgendaItem): RecordDraft {
  return {
    decision: i.decision,
    votesFor: i.votes ? String(i.votes.for) : "",
    votesAgainst: i.votes ? String(i.votes.against) : "",
    votesBlank: i.votes ? String(i.votes.blank) : "",
    closed: i.closed,
    closedBasis: i.closedBasis,
    closedGround: i.closedGround ?? "",
    chairVote: i.chairVote ?? "",
  };
}

export function sameRecord(a: RecordDraft, b: RecordDraft): boolean {
  return (
    a.decision === b.decision &&
    a.votesFor.trim() === b.votesFor.trim() &&
    a.votesAgainst.trim() === b.votesAgainst.trim() &&
    a.votesBlank.trim() === b.votesBlank.trim() &&
    a.closed === b.closed &&
    a.chairVote === b.chairVote &&
    (!a.closed || (a.closedBasis === b.closedBasis && a.closedGround === b.closedGround))
  );
}

/**
 * Votes are optional: all three empty means "not counted". Once one is typed,
 * an empty one counts as 0. Counts must be whole numbers (the backend checks
 * that they are not negative).
 */
export function toItemRecord(d: RecordDraft, notInteger: string): { ok: true; record: ItemRecord } | { ok: false; errors: FieldErrors } {
  const raw = { "votes-for": d.votesFor, "votes-against": d.votesAgainst, "votes-blank": d.votesBlank };
  const errors: FieldErrors = {};
  const counted = Object.values(raw).some((v) => v.trim() !== "");
  const n: Record<string, number> = {};
  for (const [id, v] of Object.entries(raw)) {
    const text = v.trim();
    if (text === "") n[id] = 0;
    else if (/^-?\d+$/.test(text)) n[id] = Number(text);
    else errors[id] = notInteger;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    record: {
      decision: d.decision.trim(),
      votes: counted ? { for: n["votes-for"]!, against: n["votes-against"]!, blank: n["votes-blank"]! } : null,
      closed: d.closed,
      closedBasis: d.closed ? d.closedBasis.trim() : "",
      closedGround: d.closed && d.closedGround ? (d.closedGround as ClosedGround) : null,
      chairVote: d.chairVote ? (d.chairVote as ChairVote) : null,
    },
  };
}

/* ---------- a decision inside an item ---------- */

export type DecisionDraft = { decision: string; votesFor: string; votesAgainst: string; votesBlank: string; chairVote?: string };

export function decisionDraft(d: ItemDecision): DecisionDraft {
  const v = d.votes;
  return { decision: d.decision, votesFor: v ? String(v.for) : "", votesAgainst: v ? String(v.against) : "", votesBlank: v ? String(v.blank) : "", chairVote: d.chairVote ?? "" };
}

/** The draft as core takes it; `ids` names the inputs ("votes.for" → its element id) for the errors. */
export function toDecisionRecord(
  d: DecisionDraft,
  notInteger: string,
  ids: Record<"votes.for" | "votes.against" | "votes.blank", string>,
): { ok: true; record: ItemDecisionRecord } | { ok: false; errors: FieldErrors } {
  const r = toItemRecord(
    { decision: d.decision, votesFor: d.votesFor, votesAgainst: d.votesAgainst, votesBlank: d.votesBlank, closed: false, closedBasis: "", closedGround: "", chairVote: d.chairVote ?? "" },
    notInteger,
  );
  if (!r.ok) {
    const byId: Record<string, string> = { "votes-for": ids["votes.for"], "votes-against": ids["votes.against"], "votes-blank": ids["votes.blank"] };
    return { ok: false, errors: Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [byId[k] ?? k, v])) };
  }
  return { ok: true, record: { decision: r.record.decision, votes: r.record.votes, chairVote: r.record.chairVote } };
}

/* ---------- a follow-up ---------- */

export type FollowUpDraft = { what: string; who: string; due: string };
export const FOLLOW_UP_FIELD_ORDER = ["follow-up-what", "follow-up-who", "follow-up-due"] as const;
export const FOLLOW_UP_FIELD_IDS: Record<string, string> = { what: "follow-up-what", who: "follow-up-who", due: "follow-up-due" };
export const newFollowUpDraft = (): FollowUpDraft => ({ what: "", who: "", due: "" });

export function toFollowUpInput(
  d: FollowUpDraft,
  msg: Partial<DateWords> & { whatRequired: string; invalidDate: string },
): Parsed<FollowUpInput> {
  const errors: FieldErrors = {};
  if (d.what.trim() === "") errors["follow-up-what"] = msg.whatRequired;
  const due = readDateField(d.due, true);
  if (!due.ok) errors["follow-up-due"] = dateFault(due, msg);
  if (!due.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { what: d.what.trim(), who: d.who.trim(), due: due.iso } };
}

/* ---------- page decisions ---------- */

export type LifecycleAction = "send-notice" | "mark-held" | "approve-minutes";

/** The one step that moves the meeting on, or null once the minutes are approved. */
export function nextAction(status: MeetingStatus): LifecycleAction | null {
  switch (status) {
    case "planned":
      return "send-notice";
    case "notice_sent":
      return "mark-held";
    case "held":
      return "approve-minutes";
    case "approved":
      return null;
  }
}

export function statusColor(status: MeetingStatus): "neutral" | "info" | "warning" | "success" {
  switch (status) {
    case "planned":
      return "neutral";
    case "notice_sent":
      return "info";
    case "held":
      return "warning";
    case "approved":
      return "success";
  }
}

/** "18:00–20:30", or "18:00" without an end. */
export function timeRange(startsAt: string, endsAt: string | null): string {
  const start = formatTime(startsAt);
  return endsAt ? `${start}–${formatTime(endsAt)}` : start;
}

/** The numbers a quorum sentence needs. */
export function quorumParams(q: Quorum) {
  return { voting: q.voting, seats: q.seats, required: q.required, inhabil: q.inhabil };
}

/** Members who are present at the meeting. */
export const presentRows = (rows: AttendanceRow[]) => rows.filter((r) => r.status === "present");

/** Members holding a seat (a varamedlem can meet for one of them). */
export const seatRows = (rows: AttendanceRow[]) => rows.filter((r) => r.role !== "varamedlem");

/** Which item to show after the agenda changed: a new one if one appeared, else the same, else the first open one. */
export function pickItem(items: AgendaItem[], current: string | null, before: readonly string[] | null): string | null {
  if (before) {
    const added = items.find((i) => !before.includes(i.id));
    if (added) return added.id;
  }
  if (current && items.some((i) => i.id === current)) return current;
  return (items.find((i) => !i.withdrawn) ?? items[0])?.id ?? null;
}

/* ---------- approving the minutes ---------- */

export type ApprovalMode = Approval["type"];
export type ApprovalDraft = { mode: ApprovalMode; first: string; second: string; itemId: string };

export const APPROVAL_FIELD_ORDER = ["signatory-1", "signatory-2", "approval-item"] as const;
export const APPROVAL_FIELD_IDS: Record<string, string> = {
  signatories: "signatory-1",
  "signatories.0": "signatory-1",
  "signatories.1": "signatory-2",
  itemId: "approval-item",
};

/** The approval to send, or the messages by input id: two different signatories, or one later item. */
export function toApproval(
  d: ApprovalDraft,
  msg: { chooseMember: string; different: string; chooseItem: string },
): { ok: true; approval: Approval } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (d.mode === "laterMeeting") {
    if (!d.itemId) errors["approval-item"] = msg.chooseItem;
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, approval: { type: "laterMeeting", itemId: d.itemId } };
  }
  if (!d.first) errors["signatory-1"] = msg.chooseMember;
  if (!d.second) errors["signatory-2"] = msg.chooseMember;
  else if (d.second === d.first) errors["signatory-2"] = msg.different;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, approval: { type: "signatories", membershipIds: [d.first, d.second] } };
}

/** First 12 hex digits of a checksum, as printed in a document's footer. */
export const shortHash = (sha256: string) => sha256.slice(0, 12);

/* ---------- confirmations ---------- */

/** An agenda item as a confirmation names it: its case number ("Sak 03/26"), or its title before it has one. */
export function itemName(t: T, item: Pick<AgendaItem, "caseLabel" | "title">): string {
  return item.caseLabel ?? t("confirm.itemTitle", { title: item.title });
}
