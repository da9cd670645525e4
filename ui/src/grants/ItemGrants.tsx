import { DataTable } from "../components/DataTable";
import { Section } from "../components/Section";
import type { AgendaItem } from "../bindings/AgendaItem";
import { useI18n } from "../i18n/context";
import { formatKr } from "./format";

/** Grants decided under an agenda item: who, for what, how much. */
export function ItemGrants({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  if (item.grants.length === 0) return null;
  return (
    <Section id={`item-grants-${item.id}`} title={t("itemGrants.title")} level={4} className="item-sub" testid="item-grants">
      <DataTable
        rows={item.grants}
        rowKey={(g) => g.applicationId}
        row={(g) => ({ "data-testid": "item-grant", "data-application-id": g.applicationId })}
        className="item-grants-table"
        columns={[
          { head: t("committee.col.applicant"), className: "break", cell: (g) => g.organisation },
          { head: t("itemGrants.project"), className: "break", cell: (g) => g.title },
          { head: t("committee.col.asked"), headClassName: "num", className: "num nowrap", cell: (g) => formatKr(g.askedOre) },
          {
            head: t("committee.col.granted"),
            headClassName: "num",
            className: "num nowrap",
            cell: (g) => (g.grantedOre > 0 ? formatKr(g.grantedOre) : t("itemGrants.refused")),
          },
        ]}
      />
    </Section>
  );
}
