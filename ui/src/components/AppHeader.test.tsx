// @vitest-environment happy-dom
// The header (issue 16, item 9): the same links on every screen, the current
// one marked rather than hidden, and the search field in its place everywhere.
import { describe, expect, it } from "vitest";
import { act } from "react";
import { playback } from "../dev/playback";
import { $, $$, renderApp, setUpDom, waitFor } from "../testing/app";

setUpDom();

const links = () => $$(".app-header__nav button").map((b) => [b.dataset.testid, b.getAttribute("aria-current")]);

describe("the header", () => {
  it("keeps its links in place and marks the current one", async () => {
    await renderApp({ name: "list" }, playback("demo"));
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
