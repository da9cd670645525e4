// @vitest-environment happy-dom
// In January a secretary is still closing last year: the council page offers
// last year's duties, annual report and folder for the kommune first (core's
// accounting year), and this year is one pick away.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { councilId, playback, type ScenarioName } from "../dev/playback";
import { $, choose, plain, renderApp, setUpDom, waitFor } from "../testing/app";

setUpDom();

// The core's answers on 15 January and on 2 March 2027 (its accounting year among them).
const render = (day: ScenarioName) => {
  const backend = playback(day);
  return renderApp({ name: "council", id: councilId(backend, "Lyngvik nærmiljøutvalg") }, backend);
};

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
    await render("january");
    await waitFor(() => shown("#duties-title") === "Plikter 2026", "last year's duties");
    expect(shown("[data-testid=export-for-kommune]")).toBe("Send til kommunen 2026");
    expect(shown("[data-testid=export-annual-report]")).toContain("2026");

    await choose((await waitFor(() => $<HTMLSelectElement>("#duties-year"), "the year picker"))!, "2027");
    await waitFor(() => shown("#duties-title") === "Plikter 2027", "this year's duties");
    expect(shown("[data-testid=export-for-kommune]")).toBe("Send til kommunen 2027");
  });

  it("is this year once last year's annual report was due", async () => {
    vi.setSystemTime(new Date("2027-03-02T10:00:00"));
    await render("march");
    await waitFor(() => shown("#duties-title") === "Plikter 2027", "this year's duties");
    expect(shown("[data-testid=export-for-kommune]")).toBe("Send til kommunen 2027");
  });
});
