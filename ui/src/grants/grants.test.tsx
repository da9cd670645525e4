// @vitest-environment happy-dom
// The grant screens rendered against the in-memory fake backend: keyboard
// scoring, inhabil members, refusals at their field, and the budget bar's text.
import { describe, expect, it } from "vitest";
import { act } from "react";
import type { View } from "../navigation";
import { createFakeBackend, demoState } from "../dev/fakeBackend";
import { $, renderApp, setUpDom, text, type, waitFor } from "../testing/app";

setUpDom();

const render = (view: View) => renderApp(view, createFakeBackend(demoState({ userName: "Kari Nordmann", language: "nb" }), { today: "2026-11-22" }));

async function key(el: Element, k: string) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  });
}

const cell = (membershipId: string, criterionId: string) => $<HTMLInputElement>(`#score-${membershipId}-${criterionId}`)!;

describe("the scoring grid", () => {
  it("sets a score per key, moves the focus on, and saves the row with Enter", async () => {
    const backend = await render({ name: "application", id: "ga3" });
    // Bjørn Åsheim (m5) has not scored Agnes vel yet.
    const first = await waitFor(() => cell("m5", "cr1"), "Bjørn's first cell");
    first.focus();
    await key(first, "4");
    expect(first.value).toBe("4");
    expect(document.activeElement).toBe(cell("m5", "cr2"));
    // Not a score: kept out of the cell, and answered there.
    await key(document.activeElement!, "7");
    expect(cell("m5", "cr2").value).toBe("");
    expect(document.activeElement).toBe(cell("m5", "cr2"));
    expect(text("#score-m5-cr2-error")).toBe("«7» er ikke et poeng. Skriv et tall fra 1 til 5.");
    expect(cell("m5", "cr2").getAttribute("aria-invalid")).toBe("true");
    await key(document.activeElement!, "x");
    expect(text("#score-m5-cr2-error")).toBe("«x» er ikke et poeng. Skriv et tall fra 1 til 5.");
    await key(document.activeElement!, "5");
    expect($("#score-m5-cr2-error")).toBeNull();
    await key(document.activeElement!, "3");
    expect(document.activeElement).toBe(cell("m5", "cr3"));
    expect($("[data-testid=review-row][data-membership-id=m5]")!.getAttribute("data-dirty")).toBe("true");
    await key(document.activeElement!, "Enter");
    await waitFor(() => backend.state.grants!.scores.filter((s) => s.applicationId === "ga3" && s.membershipId === "m5").length === 3, "the saved scores");
    // (4·3 + 5·2 + 3·1) / 6 = 4,2; the focus is on the next member's first cell.
    await waitFor(() => text("[data-testid=review-row][data-membership-id=m5] [data-testid=member-weighted]") === "4,2", "the weighted score");
    expect(document.activeElement).toBe(cell("m1", "cr1"));
    await key(document.activeElement!, "ArrowUp");
    expect(document.activeElement).toBe(cell("m5", "cr1"));
    await key(document.activeElement!, "ArrowRight");
    expect(document.activeElement).toBe(cell("m5", "cr2"));
  });

  it("greys out an inhabil member: the reason instead of cells", async () => {
    await render({ name: "application", id: "ga2" });
    // Ola Berg sits for Stavern skole FAU, the applicant.
    const row = await waitFor(() => $("[data-testid=review-row][data-membership-id=m2]"), "Ola's row");
    expect(row.getAttribute("data-inhabil")).toBe("true");
    expect(row.querySelectorAll("[data-testid=score-cell]")).toHaveLength(0);
    expect(row.textContent).toContain("Inhabil:");
    expect(row.textContent).toContain("Stavern skole FAU");
  });

  it("overrules a proposed inhabil only with a reason, and the member then scores", async () => {
    const backend = await render({ name: "application", id: "ga2" });
    const overrule = await waitFor(() => $<HTMLButtonElement>("[data-testid=review-row][data-membership-id=m2] [data-testid=overrule-inhabil]"), "Ikke inhabil …");
    await act(async () => overrule.click());
    const confirm = await waitFor(() => $<HTMLButtonElement>("[data-testid=confirm-overrule]"), "the dialog");
    expect(text("dialog")).toContain("forvaltningsloven § 6 første ledd bokstav e");
    await act(async () => confirm.click());
    await waitFor(() => $("#overrule-reason-error"), "the reason's error");
    await type($<HTMLInputElement>("#overrule-reason")!, "Vanlig forelder, ikke i FAU-styret");
    await act(async () => $<HTMLButtonElement>("[data-testid=confirm-overrule]")!.click());
    const note = await waitFor(() => $("[data-testid=review-row][data-membership-id=m2] [data-testid=overruled-note]"), "the note");
    expect(note.textContent).toContain("Ikke inhabil: Vanlig forelder, ikke i FAU-styret");
    const row = $("[data-testid=review-row][data-membership-id=m2]")!;
    expect(row.getAttribute("data-inhabil")).toBe("false");
    expect(row.querySelectorAll("[data-testid=score-cell]").length).toBeGreaterThan(0);
    expect(backend.state.grants!.inhabil).toContainEqual({ applicationId: "ga2", membershipId: "m2", reason: "Vanlig forelder, ikke i FAU-styret", overruled: true });
  });
});

describe("refusals", () => {
  it("shows the backend's field message next to the amount and sums up in the alert", async () => {
    await render({ name: "application", id: "ga3" });
    const amount = await waitFor(() => $<HTMLInputElement>("#decision-granted"), "the decision form");
    await type(amount, "12.500");
    const select = $<HTMLSelectElement>("#decision-item")!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, "i-n2");
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await act(async () => $<HTMLButtonElement>("[data-testid=decide]")!.click());
    const error = await waitFor(() => $("#decision-granted-error"), "the field message");
    expect(error.textContent).toContain("12 500");
    expect(amount.getAttribute("aria-invalid")).toBe("true");
    expect(text("[data-testid=form-error]")).not.toBe("");
  });

  it("refuses a grant above the amount asked, naming the figures", async () => {
    await render({ name: "application", id: "ga3" });
    const amount = await waitFor(() => $<HTMLInputElement>("#decision-granted"), "the decision form");
    await type(amount, "30 000");
    const select = $<HTMLSelectElement>("#decision-item")!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, "i-n2");
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await act(async () => $<HTMLButtonElement>("[data-testid=decide]")!.click());
    const error = await waitFor(() => $("#decision-granted-error"), "the field message");
    expect(error.textContent).toContain("kr 25 000");
  });
});

describe("the scheme page", () => {
  it("states the budget in text: granted, paid, proposed and left", async () => {
    await render({ name: "scheme", id: "gs-2026" });
    await waitFor(() => $("[data-testid=budget-bar]"), "the budget bar");
    expect(text("[data-testid=budget-total]")).toBe("kr 150 000,00");
    expect(text("[data-testid=budget-granted]")).toBe("kr 38 000,00");
    expect(text("[data-testid=budget-paid]")).toBe("kr 23 000,00");
    expect(text("[data-testid=budget-proposed]")).toBe("kr 12 500,00");
    expect(text("[data-testid=budget-left]")).toBe("kr 112 000,00");
    expect(document.querySelectorAll("[data-testid=committee-row]")).toHaveLength(5);
    expect(text("[data-testid=committee-row][data-application-id=ga2] [data-testid=row-inhabil]")).toContain("Ola Berg");
    expect(document.querySelectorAll("[data-testid=report-reminder]")).toHaveLength(1);
  });
});

describe("the decision", () => {
  it("warns by name when members have not scored", async () => {
    await render({ name: "application", id: "ga3" });
    const warning = await waitFor(() => $("[data-testid=missing-scores]"), "the warning");
    expect(warning.textContent).toContain("har ikke gitt poeng ennå");
    expect(warning.textContent).toContain("Bjørn Åsheim");
  });

  it("names the item it was made in by its number and title", async () => {
    await render({ name: "application", id: "ga1" });
    const summary = await waitFor(() => $("[data-testid=decision-summary]"), "the decision");
    expect(summary.textContent).toContain("Sak 08/26 «Tilskudd til ny lysløype ved Stavern IL»");
  });
});
