// @vitest-environment happy-dom
// A table given as column definitions: what a screen reader and the
// end-to-end tests find in it, all rows at once or only those near the window.
import { describe, expect, it } from "vitest";
import { DataTable, hiddenHead } from "./DataTable";
import type { VirtualRows } from "../lib/virtualRows";
import { $, $$, mount, setUpDom } from "../testing/app";

setUpDom();

type Council = { id: string; name: string; seats: number };
const COUNCILS: Council[] = [
  { id: "a", name: "Bryn FAU", seats: 7 },
  { id: "b", name: "Sentrum eldreråd", seats: 5 },
  { id: "c", name: "Åsen grendeutvalg", seats: 9 },
];

const table = (extra: { shown?: VirtualRows; readOnly?: boolean } = {}) => (
  <DataTable
    rows={COUNCILS}
    rowKey={(c) => c.id}
    row={(c) => ({ "data-testid": "council-row", "data-council-id": c.id })}
    caption="Utvalg"
    className="council-table"
    {...(extra.shown ? { shown: extra.shown } : {})}
    columns={[
      { head: "Navn", className: "cell-name", cell: (c) => c.name },
      { head: "Plasser", headClassName: "num", className: "num", testid: "seats", cell: (c) => c.seats },
      !extra.readOnly && { head: hiddenHead("Handlinger"), cell: (_c, i) => <button type="button">Rediger {i + 1}</button> },
    ]}
  />
);

describe("DataTable", () => {
  it("names itself, heads its columns and gives every row its test id and every cell its class", () => {
    mount(table());
    expect($("table.council-table caption")?.textContent).toBe("Utvalg");
    expect($("caption")?.className).toBe("visually-hidden");
    expect($$("thead th").map((th) => th.textContent)).toEqual(["Navn", "Plasser", "Handlinger"]);
    expect($("thead th:nth-child(2)")?.className).toContain("num");
    expect($("thead th:nth-child(3) span")?.className).toBe("visually-hidden");
    const rows = $$("[data-testid=council-row]");
    expect(rows.map((r) => r.dataset["councilId"])).toEqual(["a", "b", "c"]);
    expect($$("[data-testid=seats]").map((td) => td.textContent)).toEqual(["7", "5", "9"]);
    expect($$("td.cell-name").map((td) => td.textContent)).toEqual(["Bryn FAU", "Sentrum eldreråd", "Åsen grendeutvalg"]);
    expect(rows[2]?.querySelector("button")?.textContent).toBe("Rediger 3");
    expect($("table")?.getAttribute("aria-rowcount")).toBeNull();
  });

  it("leaves out a column that does not apply, head and cells", () => {
    mount(table({ readOnly: true }));
    expect($$("thead th").map((th) => th.textContent)).toEqual(["Navn", "Plasser"]);
    expect($$("[data-testid=council-row]")[0]?.querySelectorAll("td").length).toBe(2);
  });

  it("with `shown`, renders only the rows near the window, says where each stands and keeps the page's length", () => {
    const shown: VirtualRows = {
      indices: [1, 2],
      padTop: 45,
      padBottom: 90,
      virtual: true,
      long: true,
      showAll: false,
      setShowAll: () => {},
      bodyRef: () => {},
      measure: undefined,
    };
    mount(table({ shown }));
    expect($("table")?.getAttribute("aria-rowcount")).toBe("4");
    expect($("thead tr")?.getAttribute("aria-rowindex")).toBe("1");
    const rows = $$("[data-testid=council-row]");
    expect(rows.map((r) => r.dataset["councilId"])).toEqual(["b", "c"]);
    expect(rows.map((r) => r.getAttribute("aria-rowindex"))).toEqual(["3", "4"]);
    expect(rows.map((r) => r.dataset["index"])).toEqual(["1", "2"]);
    const spacers = $$("tr.virtual-spacer td");
    expect(spacers.map((td) => td.style.height)).toEqual(["45px", "90px"]);
    expect(spacers.every((td) => td.getAttribute("colspan") === "3")).toBe(true);
  });
});
