// @vitest-environment happy-dom
// The council's own account on the council page, on the core's answers: the
// year's balance and entries, another year picked in the section's own field,
// and the section in English.
import { describe, expect, it } from "vitest";
import { councilId, playback, type ScenarioName } from "../dev/playback";
import { $, $$, choose, renderApp, setUpDom, text, waitFor } from "../testing/app";

setUpDom();

const lyngvik = (scenario: ScenarioName) => councilId(playback(scenario), "Lyngvik nærmiljøutvalg");

describe("the council's account", () => {
  it("shows the year's balance carried in and its entries, and last year's when picked", async () => {
    const backend = await renderApp({ name: "council", id: lyngvik("demo") }, playback("demo"));
    await waitFor(() => $("[data-testid=account-balance]"), "the balance");
    expect(text("#account-title")).toBe("Utvalgets regnskap 2026");
    expect(text("[data-testid=account-opening]")).toBe("kr 12 799,50");
    expect(text("[data-testid=account-grant]")).toBe("kr 15 000,00");
    expect(text("[data-testid=account-closing]")).toBe("kr 27 799,50");
    expect($("[data-testid=account-deficit]")).toBeNull();
    expect($$("[data-testid=account-row]")).toHaveLength(1);

    await choose($<HTMLSelectElement>("#account-year")!, "2025");
    await waitFor(() => text("#account-title") === "Utvalgets regnskap 2025", "last year's account");
    await waitFor(() => $$("[data-testid=account-row]").length === 5, "last year's five entries");
    expect(text("[data-testid=account-opening]")).toBe("kr 0,00");
    expect(text("[data-testid=account-expense]")).toBe("−kr 4 500,50");
    expect(text("[data-testid=account-closing]")).toBe("kr 12 799,50");
    expect(text("[data-testid=account-row]:nth-child(2)")).toContain("Kaffe og kaker til åpent møte");
    expect(text("[data-testid=account-row]:nth-child(2)")).toContain("−kr 1 250,00");
    // The duties and the hand-over follow the same year.
    expect($<HTMLSelectElement>("#duties-year")!.value).toBe("2025");
    const id = lyngvik("demo");
    expect(backend.callsOf("councilAccount")).toContainEqual([id, 2025]);
  });

  it("speaks English to a secretary who reads it", async () => {
    await renderApp({ name: "council", id: lyngvik("english") }, playback("english"));
    await waitFor(() => $("[data-testid=account-balance]"), "the balance");
    expect(text("#account-title")).toBe("The council's account 2026");
    expect(text("[data-testid=account-section] th")).toContain("Opening balance");
    expect(text("[data-testid=account-row]")).toContain("Running grant from the municipality");
  });
});
