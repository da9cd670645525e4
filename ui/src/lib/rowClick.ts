import type { MouseEvent } from "react";

/**
 * A table row that opens what it lists when clicked anywhere: `open` runs
 * unless the click was on a control of the row (its link button keeps doing
 * the work for the keyboard and screen readers, once).
 */
export function rowClick(open: () => void) {
  return {
    className: "clickable-row",
    onClick: (e: MouseEvent<HTMLElement>) => {
      if ((e.target as HTMLElement).closest("button, a, input, select, textarea, label")) return;
      open();
    },
  };
}
