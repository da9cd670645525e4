import { Button, Table, Tag } from "@digdir/designsystemet-react";
import type { Membership } from "../bindings/Membership";
import type { SeatCategory } from "../bindings/SeatCategory";
import { useI18n } from "../i18n/context";
import type { T } from "../i18n/translate";
import { formatDate } from "../lib/dates";
import { categoryLabel, roleLabel } from "../lib/labels";

export type MemberActions = {
  onEdit: (m: Membership) => void;
  onEnd: (m: Membership) => void;
};

export function termText(t: T, m: Pick<Membership, "termFrom" | "termTo">): string {
  const from = formatDate(m.termFrom);
  return m.termTo ? t("term.range", { from, to: formatDate(m.termTo) }) : t("term.open", { from });
}

type Props = {
  members: Membership[];
  caption: string;
  /** Show the category column (deputies, upcoming) instead of one table per category. */
  showCategory?: boolean;
  /** Vacant seats to list after the members, with the category they belong to. */
  vacant?: { count: number; category: SeatCategory };
  actions?: MemberActions;
  /** data-testid of a member row and of its buttons. */
  rowTestId?: string;
  editTestId?: string;
  endTestId?: string;
};

/** Members as a table: one row per person, then one row per vacant seat. */
export function MemberTable({
  members,
  caption,
  showCategory = false,
  vacant,
  actions,
  rowTestId = "member-row",
  editTestId = "edit-member",
  endTestId = "end-member",
}: Props) {
  const { t } = useI18n();
  const columns = 5 + (showCategory ? 1 : 0) + (actions ? 1 : 0);
  return (
    <Table border data-color="neutral" data-size="sm" className={showCategory ? "member-table member-table--wide" : "member-table"}>
      <caption className="visually-hidden">{caption}</caption>
      <colgroup>
        <col className="col-name" />
        {showCategory ? <col className="col-category" /> : null}
        <col className="col-role" />
        <col className="col-org" />
        <col className="col-term" />
        <col className="col-contact" />
        {actions ? <col className="col-actions" /> : null}
      </colgroup>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t("col.name")}</Table.HeaderCell>
          {showCategory ? <Table.HeaderCell>{t("col.category")}</Table.HeaderCell> : null}
          <Table.HeaderCell>{t("col.role")}</Table.HeaderCell>
          <Table.HeaderCell>{t("col.organisation")}</Table.HeaderCell>
          <Table.HeaderCell>{t("col.term")}</Table.HeaderCell>
          <Table.HeaderCell>{t("col.contact")}</Table.HeaderCell>
          {actions ? (
            <Table.HeaderCell>
              <span className="visually-hidden">{t("col.actions")}</span>
            </Table.HeaderCell>
          ) : null}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {members.map((m) => (
          <Table.Row key={m.id} data-testid={rowTestId} data-membership-id={m.id}>
            <Table.Cell className="cell-name">{m.person.name}</Table.Cell>
            {showCategory ? <Table.Cell>{categoryLabel(t, m.category)}</Table.Cell> : null}
            <Table.Cell>{roleLabel(t, m.role)}</Table.Cell>
            <Table.Cell>{m.organisation}</Table.Cell>
            <Table.Cell>{termText(t, m)}</Table.Cell>
            <Table.Cell>
              <ContactLines email={m.person.email} phone={m.person.phone} />
            </Table.Cell>
            {actions ? (
              <Table.Cell className="cell-actions">
                <div className="action-buttons">
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-testid={editTestId}
                  aria-label={t("member.editLabel", { name: m.person.name })}
                  onClick={() => actions.onEdit(m)}
                >
                  {t("member.edit")}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  data-testid={endTestId}
                  aria-label={t("member.endLabel", { name: m.person.name })}
                  onClick={() => actions.onEnd(m)}
                >
                  {t("member.end")}
                </Button>
                </div>
              </Table.Cell>
            ) : null}
          </Table.Row>
        ))}
        {vacant
          ? Array.from({ length: vacant.count }, (_, i) => (
              <Table.Row key={`vacant-${i}`} data-testid="vacant-seat" data-category={vacant.category} className="row-vacant">
                <Table.Cell colSpan={columns}>
                  <Tag data-color="neutral" variant="outline">
                    {t("council.vacantSeat")}
                  </Tag>
                </Table.Cell>
              </Table.Row>
            ))
          : null}
      </Table.Body>
    </Table>
  );
}

/** E-mail and phone, each on its own line, each labelled for screen readers. */
function ContactLines({ email, phone }: { email: string; phone: string }) {
  const { t } = useI18n();
  return (
    <div className="contact-lines">
      {email ? (
        <span>
          <span className="visually-hidden">{t("col.email")}: </span>
          {email}
        </span>
      ) : null}
      {phone ? (
        <span>
          <span className="visually-hidden">{t("col.phone")}: </span>
          {phone}
        </span>
      ) : null}
    </div>
  );
}
