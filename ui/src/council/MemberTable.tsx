import { Table } from "@digdir/designsystemet-react";
import { RowButton } from "../components/RowButton";
import { useProfileLabels } from "../lib/profileLabels";
import type { ReactNode } from "react";
import type { Membership } from "../bindings/Membership";
import { useI18n } from "../i18n/context";
import type { T } from "../i18n/translate";
import { formatDate } from "../lib/dates";
import { roleLabel } from "../lib/labels";

export type MemberActions = {
  onEdit: (m: Membership) => void;
  onEnd: (m: Membership) => void;
};

/** data-testid of a member row and of its buttons. */
export type RowTestIds = { row: string; edit: string; end: string };
export const CURRENT_ROW_IDS: RowTestIds = { row: "member-row", edit: "edit-member", end: "end-member" };

export function termText(t: T, m: Pick<Membership, "termFrom" | "termTo">): string {
  const from = formatDate(m.termFrom);
  return m.termTo ? t("term.range", { from, to: formatDate(m.termTo) }) : t("term.open", { from });
}

/** The shared column layout and header of the member tables. */
export function MemberColumns({ showCategory = false, actions }: { showCategory?: boolean; actions: boolean }) {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}

/** One member: name, (category), role, organisation, term, contact, and the edit/end buttons. */
export function MemberRow({
  m,
  showCategory = false,
  role,
  actions,
  ids = CURRENT_ROW_IDS,
}: {
  m: Membership;
  showCategory?: boolean;
  /** What the role cell shows; the role's label unless given. */
  role?: ReactNode;
  actions?: MemberActions | undefined;
  ids?: RowTestIds;
}) {
  const { t } = useI18n();
  const { categoryName } = useProfileLabels();
  return (
    <Table.Row data-testid={ids.row} data-membership-id={m.id}>
      <Table.Cell className="cell-name">{m.person.name}</Table.Cell>
      {showCategory ? <Table.Cell>{categoryName(m.category)}</Table.Cell> : null}
      <Table.Cell>{role ?? roleLabel(t, m.role)}</Table.Cell>
      <Table.Cell>{m.organisation}</Table.Cell>
      <Table.Cell>{termText(t, m)}</Table.Cell>
      <Table.Cell>
        <ContactLines email={m.person.email} phone={m.person.phone} />
      </Table.Cell>
      {actions ? (
        <Table.Cell className="cell-actions">
          <div className="action-buttons">
            <RowButton testid={ids.edit} label={t("member.editLabel", { name: m.person.name })} onClick={() => actions.onEdit(m)}>
              {t("member.edit")}
            </RowButton>
            <RowButton testid={ids.end} label={t("member.endLabel", { name: m.person.name })} danger onClick={() => actions.onEnd(m)}>
              {t("member.end")}
            </RowButton>
          </div>
        </Table.Cell>
      ) : null}
    </Table.Row>
  );
}

/** Members with their category as a plain table (upcoming members). */
export function MemberTable({
  members,
  caption,
  actions,
  ids,
}: {
  members: Membership[];
  caption: string;
  actions?: MemberActions;
  ids?: RowTestIds;
}) {
  return (
    <Table border data-color="neutral" data-size="sm" className="member-table member-table--wide">
      <caption className="visually-hidden">{caption}</caption>
      <MemberColumns showCategory actions={actions !== undefined} />
      <Table.Body>
        {members.map((m) => (
          <MemberRow key={m.id} m={m} showCategory actions={actions} ids={ids} />
        ))}
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
