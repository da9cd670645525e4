import { useEffect, useRef, type ReactNode } from "react";
import { Details, Table } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";

export type TableColumn<R> = {
  key: string;
  label: string;
  cell: (row: R) => ReactNode;
  /** Right-aligned figures. */
  num?: boolean;
};

/**
 * A chart's table alternative, in a details ("Vis som tabell") right below
 * the picture: always in the page, opened for printing so paper gets the
 * figures too, and closed again afterwards.
 */
export function ChartTable<R>({
  caption,
  rowHeader,
  rows,
  rowKey,
  columns,
  testid,
}: {
  caption: string;
  rowHeader: TableColumn<R>;
  rows: readonly R[];
  rowKey: (row: R) => string;
  columns: readonly TableColumn<R>[];
  testid: string;
}) {
  const { t } = useI18n();
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    let wasOpen = false;
    const before = () => {
      if (!details.current) return;
      wasOpen = details.current.open;
      details.current.open = true;
    };
    const after = () => {
      if (details.current && !wasOpen) details.current.open = false;
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return (
    <Details ref={details} className="chart-details" data-testid={`${testid}-details`}>
      <Details.Summary>{t("chart.asTable")}</Details.Summary>
      <Details.Content>
        <Table border data-color="neutral" data-size="sm" className="chart-table" data-testid={`${testid}-table`}>
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{rowHeader.label}</Table.HeaderCell>
              {columns.map((c) => (
                <Table.HeaderCell key={c.key} scope="col" className={c.num ? "num" : undefined}>
                  {c.label}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={rowKey(row)} data-testid="chart-table-row" data-key={rowKey(row)}>
                <Table.HeaderCell scope="row" className="break">
                  {rowHeader.cell(row)}
                </Table.HeaderCell>
                {columns.map((c) => (
                  <Table.Cell key={c.key} data-col={c.key} className={c.num ? "num nowrap" : undefined}>
                    {c.cell(row)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Details.Content>
    </Details>
  );
}
