// @vitest-environment happy-dom
// Search, on the core's answers (demo scenario): the header's field opens the
// search screen, one request per change, hits open their meeting on the
// item; whole rows open what they show.
import { describe, expect, it } from "vitest";
import { act } from "react";
import type { View } from "../navigation";
import type { SearchResults } from "../bindings/SearchResults";
import { councilId, playback, type ScenarioName } from "../dev/playback";
import { SEARCH_DELAY_MS } from "./searchModel";
import { $, $$, choose, pause, renderApp, setUpDom, text, type, waitFor } from "../testing/app";

setUpDom();

async function render(view: View, scenario: ScenarioName = "demo") {
  const backend = await renderApp(view, playback(scenario));
  const asked = () => backend.callsOf("search").map(([query]) => (query as { text: string }).text);
  return { backend, asked };
}

async function click(css: string) {
  await act(async () => $<HTMLButtonElement>(css)!.click());
}

const benker = playback("demo").answer<SearchResults>("search", { text: "benker" });

describe("search", () => {
  it("opens from the header's field and lists the hits as text", async () => {
    const { asked } = await render({ name: "list" });
    await type($<HTMLInputElement>("[data-testid=search-input]")!, "benker");
    await act(async () => $<HTMLFormElement>("form.app-header__search")!.requestSubmit());
    await waitFor(() => $("main[data-screen=search][data-ready=true]"), "the search screen");
    // The header's field stays where it was: another search starts from there too.
    expect($("[data-testid=search-input]")).not.toBeNull();
    expect($<HTMLInputElement>("[data-testid=search-field]")!.value).toBe("benker");
    const hits = await waitFor(() => ($$("[data-testid=search-hit]").length === benker.hits.length ? $$("[data-testid=search-hit]") : null), "the hits");
    expect(hits.map((h) => h.dataset.kind)).toEqual(["item", "item", "item", "application"]);
    expect(hits[0]!.textContent).toContain("Sak 06/26");
    expect(hits[0]!.textContent).toContain("Storlia grendeutval");
    expect(hits[0]!.textContent).toContain("Møte 01.11.2026");
    expect(hits[3]!.textContent).toContain("Mottatt 31.07.2026");
    expect(text("[data-testid=search-count]")).toBe("4 treff");
    expect(asked()).toEqual(["benker"]);
  });

  it("asks once per pause in typing, and at once when a filter changes", async () => {
    const { asked } = await render({ name: "search", text: "" });
    expect(text("[data-testid=search-prompt]")).toBe("Skriv ett eller flere ord.");
    const field = $<HTMLInputElement>("[data-testid=search-field]")!;
    expect(document.activeElement).toBe(field);
    await type(field, "b");
    await type(field, "be");
    await type(field, "benker");
    await pause(SEARCH_DELAY_MS + 50);
    await waitFor(() => $$("[data-testid=search-hit]").length === 4, "four hits");
    expect(asked()).toEqual(["benker"]);
    await choose($<HTMLSelectElement>("[data-testid=search-year]")!, "2025");
    await waitFor(() => text("[data-testid=search-count]") === "Ingen treff.", "no hits in 2025");
    expect(asked()).toEqual(["benker", "benker"]);
    await choose($<HTMLSelectElement>("[data-testid=search-year]")!, "");
    await choose($<HTMLSelectElement>("[data-testid=search-council]")!, councilId(playback("demo"), "Storlia grendeutval"));
    await waitFor(() => text("[data-testid=search-count]") === "1 treff", "one hit in Storlia");
  });

  it("says when there are more hits than shown", async () => {
    await render({ name: "list" }, "crowded");
    await type($<HTMLInputElement>("[data-testid=search-input]")!, "dugnad");
    await act(async () => $<HTMLFormElement>("form.app-header__search")!.requestSubmit());
    await waitFor(() => $("[data-testid=search-more]"), "the note about more hits");
    expect($$("[data-testid=search-hit]")).toHaveLength(50);
    expect(text("[data-testid=search-more]")).toContain("flere treff enn de 50");
  });

  it("opens an item's meeting with the item chosen, and an application's scheme", async () => {
    await render({ name: "search", text: "benker" });
    await waitFor(() => $("[data-testid=search-hit][data-kind=item]"), "the item");
    await click("[data-testid=search-hit][data-kind=item] [data-testid=open-hit]");
    await waitFor(() => $("main[data-screen=meeting][data-ready=true]"), "the meeting");
    const item = benker.hits[0]!.id;
    expect($(`[data-item-id='${item}']`)!.getAttribute("aria-current")).toBe("true");
    expect(document.activeElement).toBe($(`[data-item-id='${item}']`));
  });

  it("keeps the hits one step back from what a hit opened", async () => {
    await render({ name: "search", text: "benker" });
    await waitFor(() => $("[data-testid=search-hit][data-kind=item]"), "the item");
    const before = $$("[data-testid=search-hit]").length;
    await click("[data-testid=search-hit][data-kind=item] [data-testid=open-hit]");
    await waitFor(() => $("main[data-screen=meeting][data-ready=true]"), "the meeting");
    expect($("[data-testid=search-input]")).not.toBeNull();
    await click("[data-testid=back-to-search]");
    await waitFor(() => $("main[data-screen=search][data-ready=true]"), "the search again");
    expect($<HTMLInputElement>("[data-testid=search-field]")!.value).toBe("benker");
    await waitFor(() => $$("[data-testid=search-hit]").length === before, "the same hits");
  });

  it("keeps the filters chosen when going back from a hit", async () => {
    const { backend } = await render({ name: "search", text: "benker" });
    await waitFor(() => $("[data-testid=search-hit]"), "the hits");
    const storlia = councilId(playback("demo"), "Storlia grendeutval");
    await choose($<HTMLSelectElement>("[data-testid=search-council]")!, storlia);
    await pause(SEARCH_DELAY_MS + 50);
    const narrowed = await waitFor(() => {
      const hits = $$("[data-testid=search-hit]");
      return hits.length > 0 && hits.every((h) => h.textContent?.includes("Storlia")) ? hits : null;
    }, "Storlia's hits only");
    await click("[data-testid=search-hit] [data-testid=open-hit]");
    await waitFor(() => $("main:not([data-screen=search])[data-ready=true]"), "the hit's page");
    await click("[data-testid=back-to-search]");
    await waitFor(() => $("main[data-screen=search][data-ready=true]"), "the search again");
    expect($<HTMLSelectElement>("[data-testid=search-council]")!.value).toBe(storlia);
    await waitFor(() => $$("[data-testid=search-hit]").length === narrowed.length, "the same narrowed hits");
    const last = backend.callsOf("search").at(-1)![0] as { councilId: string | null };
    expect(last.councilId).toBe(storlia);
  });
});

describe("whole rows", () => {
  it("open a meeting from anywhere in its row, with the meetings before the seat plan", async () => {
    await render({ name: "council", id: councilId(playback("demo"), "Lyngvik nærmiljøutvalg") });
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
