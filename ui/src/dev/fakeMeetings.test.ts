// The fake backend's meeting rules, roughly those of the Rust core: enough
// that the screenshots show believable states.
import { describe, expect, it } from "vitest";
import { createFakeBackend, demoState } from "./fakeBackend";

const fresh = () => createFakeBackend(demoState({ userName: "Kari", language: "nb" }), { today: "2026-11-22" });

describe("fake meetings", () => {
  it("numbers items when the notice is sent, and refuses without a place", async () => {
    const b = fresh();
    const d = await b.createMeeting({ councilId: "c-stavern", kind: "ordinary", date: "2027-01-14", startsAt: "18:00", endsAt: null, place: "", guests: "", kommuneRep: "" });
    expect(d.meeting.startsAt).toBe("18:00:00");
    const id = d.meeting.id;
    await b.addItem(id, { kind: "vedtak", title: "Budsjett", background: "", proposal: "", access: { exempt: false, basis: "", titleWithheld: false } });
    await expect(b.sendNotice(id)).rejects.toMatchObject({ fields: [{ field: "place" }] });
    const m = (await b.getMeeting(id)).meeting;
    await b.updateMeeting(id, { ...m, place: "Biblioteket" });
    const sent = await b.sendNotice(id);
    expect(sent.meeting.status).toBe("notice_sent");
    expect(sent.items[0]!.caseLabel).toBe("Sak 01/27");
  });

  it("counts a deputy meeting for a member and leaves an inhabil member out of the quorum", async () => {
    const b = fresh();
    const d = await b.getMeeting("mt-nov");
    const q = (id: string) => d.items.find((i) => i.id === id)!.quorum;
    expect(q("i-n1")).toMatchObject({ seats: 6, present: 3, voting: 3, required: 3, quorate: true });
    expect(q("i-n2")).toMatchObject({ present: 3, inhabil: 1, voting: 2, quorate: false });
  });

  it("refuses approval while something blocks, then locks the minutes", async () => {
    const b = fresh();
    const approval = { type: "signatories" as const, membershipIds: ["m1", "m3"] };
    await expect(b.approveMinutes("mt-nov", approval)).rejects.toMatchObject({ code: "conflict" });
    const m = (await b.getMeeting("mt-nov")).meeting;
    await b.updateMeeting("mt-nov", { ...m, endsAt: "20:00" });
    await b.setAttendance("mt-nov", { membershipId: "m5", status: "absent", substituteFor: null });
    await b.recordItem("i-n2", { decision: "Innvilget.", votes: null, closed: false, closedBasis: "", closedGround: null, chairVote: null });
    const ready = await b.recordItem("i-n3", { decision: "Drøftet.", votes: null, closed: false, closedBasis: "", closedGround: null, chairVote: null });
    expect(ready.missing.filter((x) => x.blocking)).toEqual([]);
    await expect(b.approveMinutes("mt-nov", { type: "signatories", membershipIds: ["m1", "m1"] })).rejects.toMatchObject({ fields: [{ field: "signatories" }] });
    const done = await b.approveMinutes("mt-nov", approval);
    expect(done.meeting.status).toBe("approved");
    await expect(b.recordItem("i-n3", { decision: "Endret.", votes: null, closed: false, closedBasis: "", closedGround: null, chairVote: null })).rejects.toMatchObject({ code: "conflict" });
    const amended = await b.addAmendment("mt-nov", "Rettelse.");
    expect(amended.amendments).toHaveLength(1);
  });

  it("approves by a decided item of a later meeting of the same council", async () => {
    const b = fresh();
    expect(await b.listApprovalItems("mt-nov")).toEqual([]);
    b.state.meetings.items.find((i) => i.id === "i-d2")!.decision = "Årsmeldingen er godkjent.";
    expect(await b.listApprovalItems("mt-nov")).toEqual([{ itemId: "i-d2", meetingId: "mt-dec", meetingDate: "2026-12-10", caseLabel: null, title: "Årsmelding 2026" }]);
    expect((await b.listApprovalItems("mt-sep")).map((c) => c.itemId)).toEqual(["i-n1", "i-d2"]);
    const m = (await b.getMeeting("mt-nov")).meeting;
    await b.updateMeeting("mt-nov", { ...m, endsAt: "20:00" });
    await b.setAttendance("mt-nov", { membershipId: "m5", status: "absent", substituteFor: null });
    await b.recordItem("i-n2", { decision: "Innvilget.", votes: null, closed: false, closedBasis: "", closedGround: null, chairVote: null });
    await b.recordItem("i-n3", { decision: "Drøftet.", votes: null, closed: false, closedBasis: "", closedGround: null, chairVote: null });
    await expect(b.approveMinutes("mt-nov", { type: "laterMeeting", itemId: "i-n2" })).rejects.toMatchObject({ fields: [{ field: "itemId" }] });
    const done = await b.approveMinutes("mt-nov", { type: "laterMeeting", itemId: "i-d2" });
    expect(done.meeting.approval).toEqual({ type: "laterMeeting", itemId: "i-d2" });
    expect(done.approvedIn).toBe("Årsmelding 2026 (10.12.2026)");
  });
});
