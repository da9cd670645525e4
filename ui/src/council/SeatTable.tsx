import { Heading, Table, Tag } from "@digdir/designsystemet-react";
import { useProfileLabels } from "../lib/profileLabels";
import type { CategoryStatus } from "../bindings/CategoryStatus";
import type { CouncilDetail } from "../bindings/CouncilDetail";
import type { Membership } from "../bindings/Membership";
import { useI18n } from "../i18n/context";

import { MemberColumns, MemberRow, type MemberActions } from "./MemberTable";

/** Columns of the seat table: name, role, organisation, term, contact, actions. */
/** The columns with the action buttons; one fewer on a council only read here. */
const columnsOf = (actions: MemberActions | undefined) => (actions ? 6 : 5);

/**
 * Who sits now, in ONE table grouped by seat category: each category's members,
 * then a "Ledig plass" row per vacant seat; the deputies as a last group.
 */
/** `actions` absent: the council is only read here, and no row has buttons. */
export function SeatTable({ detail, actions }: { detail: CouncilDetail; actions: MemberActions | undefined }) {
  const { t } = useI18n();
  const seated = detail.current.filter((m) => m.role !== "varamedlem");
  const deputies = detail.current.filter((m) => m.role === "varamedlem");
  const groups = detail.composition.categories
    .map((status) => ({ status, members: seated.filter((m) => m.category === status.category) }))
    .filter((g) => g.status.planned > 0 || g.members.length > 0);
  return (
    <section aria-labelledby="seats-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="seats-title">
        {t("council.seats")}
      </Heading>
      <Table border data-color="neutral" data-size="sm" className="member-table seat-table">
        <caption className="visually-hidden">{t("council.seats")}</caption>
        <MemberColumns actions={actions !== undefined} />
        {groups.map((g) => (
          <CategoryGroup key={g.status.category} status={g.status} members={g.members} actions={actions} />
        ))}
        <DeputyGroup deputies={deputies} actions={actions} />
      </Table>
    </section>
  );
}

function CategoryGroup({ status, members, actions }: { status: CategoryStatus; members: Membership[]; actions: MemberActions | undefined }) {
  const { t } = useI18n();
  const { categoryName } = useProfileLabels();
  const c = status.category;
  const over = status.over > 0;
  return (
    <Table.Body className={over ? "seat-group seat-group--over" : "seat-group"} data-category={c}>
      <Table.Row className="group-row">
        <Table.HeaderCell scope="rowgroup" colSpan={columnsOf(actions)}>
          <span className="group-row__label">{categoryName(c)}</span>
          <span className="group-row__count">{t("council.category.count", { filled: status.filled, planned: status.planned })}</span>
          {over ? (
            <Tag data-color="danger" data-size="sm">
              {t("council.category.over", { over: status.over })}
            </Tag>
          ) : null}
        </Table.HeaderCell>
      </Table.Row>
      {members.map((m) => (
        <MemberRow key={m.id} m={m} actions={actions} />
      ))}
      {Array.from({ length: Math.max(0, status.vacant) }, (_, i) => (
        <Table.Row key={`vacant-${i}`} data-testid="vacant-seat" data-category={c} className="row-vacant">
          <Table.Cell colSpan={columnsOf(actions)}>
            <Tag data-color="warning" data-size="sm">
              {t("council.vacantSeat")}
            </Tag>
          </Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  );
}

function DeputyGroup({ deputies, actions }: { deputies: Membership[]; actions: MemberActions | undefined }) {
  const { t } = useI18n();
  const { categoryName } = useProfileLabels();
  return (
    <Table.Body className="seat-group seat-group--deputies">
      <Table.Row className="group-row">
        <Table.HeaderCell scope="rowgroup" colSpan={columnsOf(actions)}>
          <span className="group-row__label">{t("council.deputies")}</span>
          <span className="group-row__help">{t("council.deputiesHelp")}</span>
        </Table.HeaderCell>
      </Table.Row>
      {deputies.map((m) => (
        <MemberRow key={m.id} m={m} role={t("council.deputyFor", { category: categoryName(m.category) })} actions={actions} />
      ))}
      {deputies.length === 0 ? (
        <Table.Row>
          <Table.Cell colSpan={columnsOf(actions)} className="muted">
            {t("council.noDeputies")}
          </Table.Cell>
        </Table.Row>
      ) : null}
    </Table.Body>
  );
}
