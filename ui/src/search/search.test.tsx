// @vitest-environment happy-dom
// Search and handing councils over, rendered against the in-memory fake
// backend: the header's field opens the search screen, one request per
// change, hits open their meeting on the item; import on the council list;
// the council page's two exports.
import { describe, expect, it } from "vitest";
import { act } from "react";
import type { View } from "../navigation";
import { createFakeBackend, demoState } from "../dev/fakeBackend";
import { SEARCH_DELAY_MS } from "./searchModel";
import { $, $$, choose, pause, renderApp, setUpDom, text, type, waitFor } from "../testing/app";

setUpDom();

async function render(view: View) {
  const backend = createFakeBackend(demoState({ userName: "Kari Nordmann", language: "nb" }), { today: "2026-11-22" });
  const asked: string[] = [];
  const search = backend.search;
  backend.search = (query) => {
    asked.push(query.text);
    return search(query);
  };
  await renderApp(view, backend);
  return { backend, asked };
}

async function click(css: string) {
  await act(async () => $<HTMLButtonElement>(css)!.click());
}

describe("search", () => {
  it("opens from the header's field and lists the hits as text", async () => {
    const { asked } = await render({ name: "list" });
    await type($<HTMLInputElement>("[data-testid=search-input]")!, "lysløypa");
    await act(async () => $<HTMLFormElement>("form.app-header__search")!.requestSubmit());
    await waitFor(() => $("main[data-screen=search][data-ready=true]"), "the search screen");
    // The header's field stays where it was: another search starts from there too.
    expect($("[data-testid=search-input]")).not.toBeNull();
    expect($<HTMLInputElement>("[data-testid=search-field]")!.value).toBe("lysløypa");
    const hits = await waitFor(() => ($$("[data-testid=search-hit]").length === 2 ? $$("[data-testid=search-hit]") : null), "two hits");
    expect(hits.map((h) => h.dataset.kind)).toEqual(["item", "application"]);
    expect(hits[0]!.textContent).toContain("Sak 08/26");
    expect(hits[0]!.textContent).toContain("Stavern nærmiljøutvalg");
    expect(hits[0]!.textContent).toContain("Møte 12.11.2026");
    expect(hits[1]!.textContent).toContain("Mottatt 01.03.2026");
    expect(text("[data-testid=search-count]")).toBe("2 treff");
    expect(asked).toEqual(["lysløypa"]);
  });

  it("asks once per pause in typing, and at once when a filter changes", async () => {
    const { asked } = await render({ name: "search", text: "" });
    expect(text("[data-testid=search-prompt]")).toBe("Skriv ett eller flere ord.");
    const field = $<HTMLInputElement>("[data-testid=search-field]")!;
    expect(document.activeElement).toBe(field);
    await type(field, "t");
    await type(field, "tr");
    await type(field, "trafikk");
    await pause(SEARCH_DELAY_MS + 50);
    await waitFor(() => $$("[data-testid=search-hit]").length === 2, "two traffic hits");
    expect(asked).toEqual(["trafikk"]);
    await choose($<HTMLSelectElement>("[data-testid=search-year]")!, "2025");
    await waitFor(() => text("[data-testid=search-count]") === "Ingen treff.", "no hits in 2025");
    expect(asked).toEqual(["trafikk", "trafikk"]);
    await choose($<HTMLSelectElement>("[data-testid=search-year]")!, "");
    await choose($<HTMLSelectElement>("[data-testid=search-council]")!, "c-lyngvik");
    await waitFor(() => text("[data-testid=search-count]") === "Ingen treff.", "no hits in Lyngvik");
  });

  it("says when there are more hits than shown", async () => {
    const { backend } = await render({ name: "list" });
    const item = backend.state.meetings.items[0]!;
    for (let n = 0; n < 55; n++) backend.state.meetings.items.push({ ...item, id: `i-x${n}`, title: `Dugnad ${n}` });
    await type($<HTMLInputElement>("[data-testid=search-input]")!, "dugnad");
    await act(async () => $<HTMLFormElement>("form.app-header__search")!.requestSubmit());
    await waitFor(() => $("[data-testid=search-more]"), "the note about more hits");
    expect($$("[data-testid=search-hit]")).toHaveLength(50);
    expect(text("[data-testid=search-more]")).toContain("flere treff enn de 50");
  });

  it("opens an item's meeting with the item chosen, and an application's scheme", async () => {
    await render({ name: "search", text: "trafikksikkerhet" });
    await waitFor(() => $("[data-testid=search-hit][data-kind=item]"), "the item");
    await click("[data-testid=search-hit][data-kind=item] [data-testid=open-hit]");
    await waitFor(() => $("main[data-screen=meeting][data-ready=true]"), "the meeting");
    expect($("[data-item-id=i-n3]")!.getAttribute("aria-current")).toBe("true");
    expect(document.activeElement).toBe($("[data-item-id=i-n3]"));
  });

  it("keeps the hits one step back from what a hit opened", async () => {
    await render({ name: "search", text: "trafikksikkerhet" });
    await waitFor(() => $("[data-testid=search-hit][data-kind=item]"), "the item");
    const before = $$("[data-testid=search-hit]").length;
    await click("[data-testid=search-hit][data-kind=item] [data-testid=open-hit]");
    await waitFor(() => $("main[data-screen=meeting][data-ready=true]"), "the meeting");
    expect($("[data-testid=search-input]")).not.toBeNull();
    await click("[data-testid=back-to-search]");
    await waitFor(() => $("main[data-screen=search][data-ready=true]"), "the search again");
    expect($<HTMLInputElement>("[data-testid=search-field]")!.value).toBe("trafikksikkerhet");
    await waitFor(() => $$("[data-testid=search-hit]").length === before, "the same hits");
  });
});

describe("whole rows", () => {
  it("open a meeting from anywhere in its row, with the meetings before the seat plan", async () => {
    await render({ name: "council", id: "c-stavern" });
    const row = await waitFor(() => $("[data-testid=meeting-row]"), "a meeting row");
    const meetings = $("#meetings-title")!;
    const plan = $("#plan-title")!;
    expect(meetings.compareDocumentPosition(plan) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const place = row.querySelectorAll("td")[2]!;
    await act(async () => place.click());
    await waitFor(() => $("main[data-screen=meeting][data-ready=true]"), "the meeting");
  });

  it("open a council from anywhere in its row", async () => {
    await render({ name: "list" });
    const row = await waitFor(() => $("[data-testid=council-row]"), "a council row");
    await act(async () => row.querySelectorAll("td")[1]!.click());
    await waitFor(() => $("main[data-screen=council][data-ready=true]"), "the council");
  });
});

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
