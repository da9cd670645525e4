// @vitest-environment happy-dom
// Keeping React from rendering a whole page again on every change: on the
// overview, a filter changed renders the councils' table and the year wheel
// once, when the core's answer comes, not also for the change itself (the
// rows on screen stay until the answer, useKeptLoad).
import { describe, expect, it, vi } from "vitest";
import { act } from "react";
import type { ComponentType } from "react";
import { playback } from "../dev/playback";
import { $, pause, renderApp, setUpDom, waitFor } from "../testing/app";

setUpDom();

const renders = vi.hoisted(() => ({ table: 0, wheel: 0 }));

/** The component as exported (memoised or not), with its renders counted. */
async function counted<P extends object>(exported: unknown, count: () => void) {
  const { memo } = await import("react");
  const inner = ((exported as { type?: unknown }).type ?? exported) as (props: P) => ReturnType<ComponentType<P> & ((p: P) => never)>;
  const Counted = (props: P) => {
    count();
    return inner(props);
  };
  return (exported as { type?: unknown }).type ? memo(Counted) : Counted;
}

vi.mock("./OverviewTable", async (importOriginal) => {
  const real = await importOriginal<typeof import("./OverviewTable")>();
  return { ...real, OverviewTable: await counted(real.OverviewTable, () => renders.table++) };
});
vi.mock("./YearWheel", async (importOriginal) => {
  const real = await importOriginal<typeof import("./YearWheel")>();
  return { ...real, YearWheel: await counted(real.YearWheel, () => renders.wheel++) };
});

describe("the overview as a filter changes", () => {
  it("renders the table and the wheel once, with the answer", async () => {
    await renderApp({ name: "overview", year: 2026 }, playback("demo"));
    await waitFor(() => $("[data-testid=year-wheel]") ?? $(".overview-table"), "the table");
    renders.table = 0;
    renders.wheel = 0;
    await act(async () => $<HTMLInputElement>("#overview-behind")!.click());
    await pause(100);
    await waitFor(() => !document.querySelector("[data-loading]"), "the answer");
    expect($<HTMLInputElement>("#overview-behind")!.checked).toBe(true);
    expect(renders.table).toBe(1);
    expect(renders.wheel).toBe(1);
  });
});
