import { Button } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import type { VirtualRows } from "../lib/virtualRows";

/**
 * The space of the rows not rendered above or below the window, so the page
 * keeps its length and the scroll bar its meaning. Hidden from assistive
 * technology; the table's `aria-rowcount` says how many rows there are.
 */
export function SpacerRow({ height, columns, before }: { height: number; columns: number; before?: number }) {
  if (height <= 0) return null;
  const row = (h: number, key: string) => (
    <tr key={key} aria-hidden="true" className="virtual-spacer">
      <td colSpan={columns} style={{ height: h, padding: 0, border: 0 }} />
    </tr>
  );
  // Above the rows: an odd number of spacer rows before an odd row, so a
  // zebra table's stripes (nth-child) stay on the same rows as it scrolls.
  if (before !== undefined && before % 2 === 0) return [row(height, "a"), row(0, "b")];
  return row(height, "a");
}

/**
 * For a long table: every row at once in the page, for a screen reader's
 * browse mode or a search with the browser's find; and back.
 */
export function ShowAllRows({ rows, count }: { rows: VirtualRows; count: number }) {
  const { t } = useI18n();
  if (!rows.long) return null;
  return (
    <Button
      variant="tertiary"
      data-size="sm"
      className="print-hidden"
      data-testid="show-all-rows"
      aria-pressed={rows.showAll}
      onClick={() => rows.setShowAll(!rows.showAll)}
    >
      {t("table.showAll", { count })}
    </Button>
  );
}
