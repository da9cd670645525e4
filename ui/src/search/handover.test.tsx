// @vitest-environment happy-dom
// Handing councils over, on the core's answers: a package read in on the
// council list (a new council, then the same package again, and a package
// refused for a name already taken); the council page's two exports.
import { describe, expect, it } from "vitest";
import { act } from "react";
import type { View } from "../navigation";
import type { CouncilSummary } from "../bindings/CouncilSummary";
import { councilId, playback, type ScenarioName } from "../dev/playback";
import { $, $$, renderApp, setUpDom, text, waitFor } from "../testing/app";

setUpDom();

const render = (view: View, scenario: ScenarioName = "demo") => renderApp(view, playback(scenario));

async function click(css: string) {
  await act(async () => $<HTMLButtonElement>(css)!.click());
}

const councils = playback("demo").answer<CouncilSummary[]>("listCouncils").length;

describe("handing over", () => {
  it("reads in a package on the council list, then says the same package is unchanged", async () => {
    await render({ name: "list" });
    await click("[data-testid=import-package]");
    await waitFor(() => $("[data-testid=import-result]"), "the import message");
    expect(text("[data-testid=import-result]")).toContain("Kvelde grendeutvalg er lagt til");
    await waitFor(() => $$("[data-testid=council-row]").length === councils + 1, "one council more");
    await click("[data-testid=import-package]");
    await waitFor(() => text("[data-testid=import-result]").includes("allerede lest inn"), "the unchanged message");
    expect($$("[data-testid=council-row]")).toHaveLength(councils + 1);
  });

  it("shows a refused package as an error", async () => {
    await render({ name: "list" }, "samename");
    await click("[data-testid=import-package]");
    await waitFor(() => $("[data-testid=import-error]"), "the refusal");
    expect(text("[data-testid=import-error]")).toContain("heter «Lyngvik nærmiljøutvalg»");
    expect($("[data-testid=import-result]")).toBeNull();
  });

  it("exports a package and a folder for the kommune from the council page", async () => {
    const backend = await render({ name: "council", id: councilId(playback("demo"), "Lyngvik nærmiljøutvalg") });
    const result = "[data-testid=handover-section] [data-testid=export-result]";
    await click("[data-testid=export-package]");
    await waitFor(() => text(result).includes(".grendebok"), "the package message");
    expect(text("[data-testid=export-for-kommune]")).toBe("Send til kommunen 2026");
    await click("[data-testid=export-for-kommune]");
    await waitFor(() => text(result).startsWith("Mappen"), "the folder message");
    await click("[data-testid=export-for-kommune]");
    await waitFor(() => $("[data-testid=handover-section] [data-testid=action-error]"), "the refusal of a second folder");
    expect($(result)).toBeNull();
    const lyngvik = councilId(backend, "Lyngvik nærmiljøutvalg");
    expect(backend.callsOf("exportForKommune")).toEqual([
      [lyngvik, 2026],
      [lyngvik, 2026],
    ]);
  });
});
