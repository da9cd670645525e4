// @vitest-environment happy-dom
// A kommune's 200 councils: the table renders the rows near the window, says
// how many there are, and renders every row on paper and when asked.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { act } from "react";
import type { CouncilSummary } from "../bindings/CouncilSummary";
import { $, $$, mount, setUpDom } from "../testing/app";
import { CouncilTable, useCouncilRows } from "./CouncilTable";
import { ShowAllRows } from "../components/VirtualTable";

setUpDom();

const councils: CouncilSummary[] = Array.from({ length: 200 }, (_, i) => ({
  id: `c-${i}`,
  name: `Grendeutvalg ${String(i + 1).padStart(3, "0")}`,
  kind: "grendeutvalg",
  area: `Grend ${i + 1}`,
  seatsPlanned: 7,
  seatsFilled: 7,
  seatsVacant: 0,
  warningCount: 0,
}));

function List({ rows }: { rows: CouncilSummary[] }) {
  const shown = useCouncilRows(rows);
  return (
    <>
      <ShowAllRows rows={shown} count={rows.length} />
      <CouncilTable councils={rows} shown={shown} onOpen={() => {}} />
    </>
  );
}

const names = () => $$("[data-testid=open-council]").map((b) => b.textContent);

describe("the council list of a large kommune", () => {
  // happy-dom lays nothing out: every element is 40 px high at the top of the page, the window 800 px.
  beforeAll(() => {
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(() => new DOMRect(0, -window.scrollY, 1000, 40));
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(40);
    Object.defineProperty(window, "innerHeight", { value: 800, configurable: true });
    // happy-dom's ResizeObserver reports no sizes: measure by the rectangle above.
    vi.stubGlobal("ResizeObserver", undefined);
  });
  afterAll(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it("renders the first screenful and a few more, and says how many rows there are", () => {
    mount(<List rows={councils} />);
    const rendered = names();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]).toBe("Grendeutvalg 001");
    expect($("table")?.getAttribute("aria-rowcount")).toBe("201");
    expect($$("[data-testid=council-row]").map((r) => r.getAttribute("aria-rowindex")).slice(0, 2)).toEqual(["2", "3"]);
  });

  it("prints every row, and goes back to a screenful after printing", () => {
    mount(<List rows={councils} />);
    act(() => {
      window.dispatchEvent(new Event("beforeprint"));
    });
    expect(names()).toHaveLength(200);
    expect(names()[199]).toBe("Grendeutvalg 200");
    act(() => {
      window.dispatchEvent(new Event("afterprint"));
    });
    expect(names().length).toBeLessThan(60);
  });

  it("shows every row when asked, for a screen reader's browse mode", () => {
    mount(<List rows={councils} />);
    const button = $("[data-testid=show-all-rows]")!;
    expect(button.textContent).toBe("Vis alle 200 radene");
    expect(button.getAttribute("aria-pressed")).toBe("false");
    act(() => button.click());
    expect(names()).toHaveLength(200);
    expect(button.getAttribute("aria-pressed")).toBe("true");
  });

  it("renders a short list whole, with no button", () => {
    mount(<List rows={councils.slice(0, 3)} />);
    expect(names()).toHaveLength(3);
    expect($("[data-testid=show-all-rows]")).toBeNull();
  });
});
