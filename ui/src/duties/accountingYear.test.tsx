// @vitest-environment happy-dom
// In January a secretary is still closing last year: the council page offers
// last year's duties, annual report and folder for the kommune first (core's
// accounting year), and this year is one pick away.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFakeBackend, demoState } from "../dev/fakeBackend";
import { $, choose, plain, renderApp, setUpDom, waitFor } from "../testing/app";

setUpDom();

const render = (today: string) =>
  renderApp(
    { name: "council", id: "c-stavern" },
    createFakeBackend(demoState({ userName: "Kari Nordmann", language: "nb" }), { today }),
  );

const shown = (css: string) => plain($(css)?.textContent);

describe("the year of the duties and the hand-over", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is last year in January, and this year can be picked", async () => {
    vi.setSystemTime(new Date("2027-01-15T10:00:00"));
    await render("2027-01-15");
    await waitFor(() => shown("#duties-title") === "Plikter 2026", "last year's duties");
    expect(shown("[data-testid=export-for-kommune]")).toBe("Send til kommunen 2026");
    expect(shown("[data-testid=export-annual-report]")).toContain("2026");

    await choose((await waitFor(() => $<HTMLSelectElement>("#duties-year"), "the year picker"))!, "2027");
    await waitFor(() => shown("#duties-title") === "Plikter 2027", "this year's duties");
    expect(shown("[data-testid=export-for-kommune]")).toBe("Send til kommunen 2027");
  });

  it("is this year once last year's annual report was due", async () => {
    vi.setSystemTime(new Date("2027-03-02T10:00:00"));
    await render("2027-03-02");
    await waitFor(() => shown("#duties-title") === "Plikter 2027", "this year's duties");
    expect(shown("[data-testid=export-for-kommune]")).toBe("Send til kommunen 2027");
  });
});
