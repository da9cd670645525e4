import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useWindowVirtualizer } from "@tanstack/react-virtual";

/**
 * Tables with more rows than this render only the rows near the window
 * (TanStack Virtual, ARCHITECTURE.md); shorter ones render every row.
 */
export const VIRTUAL_FROM = 60;

/**
 * Whether the page is being printed. The paper copy must hold every row, so
 * a virtual table renders them all from `beforeprint` (flushed at once, before
 * the print layout is taken) until `afterprint`.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return printing;
}

export type VirtualRows = {
  /** The indices of the rows to render, in order. */
  indices: number[];
  /** Space above and below the rendered rows, in pixels (0 when every row is rendered). */
  padTop: number;
  padBottom: number;
  /** Whether only part of the rows is rendered. */
  virtual: boolean;
  /** Whether the table is long enough to render in part (and so offers to show every row). */
  long: boolean;
  /** Every row at once, for a person who wants them all in the page (a screen reader's browse mode). */
  showAll: boolean;
  setShowAll: (all: boolean) => void;
  /** The table body: where the rows begin on the page. */
  bodyRef: (el: HTMLTableSectionElement | null) => void;
  /** For each rendered row: measures its real height. */
  measure: ((el: Element | null) => void) | undefined;
};

/**
 * The rows of a long table to render: those within and near the window as it
 * scrolls (the page scrolls, not the table), every row while printing or when
 * asked. Tabbing to a row scrolls it into view, which renders the rows after
 * it, so the keyboard reaches every row.
 */
export function useVirtualRows(count: number, estimate: number, keyOf: (index: number) => string): VirtualRows {
  const printing = usePrinting();
  const [showAll, setShowAll] = useState(false);
  const long = count > VIRTUAL_FROM;
  const virtual = long && !printing && !showAll;
  const body = useRef<HTMLTableSectionElement | null>(null);
  const [margin, setMargin] = useState(0);
  const bodyRef = useCallback((el: HTMLTableSectionElement | null) => {
    body.current = el;
  }, []);
  // Where the body begins moves when something above it appears (an alert, a filter's note).
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
    if (Math.abs(top - margin) > 1) setMargin(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: virtual ? count : 0,
    estimateSize: () => estimate,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: keyOf,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const first = items[0];
  const last = items[items.length - 1];
  const indices = virtual ? items.map((i) => i.index) : Array.from({ length: count }, (_, i) => i);
  const padTop = virtual && first ? Math.max(0, first.start - margin) : 0;
  const padBottom = virtual && last ? Math.max(0, virtualizer.getTotalSize() - (last.end - margin)) : 0;
  const measure = virtual ? virtualizer.measureElement : undefined;
  // The same object while the same rows are shown, so a memoised table is
  // not rendered again when the page around it changes (a filter typed).
  const shownKey = indices.join(",");
  return useMemo(
    () => ({ indices, padTop, padBottom, virtual, long, showAll, setShowAll, bodyRef, measure }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shownKey, padTop, padBottom, virtual, long, showAll, bodyRef, measure],
  );
}
