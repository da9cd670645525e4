import { memo, useCallback } from "react";
import { useProfileLabels } from "../lib/profileLabels";
import { DataTable } from "../components/DataTable";
import type { CouncilOverview } from "../bindings/CouncilOverview";
import type { MeetingBrief } from "../bindings/MeetingBrief";
import { useI18n } from "../i18n/context";
import { LinkButton } from "../components/LinkButton";
import { formatDate } from "../lib/dates";

import { formatKr } from "../grants/format";
import { useVirtualRows, type VirtualRows } from "../lib/virtualRows";
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
  const sortOf = (key: SortKey) => (sort.key === key ? sort.dir : ("none" as const));
  const meeting = (m: MeetingBrief, testid: string, withKind: boolean) => (
    <>
      <LinkButton testid={testid} className="nowrap" onClick={() => onOpenMeeting(m.id)}>
        {formatDate(m.date)}
      </LinkButton>
      {withKind ? <span className="overview-sub">{meetingKindName(m.kind)}</span> : null}
    </>
  );
  const sortable = (key: SortKey, className: string) => ({ className, sort: sortOf(key), onClick: () => onSort(key), "data-testid": `sort-${key}` });
  return (
    <DataTable
      rows={rows}
      shown={shown}
      rowKey={(c) => c.councilId}
      row={(c) => ({ "data-testid": "overview-row", "data-council-id": c.councilId })}
      caption={t("overview.caption", { year })}
      className="overview-table"
      columns={[
        {
          head: t("overview.col.name"),
          headProps: sortable("name", "col-name"),
          className: "break",
          cell: (c) => (
            <>
              <LinkButton testid="open-council" className="cell-name" onClick={() => onOpenCouncil(c.councilId)}>
                {c.name}
              </LinkButton>
              {c.area ? <span className="overview-sub">{c.area}</span> : null}
            </>
          ),
        },
        {
          head: t("overview.col.seats"),
          headClassName: "num col-seats",
          className: "num nowrap",
          testid: "overview-seats",
          cell: (c) => t("list.seats", { filled: c.seatsFilled, planned: c.seatsPlanned }),
        },
        {
          head: t("overview.col.next"),
          headClassName: "col-meeting",
          cell: (c) => (c.nextMeeting ? meeting(c.nextMeeting, "open-next-meeting", true) : <span className="muted">{t("overview.noNext")}</span>),
        },
        {
          head: t("overview.col.lastApproved"),
          headClassName: "col-approved",
          cell: (c) => (c.lastApproved ? meeting(c.lastApproved, "open-last-approved", false) : <span className="muted">{t("overview.noApproved")}</span>),
        },
        {
          head: t("overview.col.duties"),
          headProps: sortable("overdue", "col-duties"),
          cell: (c) => (
            <>
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
            </>
          ),
        },
        {
          head: t("overview.col.grants", { year }),
          headProps: sortable("left", "col-grants"),
          cell: (c) =>
            c.budgetOre > 0 ? (
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
            ),
        },
      ]}
    />
  );
});
