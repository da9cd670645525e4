import { rowClick } from "../lib/rowClick";
import { Link, Table, Tag } from "@digdir/designsystemet-react";
import type { CouncilSummary } from "../bindings/CouncilSummary";
import { useI18n } from "../i18n/context";
import { kindLabel } from "../lib/labels";

export function CouncilTable({ councils, onOpen }: { councils: CouncilSummary[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <Table zebra border data-color="neutral" className="council-table">
      <caption className="visually-hidden">{t("list.caption")}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t("list.col.name")}</Table.HeaderCell>
          <Table.HeaderCell>{t("list.col.kind")}</Table.HeaderCell>
          <Table.HeaderCell>{t("list.col.area")}</Table.HeaderCell>
          <Table.HeaderCell className="num">{t("list.col.seats")}</Table.HeaderCell>
          <Table.HeaderCell className="num">{t("list.col.vacant")}</Table.HeaderCell>
          <Table.HeaderCell>{t("list.col.warnings")}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {councils.map((c) => (
          <Table.Row key={c.id} data-testid="council-row" {...rowClick(() => onOpen(c.id))}>
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
        ))}
      </Table.Body>
    </Table>
  );
}
