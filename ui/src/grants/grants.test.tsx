// @vitest-environment happy-dom
// The grant screens on what the core answered in the demo scenario: keyboard
// scoring, inhabil members, refusals at their field, and the budget bar's text.
import { describe, expect, it } from "vitest";
import { act } from "react";
import type { View } from "../navigation";
import { councilId, playback } from "../dev/playback";
import type { ApplicationDetail } from "../bindings/ApplicationDetail";
import type { SchemeDetail } from "../bindings/SchemeDetail";
import type { SchemeSummary } from "../bindings/SchemeSummary";
import { formatKr } from "./format";
import { $, choose, renderApp, setUpDom, text, type, waitFor } from "../testing/app";

setUpDom();

const render = (view: View) => renderApp(view, playback("demo"));

// Lyngvik's scheme of 2026 and its applications, by applicant, as the core answered.
const demo = playback("demo");
const schemeId = demo.answer<SchemeSummary[]>("listSchemes", councilId(demo, "Lyngvik nærmiljøutvalg"))[0]!.scheme.id;
const scheme = demo.answer<SchemeDetail>("getScheme", schemeId);
const applicationOf = (organisation: string) => scheme.rows.find((r) => r.application.organisation === organisation)!.application.id;
const detail = (id: string) => demo.answer<ApplicationDetail>("getApplication", id);
/** In review, not yet scored by Einar Bråthen. */
const historielag = applicationOf("Lyngvik historielag");
/** Hanne Lislerud sits for the applicant. */
const frivilligsentral = applicationOf("Lyngvik frivilligsentral");
/** Granted, reported on. */
const idrettslag = applicationOf("Lyngvik IL");
const memberOf = (id: string, name: string) => detail(id).reviews.find((r) => r.personName === name)!.membershipId;
const [cr1, cr2, cr3] = scheme.scheme.criteria.map((c) => c.id) as [string, string, string];
const decisionItem = detail(historielag).decisionItems[0]!.itemId;

async function key(el: Element, k: string) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  });
}

const cell = (membershipId: string, criterionId: string) => $<HTMLInputElement>(`#score-${membershipId}-${criterionId}`)!;

describe("the scoring grid", () => {
  it("sets a score per key, moves the focus on, and saves the row with Enter", async () => {
    const backend = await render({ name: "application", id: historielag });
    const einar = memberOf(historielag, "Einar Bråthen");
    const reviews = detail(historielag).reviews.map((r) => r.membershipId);
    const next = reviews[reviews.indexOf(einar) + 1]!;
    const first = await waitFor(() => cell(einar, cr1), "Einar's first cell");
    first.focus();
    await key(first, "4");
    expect(first.value).toBe("4");
    expect(document.activeElement).toBe(cell(einar, cr2));
    // Not a score: kept out of the cell, and answered there.
    await key(document.activeElement!, "7");
    expect(cell(einar, cr2).value).toBe("");
    expect(document.activeElement).toBe(cell(einar, cr2));
    expect(document.getElementById(`score-${einar}-${cr2}-error`)?.textContent).toBe("«7» er ikke et poeng. Skriv et tall fra 1 til 5.");
    expect(cell(einar, cr2).getAttribute("aria-invalid")).toBe("true");
    await key(document.activeElement!, "x");
    expect(document.getElementById(`score-${einar}-${cr2}-error`)?.textContent).toBe("«x» er ikke et poeng. Skriv et tall fra 1 til 5.");
    await key(document.activeElement!, "5");
    expect(document.getElementById(`score-${einar}-${cr2}-error`)).toBeNull();
    await key(document.activeElement!, "3");
    expect(document.activeElement).toBe(cell(einar, cr3));
    expect($(`[data-testid=review-row][data-membership-id='${einar}']`)!.getAttribute("data-dirty")).toBe("true");
    await key(document.activeElement!, "Enter");
    await waitFor(() => backend.callsOf("saveScores").length === 1, "the saved scores");
    expect(backend.callsOf("saveScores")[0]).toEqual([
      historielag,
      einar,
      [
        { criterionId: cr1, score: 4, comment: "" },
        { criterionId: cr2, score: 5, comment: "" },
        { criterionId: cr3, score: 3, comment: "" },
      ],
    ]);
    // The core's weighted score, (4·3 + 5·2 + 3·1) / 6 = 4,2; the focus is on the next member's first cell.
    await waitFor(() => text(`[data-testid=review-row][data-membership-id='${einar}'] [data-testid=member-weighted]`) === "4,2", "the weighted score");
    expect(document.activeElement).toBe(cell(next, cr1));
    await key(document.activeElement!, "ArrowUp");
    expect(document.activeElement).toBe(cell(einar, cr1));
    await key(document.activeElement!, "ArrowRight");
    expect(document.activeElement).toBe(cell(einar, cr2));
  });

  it("greys out an inhabil member: the reason instead of cells", async () => {
    await render({ name: "application", id: frivilligsentral });
    const hanne = memberOf(frivilligsentral, "Hanne Lislerud");
    const row = await waitFor(() => $(`[data-testid=review-row][data-membership-id='${hanne}']`), "Hanne's row");
    expect(row.getAttribute("data-inhabil")).toBe("true");
    expect(row.querySelectorAll("[data-testid=score-cell]")).toHaveLength(0);
    expect(row.textContent).toContain("Inhabil:");
    expect(row.textContent).toContain("Lyngvik frivilligsentral");
  });
});

describe("refusals", () => {
  /** Decides the historielag's application on its item, granting `granted` as typed; the amount field and its message. */
  async function decideWith(granted: string) {
    await render({ name: "application", id: historielag });
    const amount = await waitFor(() => $<HTMLInputElement>("#decision-granted"), "the decision form");
    await type(amount, granted);
    await choose($<HTMLSelectElement>("#decision-item")!, decisionItem);
    await act(async () => $<HTMLButtonElement>("[data-testid=decide]")!.click());
    const error = await waitFor(() => $("#decision-granted-error"), "the field message");
    return { amount, error };
  }

  it("shows the backend's field message next to the amount and sums up in the alert", async () => {
    const { amount, error } = await decideWith("12.500");
    expect(error.textContent?.replace(/\u00a0/g, " ")).toContain("for eksempel 12 500");
    expect(amount.getAttribute("aria-invalid")).toBe("true");
    expect(text("[data-testid=form-error]")).not.toBe("");
  });

  it("refuses a grant above the amount asked, naming the figures", async () => {
    const { error } = await decideWith("30 000");
    expect(detail(historielag).application.amountAskedOre).toBe(2_500_000);
    expect(error.textContent?.replace(/\u00a0/g, " ")).toContain("kr 25 000");
  });
});

describe("the scheme page", () => {
  it("states the budget in text: granted, paid, proposed and left", async () => {
    await render({ name: "scheme", id: schemeId });
    await waitFor(() => $("[data-testid=budget-bar]"), "the budget bar");
    const kr = (ore: number) => formatKr(ore).replace(/\u00a0/g, " ");
    expect(text("[data-testid=budget-total]")).toBe(kr(scheme.budget.budgetOre));
    expect(text("[data-testid=budget-granted]")).toBe(kr(scheme.budget.grantedOre));
    expect(text("[data-testid=budget-paid]")).toBe(kr(scheme.budget.paidOre));
    expect(text("[data-testid=budget-proposed]")).toBe(kr(scheme.budget.proposedOre));
    expect(text("[data-testid=budget-left]")).toBe(kr(scheme.budget.leftOre));
    expect(text("[data-testid=budget-total]")).toBe("kr 400 000,00");
    expect(document.querySelectorAll("[data-testid=committee-row]")).toHaveLength(scheme.rows.length);
    expect(text(`[data-testid=committee-row][data-application-id='${frivilligsentral}'] [data-testid=row-inhabil]`)).toContain("Hanne Lislerud");
    expect(document.querySelectorAll("[data-testid=report-reminder]")).toHaveLength(scheme.reminders.length);
  });
});

describe("the decision", () => {
  it("warns by name when members have not scored", async () => {
    await render({ name: "application", id: historielag });
    const warning = await waitFor(() => $("[data-testid=missing-scores]"), "the warning");
    expect(warning.textContent).toContain("har ikke gitt poeng ennå");
    expect(warning.textContent).toContain("Einar Bråthen");
  });

  it("names the item it was made in by its number and title", async () => {
    await render({ name: "application", id: idrettslag });
    const summary = await waitFor(() => $("[data-testid=decision-summary]"), "the decision");
    expect(summary.textContent).toMatch(/Sak \d\d\/26 «.+»/);
  });
});
