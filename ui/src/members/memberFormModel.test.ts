import { describe, expect, it } from "vitest";
import { newMemberDraft, toMembershipEdit, toMembershipInput } from "./memberFormModel";

const msg = { invalidDate: "ugyldig", requiredDate: "mangler", personRequired: "velg" };

describe("member form model", () => {
  it("defaults term from to today, as dd.mm.åååå", () => {
    expect(newMemberDraft("sports", "2026-11-22").termFrom).toBe("22.11.2026");
  });
  it("builds a MembershipInput for a new person, with ISO dates and an open end", () => {
    const d = { ...newMemberDraft("volunteer", "2026-11-22"), name: "Kari", gender: "female" as const };
    const r = toMembershipInput(d, "c1", msg);
    expect(r).toEqual({
      ok: true,
      input: {
        councilId: "c1",
        person: { type: "new", person: { name: "Kari", email: "", phone: "", gender: "female" } },
        category: "volunteer",
        role: "medlem",
        organisation: "",
        termFrom: "2026-11-22",
        termTo: null,
      },
    });
  });
  it("builds a MembershipInput for an existing person", () => {
    const d = { ...newMemberDraft("senior", "2026-11-22"), personMode: "existing" as const, personId: "p1" };
    const r = toMembershipInput(d, "c1", msg);
    expect(r.ok && r.input.person).toEqual({ type: "existing", id: "p1" });
  });
  it("gives field messages for dates it cannot read and a missing person", () => {
    const d = { ...newMemberDraft("senior"), personMode: "existing" as const, termFrom: "31.02.2026", termTo: "snart" };
    expect(toMembershipInput(d, "c1", msg)).toEqual({
      ok: false,
      errors: { "member-person": "velg", "member-term-from": "ugyldig", "member-term-to": "ugyldig" },
    });
  });
  it("builds a MembershipEdit with an unset gender as null", () => {
    const d = { ...newMemberDraft("school", "2026-11-22"), name: "Ola", termTo: "31.12.2027" };
    const r = toMembershipEdit(d, msg);
    expect(r.ok && r.edit.person.gender).toBeNull();
    expect(r.ok && r.edit.termTo).toBe("2027-12-31");
  });
});
