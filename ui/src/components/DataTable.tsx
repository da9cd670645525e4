import type { ComponentProps, ReactNode } from "react";
import { Table } from "@digdir/designsystemet-react";
import type { VirtualRows } from "../lib/virtualRows";
import { SpacerRow } from "./VirtualTable";

/** `data-*` attributes (test ids, what a row is about) on a row, cell or table. */
export type DataAttrs = { [key: `data-${string}`]: string | number | boolean | null | undefined };

type HeaderCellProps = Omit<ComponentProps<typeof Table.HeaderCell>, "children"> & DataAttrs;
type RowProps = Omit<ComponentProps<typeof Table.Row>, "children" | "ref"> & DataAttrs;
type TableProps = Omit<ComponentProps<typeof Table>, "children"> & DataAttrs;

/** One column of a [`DataTable`]: its header, and what each row shows in it. */
export type Column<R> = {
  /** The header cell's content ([`hiddenHead`] for a column of buttons). */
  head: ReactNode;
  /** The header cell's class. */
  headClassName?: string;
  /** More of the header cell (a sort, a click, a test id). */
  headProps?: HeaderCellProps;
  /** The class of the column's body cells. */
  className?: string;
  /** The data-testid of the column's body cells. */
  testid?: string;
  cell: (row: R, index: number) => ReactNode;
};

/** A column left out where it does not apply (`readOnly ? null : actions`). */
export type Columns<R> = readonly (Column<R> | null | false | undefined)[];

/** A header named only for screen readers (above a column of buttons). */
export function hiddenHead(text: string) {
  return <span className="visually-hidden">{text}</span>;
}

/**
 * A table of `rows`, one per item, its columns given as data: the caption
 * (for screen readers), the header row and the body rows. `row` gives each
 * row's test id and data attributes. With `shown` (from `useVirtualRows`)
 * only the rows near the window are rendered, spacer rows keep the page's
 * length, and `aria-rowcount`/`aria-rowindex` say where each row stands.
 * Bordered, neutral and small unless the table's props say otherwise.
 */
export function DataTable<R>({
  rows,
  columns,
  rowKey,
  row,
  caption,
  shown,
  ...table
}: {
  rows: readonly R[];
  columns: Columns<R>;
  rowKey: (row: R, index: number) => string | number;
  row?: (row: R, index: number) => RowProps;
  caption?: ReactNode;
  shown?: VirtualRows;
} & TableProps) {
  const cols = columns.filter((c): c is Column<R> => Boolean(c));
  const renderRow = (r: R, i: number, virtual?: { ref: VirtualRows["measure"] }) => (
    <Table.Row key={rowKey(r, i)} {...(virtual ? { ref: virtual.ref, "data-index": i, "aria-rowindex": i + 2 } : {})} {...row?.(r, i)}>
      {cols.map((c, at) => (
        <Table.Cell key={at} className={c.className} data-testid={c.testid}>
          {c.cell(r, i)}
        </Table.Cell>
      ))}
    </Table.Row>
  );
  return (
    <Table border data-color="neutral" data-size="sm" aria-rowcount={shown ? rows.length + 1 : undefined} {...table}>
      {caption !== undefined ? <caption className="visually-hidden">{caption}</caption> : null}
      <Table.Head>
        <Table.Row aria-rowindex={shown ? 1 : undefined}>
          {cols.map((c, at) => (
            <Table.HeaderCell key={at} className={c.headClassName} {...c.headProps}>
              {c.head}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      {shown ? (
        <Table.Body ref={shown.bodyRef}>
          <SpacerRow height={shown.padTop} columns={cols.length} before={shown.indices[0]} />
          {shown.indices.map((i) => {
            const r = rows[i];
            return r === undefined ? null : renderRow(r, i, { ref: shown.measure });
          })}
          <SpacerRow height={shown.padBottom} columns={cols.length} />
        </Table.Body>
      ) : (
        <Table.Body>{rows.map((r, i) => renderRow(r, i))}</Table.Body>
      )}
    </Table>
  );
}
