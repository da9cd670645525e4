import { describe, expect, it } from "vitest";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { Meeting } from "../bindings/Meeting";
import {
  editMeetingDraft,
  newMeetingDraft,
  nextAction,
  pickItem,
  recordDraft,
  sameRecord,
  shortHash,
  timeRange,
  toApproval,
  toFollowUpInput,
  toItemInput,
  toItemRecord,
  toMeetingInput,
} from "./meetingModel";

const msg = { invalidDate: "bad date", requiredDate: "no date", invalidTime: "bad time", requiredTime: "no time" };

const meeting: Meeting = {
  id: "m",
  councilId: "c",
  kind: "joint",
  date: "2026-12-10",
  startsAt: "18:30:00",
  endsAt: null,
  place: "Rådhuset",
  guests: "",
  kommuneRep: "Ingrid",
  status: "planned",
  noticeSent: null,
  held: null,
  approved: null,
  approval: null,
  chairId: null,
  minuteTakerId: null,
  minuteTakerName: "",
};

const item = (over: Partial<AgendaItem> = {}): AgendaItem => ({
  id: "i1",
  meetingId: "m",
  position: 1,
  caseNumber: null,
  caseLabel: null,
  kind: "vedtak",
  title: "Sak",
  background: "",
  proposal: "",
  decision: "",
  votes: null,
  closed: false,
  closedBasis: "",
  access: { exempt: false, basis: "", titleWithheld: false },
  withdrawn: false,
  inhabilMembers: [],
  grants: [],
  statement: null,
  decisions: [],
  outcome: null,
  chairVote: null,
  alternatives: [],
  adopted: null,
  chairId: null,
  chairName: null,
  closedGround: null,
  followUps: [],
  quorum: { seats: 6, present: 4, inhabil: 0, voting: 4, required: 3, quorate: true },
  ...over,
});

describe("the meeting form", () => {
  it("turns typed text into a MeetingInput", () => {
    const d = { ...newMeetingDraft(), date: "10.12.2026", startsAt: "18.30", endsAt: "2030", place: " Rådhuset " };
    expect(toMeetingInput(d, "c", msg)).toEqual({
      ok: true,
      input: { councilId: "c", kind: "ordinary", date: "2026-12-10", startsAt: "18:30", endsAt: "20:30", place: "Rådhuset", guests: "", kommuneRep: "" },
    });
  });
  it("starts at 18:00 and leaves the end open", () => {
    const r = toMeetingInput({ ...newMeetingDraft(), date: "1.2.2027" }, "c", msg);
    expect(r.ok && r.input.startsAt).toBe("18:00");
    expect(r.ok && r.input.endsAt).toBeNull();
  });
  it("names every field it cannot read", () => {
    const r = toMeetingInput({ ...newMeetingDraft(), date: "31.11.2026", startsAt: "", endsAt: "25" }, "c", msg);
    expect(r).toEqual({ ok: false, errors: { "meeting-date": "bad date", "meeting-starts-at": "no time", "meeting-ends-at": "bad time" } });
  });
  it("shows a stored meeting as typed", () => {
    expect(editMeetingDraft(meeting)).toEqual({ kind: "joint", date: "10.12.2026", startsAt: "18:30", endsAt: "", place: "Rådhuset", guests: "", kommuneRep: "Ingrid" });
  });
});

const dates = { invalidDate: "bad date", noSuchDay: () => "no such day" };

describe("an item", () => {
  it("needs a title", () => {
    const open = { exempt: false, exemptBasis: "", titleWithheld: false, caseRef: "", deadline: "", recipient: "" };
    expect(toItemInput({ kind: "drofting", title: "  ", background: "", proposal: "", ...open }, "title!", dates)).toEqual({ ok: false, errors: { "item-title": "title!" } });
    expect(toItemInput({ kind: "drofting", title: " Veg ", background: " b ", proposal: "", ...open }, "x", dates)).toEqual({
      ok: true,
      input: { kind: "drofting", title: "Veg", background: "b", proposal: "", access: { exempt: false, basis: "", titleWithheld: false } },
    });
    // Unticked, a basis typed before is not sent; ticked, the basis goes to the core as typed (it holds the rule).
    expect(toItemInput({ kind: "vedtak", title: "Sak", background: "", proposal: "", exempt: false, exemptBasis: "x", titleWithheld: true, caseRef: "", deadline: "", recipient: "" }, "t", dates)).toMatchObject({
      input: { access: { exempt: false, basis: "", titleWithheld: false } },
    });
    expect(toItemInput({ kind: "vedtak", title: "Sak", background: "", proposal: "", exempt: true, exemptBasis: "", titleWithheld: true, caseRef: "", deadline: "", recipient: "" }, "t", dates)).toMatchObject({
      ok: true,
      input: { access: { exempt: true, basis: "", titleWithheld: true } },
    });
  });
  it("sends a statement's case number and deadline as typed, for the core to judge", () => {
    const base = { kind: "uttalelse" as const, title: "Høring", background: "", proposal: "", exempt: false, exemptBasis: "", titleWithheld: false, recipient: " Arealplan " };
    expect(toItemInput({ ...base, caseRef: " 24/01234 ", deadline: "01.04.2026" }, "t", dates)).toMatchObject({
      ok: true,
      input: { statement: { caseRef: "24/01234", deadline: "2026-04-01", recipient: "Arealplan" } },
    });
    // Empty: the core says what is missing, at its field; a date that is no date is said here.
    expect(toItemInput({ ...base, caseRef: "", deadline: "" }, "t", dates)).toMatchObject({ ok: true, input: { statement: { caseRef: "", deadline: null } } });
    expect(toItemInput({ ...base, title: "", caseRef: "", deadline: "31.02.2026" }, "t", dates)).toEqual({
      ok: false,
      errors: { "item-title": "t", "item-deadline": "no such day" },
    });
    // Another kind sends no statement, whatever was typed before the kind was changed.
    const vedtak = toItemInput({ ...base, kind: "vedtak", caseRef: "24/01234", deadline: "01.04.2026" }, "t", dates);
    expect(vedtak.ok && vedtak.input.statement).toBeUndefined();
  });
});

describe("the record of an item", () => {
  it("leaves votes out when none are typed", () => {
    const r = toItemRecord({ ...recordDraft(item()), decision: " Vedtatt. " }, "int");
    expect(r).toEqual({ ok: true, record: { decision: "Vedtatt.", votes: null, closed: false, closedBasis: "", closedGround: null, chairVote: null } });
  });
  it("counts an empty box as 0 once one is typed", () => {
    const r = toItemRecord({ ...recordDraft(item()), votesFor: "4", votesBlank: "" }, "int");
    expect(r.ok && r.record.votes).toEqual({ for: 4, against: 0, blank: 0 });
  });
  it("rejects counts that are not whole numbers and lets the backend judge negatives", () => {
    expect(toItemRecord({ ...recordDraft(item()), votesFor: "tre", votesAgainst: "1,5" }, "int")).toEqual({ ok: false, errors: { "votes-for": "int", "votes-against": "int" } });
    const r = toItemRecord({ ...recordDraft(item()), votesFor: "-1" }, "int");
    expect(r.ok && r.record.votes?.for).toBe(-1);
  });
  it("drops the legal basis when the session was not closed", () => {
    const r = toItemRecord({ ...recordDraft(item()), closed: false, closedBasis: "§ 11-5" }, "int");
    expect(r.ok && r.record.closedBasis).toBe("");
  });
  it("round-trips a recorded item and notices changes", () => {
    const saved = item({ decision: "Ja", votes: { for: 3, against: 1, blank: 0 }, closed: true, closedBasis: "§ 11-5" });
    const d = recordDraft(saved);
    expect(d).toEqual({ decision: "Ja", votesFor: "3", votesAgainst: "1", votesBlank: "0", closed: true, closedBasis: "§ 11-5", closedGround: "", chairVote: "" });
    expect(sameRecord(d, recordDraft(saved))).toBe(true);
    expect(sameRecord({ ...d, votesFor: "4" }, recordDraft(saved))).toBe(false);
  });
});

describe("a follow-up", () => {
  it("needs what to do; the date is optional", () => {
    const m = { whatRequired: "what!", invalidDate: "date!" };
    expect(toFollowUpInput({ what: "", who: "", due: "32.01.2027" }, m)).toEqual({ ok: false, errors: { "follow-up-what": "what!", "follow-up-due": "date!" } });
    expect(toFollowUpInput({ what: " Ring ", who: "Kari", due: "" }, m)).toEqual({ ok: true, input: { what: "Ring", who: "Kari", due: null } });
    expect(toFollowUpInput({ what: "Ring", who: "", due: "1.12.2026" }, m)).toEqual({ ok: true, input: { what: "Ring", who: "", due: "2026-12-01" } });
  });
});

describe("page decisions", () => {
  it("offers one next step per status", () => {
    expect(nextAction("planned")).toBe("send-notice");
    expect(nextAction("notice_sent")).toBe("mark-held");
    expect(nextAction("held")).toBe("approve-minutes");
    expect(nextAction("approved")).toBeNull();
  });
  it("writes the time span", () => {
    expect(timeRange("18:00:00", "20:15:00")).toBe("18:00–20:15");
    expect(timeRange("18:00:00", null)).toBe("18:00");
  });
  it("selects a new item, else keeps the selection, else the first open one", () => {
    const items = [item({ id: "a", withdrawn: true }), item({ id: "b" }), item({ id: "c" })];
    expect(pickItem(items, "b", ["a", "b"])).toBe("c");
    expect(pickItem(items, "b", null)).toBe("b");
    expect(pickItem(items, "gone", null)).toBe("b");
    expect(pickItem([], null, null)).toBeNull();
  });
  it("shortens a checksum to the 12 digits printed in the footer", () => {
    expect(shortHash("3f9a1c27be04d6e58a1f")).toBe("3f9a1c27be04");
  });
});

describe("approving the minutes", () => {
  const msg = { chooseMember: "member!", different: "different!", chooseItem: "item!" };
  const draft = { mode: "signatories" as const, first: "", second: "", itemId: "" };
  it("needs two different signatories", () => {
    expect(toApproval(draft, msg)).toEqual({ ok: false, errors: { "signatory-1": "member!", "signatory-2": "member!" } });
    expect(toApproval({ ...draft, first: "m1", second: "m1" }, msg)).toEqual({ ok: false, errors: { "signatory-2": "different!" } });
    expect(toApproval({ ...draft, first: "m1", second: "m3", itemId: "x" }, msg)).toEqual({ ok: true, approval: { type: "signatories", membershipIds: ["m1", "m3"] } });
  });
  it("needs an item of a later meeting, and ignores the signatories then", () => {
    const later = { ...draft, mode: "laterMeeting" as const, first: "m1" };
    expect(toApproval(later, msg)).toEqual({ ok: false, errors: { "approval-item": "item!" } });
    expect(toApproval({ ...later, itemId: "i-d3" }, msg)).toEqual({ ok: true, approval: { type: "laterMeeting", itemId: "i-d3" } });
  });
});
