import { RowButton } from "../components/RowButton";
import { DataTable } from "../components/DataTable";
import { useProfileLabels } from "../lib/profileLabels";
import type { Membership } from "../bindings/Membership";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { roleLabel } from "../lib/labels";
import { termText } from "./MemberTable";
import { PersonDataButton } from "../members/PersonDataButton";

/** The history: seats that have ended, with when and why. */
export function FormerTable({ members, caption, onErase }: { members: Membership[]; caption: string; onErase?: (m: Membership) => void }) {
  const { t } = useI18n();
  const { categoryName } = useProfileLabels();
  return (
    <DataTable
      rows={members}
      rowKey={(m) => m.id}
      row={() => ({ "data-testid": "former-row" })}
      caption={caption}
      className="former-table"
      columns={[
        { head: t("col.name"), cell: (m) => m.person.name },
        { head: t("col.category"), cell: (m) => categoryName(m.category) },
        { head: t("col.role"), cell: (m) => roleLabel(t, m.role) },
        { head: t("col.term"), className: "nowrap", cell: (m) => termText(t, m) },
        { head: t("col.endedOn"), className: "nowrap", cell: (m) => formatDate(m.endedOn ?? m.termTo) },
        { head: t("col.reason"), cell: (m) => m.endReason },
        {
          head: t("col.privacy"),
          cell: (m) => (
            <div className="button-row">
              <PersonDataButton personId={m.person.id} name={m.person.name} compact />
              {onErase ? (
                <RowButton testid="erase-person" label={t("erase.buttonFor", { name: m.person.name })} danger onClick={() => onErase(m)}>
                  {t("erase.button")}
                </RowButton>
              ) : null}
            </div>
          ),
        },
      ]}
    />
  );
}
