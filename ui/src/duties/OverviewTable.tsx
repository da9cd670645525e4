import { memo, useCallback } from "react";
import { useProfileLabels } from "../lib/profileLabels";
import { Link, Table } from "@digdir/designsystemet-react";
import type { CouncilOverview } from "../bindings/CouncilOverview";
import type { MeetingBrief } from "../bindings/MeetingBrief";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";

import { formatKr } from "../grants/format";
import { useVirtualRows, type VirtualRows } from "../lib/virtualRows";
import { SpacerRow } from "../components/VirtualTable";
import { DutyTag } from "./DutyTag";
import type { Sort, SortKey } from "./dutyModel";

/** The rows of the overview table as rendered: [`useVirtualRows`] for its rows. */
export function useOverviewRows(rows: CouncilOverview[]): VirtualRows {
  const keyOf = useCallback((i: number) => rows[i]?.councilId ?? String(i), [rows]);
  return useVirtualRows(rows.length, 96, keyOf);
}

/**
 * One row per council: seats, next and last meeting, the duties as tags, and
 * the year's grants. A kommune's 200 councils render only near the window
 * (`shown`, from [`useOverviewRows`]); printing renders them all.
 */
export const OverviewTable = memo(function OverviewTable({
  rows,
  shown,
  year,
  sort,
  onSort,
  onOpenCouncil,
  onOpenMeeting,
}: {
  rows: CouncilOverview[];
  shown: VirtualRows;
  year: number;
  sort: Sort;
  onSort: (key: SortKey) => void;
  onOpenCouncil: (id: string) => void;
  onOpenMeeting: (id: string) => void;
}) {
  const { t } = useI18n();
  const { meetingKindName } = useProfileLabels();
  const sortOf = (key: SortKey) => (sort.key === key ? sort.dir : "none");
  const meeting = (m: MeetingBrief, testid: string, withKind: boolean) => (
    <>
      <Link asChild data-color="accent">
        <button type="button" className="link-button nowrap" data-testid={testid} onClick={() => onOpenMeeting(m.id)}>
          {formatDate(m.date)}
        </button>
      </Link>
      {withKind ? <span className="overview-sub">{meetingKindName(m.kind)}</span> : null}
    </>
  );
  return (
    <Table border data-color="neutral" data-size="sm" className="overview-table" aria-rowcount={rows.length + 1}>
      <caption className="visually-hidden">{t("overview.caption", { year })}</caption>
      <Table.Head>
        <Table.Row aria-rowindex={1}>
          <Table.HeaderCell sort={sortOf("name")} onClick={() => onSort("name")} data-testid="sort-name" className="col-name">
            {t("overview.col.name")}
          </Table.HeaderCell>
          <Table.HeaderCell className="num col-seats">{t("overview.col.seats")}</Table.HeaderCell>
          <Table.HeaderCell className="col-meeting">{t("overview.col.next")}</Table.HeaderCell>
          <Table.HeaderCell className="col-approved">{t("overview.col.lastApproved")}</Table.HeaderCell>
          <Table.HeaderCell sort={sortOf("overdue")} onClick={() => onSort("overdue")} data-testid="sort-overdue" className="col-duties">
            {t("overview.col.duties")}
          </Table.HeaderCell>
          <Table.HeaderCell sort={sortOf("left")} onClick={() => onSort("left")} data-testid="sort-left" className="col-grants">
            {t("overview.col.grants", { year })}
          </Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body ref={shown.bodyRef}>
        <SpacerRow height={shown.padTop} columns={6} before={shown.indices[0]} />
        {shown.indices.map((i) => {
          const c = rows[i];
          if (!c) return null;
          return (
            <Table.Row
              key={c.councilId}
              ref={shown.measure}
              data-index={i}
              aria-rowindex={i + 2}
              data-testid="overview-row"
              data-council-id={c.councilId}
            >
              <Table.Cell className="break">
                <Link asChild data-color="accent">
                  <button type="button" className="link-button cell-name" data-testid="open-council" onClick={() => onOpenCouncil(c.councilId)}>
                    {c.name}
                  </button>
                </Link>
                {c.area ? <span className="overview-sub">{c.area}</span> : null}
              </Table.Cell>
              <Table.Cell className="num nowrap" data-testid="overview-seats">
                {t("list.seats", { filled: c.seatsFilled, planned: c.seatsPlanned })}
              </Table.Cell>
              <Table.Cell>
                {c.nextMeeting ? meeting(c.nextMeeting, "open-next-meeting", true) : <span className="muted">{t("overview.noNext")}</span>}
              </Table.Cell>
              <Table.Cell>
                {c.lastApproved ? meeting(c.lastApproved, "open-last-approved", false) : <span className="muted">{t("overview.noApproved")}</span>}
              </Table.Cell>
              <Table.Cell>
                {c.dutiesOverdue > 0 ? (
                  <p className="overview-overdue" data-testid="overview-overdue">
                    {c.dutiesOverdue === 1
                      ? t("overview.overdueOne", { days: c.daysOverdue })
                      : t("overview.overdueMany", { count: c.dutiesOverdue, days: c.daysOverdue })}
                  </p>
                ) : null}
                <ul className="duty-tags" aria-label={t("overview.dutiesOf", { name: c.name })}>
                  {c.duties.map((d) => (
                    <li key={d.kind}>
                      <DutyTag duty={d} withKind />
                    </li>
                  ))}
                </ul>
              </Table.Cell>
              <Table.Cell>
                {c.budgetOre > 0 ? (
                  <dl className="overview-money" data-testid="overview-grants">
                    <div>
                      <dt>{t("budget.granted")}</dt>
                      <dd>{formatKr(c.grantedOre)}</dd>
                    </div>
                    <div>
                      <dt>{t("budget.paid")}</dt>
                      <dd>{formatKr(c.paidOre)}</dd>
                    </div>
                    <div>
                      <dt>{t("overview.left")}</dt>
                      <dd data-testid="overview-left">{formatKr(c.leftOre)}</dd>
                    </div>
                  </dl>
                ) : (
                  <span className="muted">{t("overview.noScheme")}</span>
                )}
              </Table.Cell>
            </Table.Row>
          );
        })}
        <SpacerRow height={shown.padBottom} columns={6} />
      </Table.Body>
    </Table>
  );
});
