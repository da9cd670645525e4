// The fake backend's duty rules, roughly those of the Rust core: enough that
// the screenshots show believable states.
import { describe, expect, it } from "vitest";
import { createFakeBackend, demoState } from "./fakeBackend";
import { dutyStatus } from "./fakeDuties";

const fresh = () => createFakeBackend(demoState({ userName: "Kari", language: "nb" }), { today: "2026-11-22" });

describe("fake duties", () => {
  it("derives the status from the due date, evidence and waivers", () => {
    expect(dutyStatus("2026-11-30", false, false, true, "2026-11-22")).toBe("due_soon");
    expect(dutyStatus("2026-06-30", false, false, true, "2026-11-22")).toBe("overdue");
    expect(dutyStatus("2027-03-01", false, false, true, "2026-11-22")).toBe("open");
    expect(dutyStatus("2026-06-30", true, true, true, "2026-11-22")).toBe("fulfilled");
    expect(dutyStatus("2026-06-30", false, true, true, "2026-11-22")).toBe("waived");
    expect(dutyStatus("2027-01-31", false, false, false, "2026-11-22")).toBe("not_applicable");
  });

  it("refuses a waiver without a reason at its field, and keeps the duty as it was", async () => {
    const b = fresh();
    await expect(b.editDuty("c-stavern", 2026, "open_meeting", { action: "waive", reason: "  " })).rejects.toMatchObject({
      code: "invalid",
      fields: [{ field: "reason" }],
    });
    const open = (await b.listDuties("c-stavern", 2026)).find((d) => d.kind === "open_meeting")!;
    expect(open.status).toBe("overdue");
    const after = await b.editDuty("c-stavern", 2026, "open_meeting", { action: "waive", reason: "Ingen lokaler" });
    expect(after.find((d) => d.kind === "open_meeting")).toMatchObject({ status: "waived", waivedReason: "Ingen lokaler" });
    const lifted = await b.editDuty("c-stavern", 2026, "open_meeting", { action: "unwaive" });
    expect(lifted.find((d) => d.kind === "open_meeting")!.status).toBe("overdue");
  });

  it("moves a due date and restores the standard one", async () => {
    const b = fresh();
    const moved = await b.editDuty("c-stavern", 2026, "joint_meeting", { action: "setDue", due: "2026-11-01" });
    expect(moved.find((d) => d.kind === "joint_meeting")).toMatchObject({ due: "2026-11-01", defaultDue: false, status: "overdue" });
    const back = await b.editDuty("c-stavern", 2026, "joint_meeting", { action: "setDue", due: null });
    expect(back.find((d) => d.kind === "joint_meeting")).toMatchObject({ due: "2026-11-30", defaultDue: true, status: "due_soon" });
  });

  it("fulfils the joint meeting once one is held, and the annual report once exported", async () => {
    const b = fresh();
    const joint = async () => (await b.getOverview(2026)).councils.find((c) => c.councilId === "c-stavern")!.duties.find((d) => d.kind === "joint_meeting")!;
    expect((await joint()).status).toBe("due_soon");
    b.state.meetings.meetings.find((m) => m.id === "mt-dec")!.status = "held";
    expect(await joint()).toMatchObject({ status: "fulfilled", evidence: { kind: "meeting", id: "mt-dec" } });
    await b.exportAnnualReport("c-stavern", 2026);
    const report = (await b.listDuties("c-stavern", 2026)).find((d) => d.kind === "annual_report")!;
    expect(report.status).toBe("fulfilled");
  });

  it("sums the year's grants and counts the duties per council", async () => {
    const o = await (fresh()).getOverview(2026);
    const stavern = o.councils.find((c) => c.councilId === "c-stavern")!;
    expect(stavern).toMatchObject({ budgetOre: 15_000_000, grantedOre: 3_800_000, paidOre: 2_300_000, leftOre: 11_200_000 });
    expect(stavern.dutiesOverdue).toBe(1);
    const lyngvik = o.councils.find((c) => c.councilId === "c-lyngvik")!;
    expect(lyngvik.duties.map((d) => d.status)).toEqual(["due_soon", "waived", "open", "not_applicable"]);
  });
});
