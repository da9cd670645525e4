// @vitest-environment happy-dom
// The header (issue 16, item 9): the same links on every screen, the current
// one marked rather than hidden, and the search field in its place everywhere.
import { describe, expect, it } from "vitest";
import { act } from "react";
import { createFakeBackend, demoState } from "../dev/fakeBackend";
import { $, $$, renderApp, setUpDom, waitFor } from "../testing/app";

setUpDom();

const links = () => $$(".app-header__nav button").map((b) => [b.dataset.testid, b.getAttribute("aria-current")]);

describe("the header", () => {
  it("keeps its links in place and marks the current one", async () => {
    const backend = createFakeBackend(demoState({ userName: "Kari Nordmann", language: "nb" }), { today: "2026-11-22" });
    await renderApp({ name: "list" }, backend);
    await waitFor(() => $("main[data-screen=council-list][data-ready=true]"), "the council list");
    expect(links()).toEqual([
      ["open-councils", "page"],
      ["open-overview", null],
      ["open-backups", null],
    ]);
    await act(async () => $<HTMLButtonElement>("[data-testid=open-overview]")!.click());
    await waitFor(() => $("main[data-screen=overview][data-ready=true]"), "the overview");
    expect(links()).toEqual([
      ["open-councils", null],
      ["open-overview", "page"],
      ["open-backups", null],
    ]);
    await act(async () => $<HTMLButtonElement>("[data-testid=open-backups]")!.click());
    await waitFor(() => $("main[data-screen=backups]"), "the backups");
    expect(links().map(([id, current]) => current === "page" && id)).toEqual([false, false, "open-backups"]);
    expect($("[data-testid=search-input]")).not.toBeNull();
  });
});
