import { describe, expect, it } from "vitest";
import { draftFrom, emptyDraft, seatTotal, toInput } from "./councilFormModel";

const STAVERN = ["senior", "school", "sports", "business", "volunteer"];
const SOR_ODAL = ["oppstad", "sander", "skarnes", "kommunen"];

describe("council form model", () => {
  it("turns a draft into a CouncilInput with numbers", () => {
    const d = { ...emptyDraft(STAVERN), name: "Stavern", seats: { senior: "1", school: "1", sports: "1", business: "1", volunteer: "2" } };
    const r = toInput(d);
    expect("input" in r && r.input.seatPlan).toEqual({ senior: 1, school: 1, sports: 1, business: 1, volunteer: 2 });
    expect("input" in r && Object.keys(r.input)).not.toContain("seats");
  });
  it("has one seat field per category of the profile, in its order", () => {
    expect(Object.keys(emptyDraft(SOR_ODAL).seats)).toEqual(SOR_ODAL);
    const r = toInput({ ...emptyDraft(SOR_ODAL), seats: { oppstad: "1", sander: "0", skarnes: "2", kommunen: "1" } });
    expect("input" in r && r.input.seatPlan).toEqual({ oppstad: 1, sander: 0, skarnes: 2, kommunen: 1 });
  });
  it("keeps a removed category's seats in the draft of a saved council", () => {
    const saved = { ...toInputOf(emptyDraft(SOR_ODAL)), seatPlan: { skarnes: 1, senior: 2 } };
    expect(draftFrom(saved, SOR_ODAL).seats).toEqual({ oppstad: "0", sander: "0", skarnes: "1", kommunen: "0", senior: "2" });
  });
  it("reports seat fields that are not whole numbers", () => {
    const d = { ...emptyDraft(STAVERN), seats: { ...emptyDraft(STAVERN).seats, sports: "", business: "1.5" } };
    expect(toInput(d)).toEqual({ badSeats: ["seats-sports", "seats-business"] });
  });
  it("lets negative numbers through for the backend to explain", () => {
    const d = { ...emptyDraft(STAVERN), seats: { ...emptyDraft(STAVERN).seats, volunteer: "-1" } };
    expect("input" in toInput(d)).toBe(true);
  });
  it("totals the seat plan", () => {
    expect(seatTotal({ senior: "1", school: "1", sports: "1", business: "1", volunteer: "2" })).toBe(6);
    expect(seatTotal({ senior: "x", school: "-3", sports: "1", business: "", volunteer: "2" })).toBe(3);
  });
  it("never carries a council's id into the input", () => {
    const council = { id: "c1", ...toInputOf(emptyDraft(STAVERN)) };
    const r = toInput(draftFrom(council, STAVERN));
    expect("input" in r && "id" in r.input).toBe(false);
  });
});

function toInputOf(d: ReturnType<typeof emptyDraft>) {
  const r = toInput(d);
  if (!("input" in r)) throw new Error("bad draft");
  return r.input;
}
