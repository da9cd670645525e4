import { Heading, Table } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import { useI18n } from "../i18n/context";
import { formatKr } from "./format";

/** Grants decided under an agenda item: who, for what, how much. */
export function ItemGrants({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  if (item.grants.length === 0) return null;
  return (
    <section className="item-sub" aria-labelledby={`item-grants-${item.id}`} data-testid="item-grants">
      <Heading level={4} data-size="2xs" id={`item-grants-${item.id}`}>
        {t("itemGrants.title")}
      </Heading>
      <Table border data-color="neutral" data-size="sm" className="item-grants-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("committee.col.applicant")}</Table.HeaderCell>
            <Table.HeaderCell>{t("itemGrants.project")}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t("committee.col.asked")}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t("committee.col.granted")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {item.grants.map((g) => (
            <Table.Row key={g.applicationId} data-testid="item-grant" data-application-id={g.applicationId}>
              <Table.Cell className="break">{g.organisation}</Table.Cell>
              <Table.Cell className="break">{g.title}</Table.Cell>
              <Table.Cell className="num nowrap">{formatKr(g.askedOre)}</Table.Cell>
              <Table.Cell className="num nowrap">{g.grantedOre > 0 ? formatKr(g.grantedOre) : t("itemGrants.refused")}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}
