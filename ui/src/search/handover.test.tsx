// @vitest-environment happy-dom
// Handing councils over, rendered against the in-memory fake backend (not yet
// on the core's recorded answers: reading in a package needs one to pick):
// import on the council list; the council page's two exports.
import { describe, expect, it } from "vitest";
import { act } from "react";
import type { View } from "../navigation";
import { createFakeBackend, demoState } from "../dev/fakeBackend";
import { $, $$, renderApp, setUpDom, text, waitFor } from "../testing/app";

setUpDom();

async function render(view: View) {
  const backend = createFakeBackend(demoState({ userName: "Kari Nordmann", language: "nb" }), { today: "2026-11-22" });
  await renderApp(view, backend);
  return { backend };
}

async function click(css: string) {
  await act(async () => $<HTMLButtonElement>(css)!.click());
}

describe("handing over", () => {
  it("reads in a package on the council list, then says the same package is unchanged", async () => {
    await render({ name: "list" });
    await click("[data-testid=import-package]");
    await waitFor(() => $("[data-testid=import-result]"), "the import message");
    expect(text("[data-testid=import-result]")).toContain("Kvelde grendeutvalg er lagt til");
    await waitFor(() => $$("[data-testid=council-row]").length === 3, "three councils");
    await click("[data-testid=import-package]");
    await waitFor(() => text("[data-testid=import-result]").includes("allerede lest inn"), "the unchanged message");
    expect($$("[data-testid=council-row]")).toHaveLength(3);
  });

  it("shows a refused package as an error", async () => {
    const { backend } = await render({ name: "list" });
    backend.state.handover!.incoming = { ...backend.state.councils[0]!, id: "c-copy" };
    await click("[data-testid=import-package]");
    await waitFor(() => $("[data-testid=import-error]"), "the refusal");
    expect(text("[data-testid=import-error]")).toContain("heter «Stavern nærmiljøutvalg»");
    expect($("[data-testid=import-result]")).toBeNull();
  });

  it("exports a package and a folder for the kommune from the council page", async () => {
    await render({ name: "council", id: "c-stavern" });
    const result = "[data-testid=handover-section] [data-testid=export-result]";
    await click("[data-testid=export-package]");
    await waitFor(() => text(result).includes(".grendebok"), "the package message");
    const year = new Date().getFullYear();
    expect(text("[data-testid=export-for-kommune]")).toBe(`Send til kommunen ${year}`);
    await click("[data-testid=export-for-kommune]");
    await waitFor(() => text(result).startsWith("Mappen"), "the folder message");
    await click("[data-testid=export-for-kommune]");
    await waitFor(() => $("[data-testid=handover-section] [data-testid=action-error]"), "the refusal of a second folder");
    expect($(result)).toBeNull();
  });
});
