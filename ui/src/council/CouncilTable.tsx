import { rowClick } from "../lib/rowClick";
import { useCallback } from "react";
import { Link, Table, Tag } from "@digdir/designsystemet-react";
import type { CouncilSummary } from "../bindings/CouncilSummary";
import { useI18n } from "../i18n/context";
import { kindLabel } from "../lib/labels";
import { useVirtualRows, type VirtualRows } from "../lib/virtualRows";
import { SpacerRow } from "../components/VirtualTable";

/** The rows of the council table as rendered: a kommune's 200 only near the window. */
export function useCouncilRows(councils: CouncilSummary[]): VirtualRows {
  const keyOf = useCallback((i: number) => councils[i]?.id ?? String(i), [councils]);
  return useVirtualRows(councils.length, 45, keyOf);
}

export function CouncilTable({ councils, shown, onOpen }: { councils: CouncilSummary[]; shown: VirtualRows; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <Table zebra border data-color="neutral" className="council-table" aria-rowcount={councils.length + 1}>
      <caption className="visually-hidden">{t("list.caption")}</caption>
      <Table.Head>
        <Table.Row aria-rowindex={1}>
          <Table.HeaderCell>{t("list.col.name")}</Table.HeaderCell>
          <Table.HeaderCell>{t("list.col.kind")}</Table.HeaderCell>
          <Table.HeaderCell>{t("list.col.area")}</Table.HeaderCell>
          <Table.HeaderCell className="num">{t("list.col.seats")}</Table.HeaderCell>
          <Table.HeaderCell className="num">{t("list.col.vacant")}</Table.HeaderCell>
          <Table.HeaderCell>{t("list.col.warnings")}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body ref={shown.bodyRef}>
        <SpacerRow height={shown.padTop} columns={6} before={shown.indices[0]} />
        {shown.indices.map((i) => {
          const c = councils[i];
          if (!c) return null;
          return (
            <Table.Row key={c.id} ref={shown.measure} data-index={i} aria-rowindex={i + 2} data-testid="council-row" {...rowClick(() => onOpen(c.id))}>
              <Table.Cell>
                <Link asChild data-color="accent">
                  <button type="button" className="link-button" data-testid="open-council" onClick={() => onOpen(c.id)}>
                    {c.name}
                  </button>
                </Link>
              </Table.Cell>
              <Table.Cell>{kindLabel(t, c.kind)}</Table.Cell>
              <Table.Cell>{c.area}</Table.Cell>
              <Table.Cell className="num">{t("list.seats", { filled: c.seatsFilled, planned: c.seatsPlanned })}</Table.Cell>
              <Table.Cell className="num">{c.seatsVacant}</Table.Cell>
              <Table.Cell>
                {c.warningCount > 0 ? (
                  <Tag data-color="warning">
                    {c.warningCount === 1 ? t("list.warningsOne") : t("list.warnings", { count: c.warningCount })}
                  </Tag>
                ) : (
                  <span className="muted">{t("list.noWarnings")}</span>
                )}
              </Table.Cell>
            </Table.Row>
          );
        })}
        <SpacerRow height={shown.padBottom} columns={6} />
      </Table.Body>
    </Table>
  );
}
