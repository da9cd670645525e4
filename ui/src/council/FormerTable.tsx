import { Button, Table } from "@digdir/designsystemet-react";
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
    <Table border data-color="neutral" data-size="sm" className="former-table">
      <caption className="visually-hidden">{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t("col.name")}</Table.HeaderCell>
          <Table.HeaderCell>{t("col.category")}</Table.HeaderCell>
          <Table.HeaderCell>{t("col.role")}</Table.HeaderCell>
          <Table.HeaderCell>{t("col.term")}</Table.HeaderCell>
          <Table.HeaderCell>{t("col.endedOn")}</Table.HeaderCell>
          <Table.HeaderCell>{t("col.reason")}</Table.HeaderCell>
          <Table.HeaderCell>{t("col.privacy")}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {members.map((m) => (
          <Table.Row key={m.id} data-testid="former-row">
            <Table.Cell>{m.person.name}</Table.Cell>
            <Table.Cell>{categoryName(m.category)}</Table.Cell>
            <Table.Cell>{roleLabel(t, m.role)}</Table.Cell>
            <Table.Cell className="nowrap">{termText(t, m)}</Table.Cell>
            <Table.Cell className="nowrap">{formatDate(m.endedOn ?? m.termTo)}</Table.Cell>
            <Table.Cell>{m.endReason}</Table.Cell>
            <Table.Cell>
              <div className="button-row">
                <PersonDataButton personId={m.person.id} name={m.person.name} compact />
                {onErase ? (
                  <Button
                    type="button"
                    data-size="sm"
                    variant="tertiary"
                    data-color="danger"
                    data-testid="erase-person"
                    aria-label={t("erase.buttonFor", { name: m.person.name })}
                    onClick={() => onErase(m)}
                  >
                    {t("erase.button")}
                  </Button>
                ) : null}
              </div>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
