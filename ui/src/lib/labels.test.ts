import { describe, expect, it } from "vitest";
import { translator } from "../i18n/translate";
import { candidateLabel, caseLabel } from "./labels";

describe("case numbers", () => {
  const nb = translator("nb");
  it("are named in the person's language, two digits each", () => {
    expect(caseLabel(nb, { year: 2026, number: 5 })).toBe("Sak 05/26");
    expect(caseLabel(translator("en"), { year: 2027, number: 112 })).toBe("Case 112/27");
  });
  it("label a later meeting's item with its case number, title and date", () => {
    const c = { itemId: "i", meetingId: "m", meetingDate: "2026-04-16", caseNumber: { year: 2026, number: 5 }, title: "Godkjenning av protokoll" };
    expect(candidateLabel(nb, c)).toBe("Sak 05/26 – Godkjenning av protokoll (16.04.2026)");
    expect(candidateLabel(nb, { ...c, caseNumber: null })).toBe("Godkjenning av protokoll (16.04.2026)");
  });
});
