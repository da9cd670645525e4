// The English wording (issue 16, item 10): one word for one thing across the
// UI's catalogue and the core's (PDFs, messages), "municipality" throughout,
// and the amount example that never breaks inside a number.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ui from "./en.json";

const core = JSON.parse(readFileSync(fileURLToPath(new URL("../../../i18n/en.json", import.meta.url)), "utf8")) as Record<string, string>;
const coreNb = JSON.parse(readFileSync(fileURLToPath(new URL("../../../i18n/nb.json", import.meta.url)), "utf8")) as Record<string, string>;
const uiEn = ui as Record<string, string>;

describe("the English catalogues", () => {
  it("name seat categories and duties from the profile, sent by the core; the built-in duties are the core's", () => {
    expect(uiEn["category.volunteer"]).toBeUndefined();
    expect(core["duty_kind.grant_report"]).toBe("Grant report");
  });

  it("say municipality, never the Norwegian word alone", () => {
    for (const [key, text] of [...Object.entries(uiEn), ...Object.entries(core)]) {
      expect(/\bkommune\b/.test(text), `${key}: ${text}`).toBe(false);
    }
  });

  it("use one label for one thing", () => {
    const byText = new Map<string, string[]>();
    for (const [key, text] of Object.entries(uiEn)) byText.set(text, [...(byText.get(text) ?? []), key]);
    expect(byText.get("Record") ?? []).toEqual([]);
    expect(byText.get("Voluntary sector") ?? []).toEqual([]);
  });

  it("keep the amount example whole with no-break spaces", () => {
    for (const catalogue of [core, coreNb]) {
      const text = catalogue["validation.amount_malformed"]!;
      expect(text).toContain("12\u00a0500,50");
      expect(text).not.toContain("12 500");
    }
  });
});
