import { Button, Tag } from "@digdir/designsystemet-react";
import { DataTable } from "../components/DataTable";
import { EmptyOr, Section } from "../components/Section";
import type { StatementOverview } from "../bindings/StatementOverview";
import type { StatementStatus } from "../bindings/StatementStatus";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { formatDate } from "../lib/dates";

const statusColor = (s: StatementStatus) => (s === "sent" ? "success" : s === "not_adopted" ? "neutral" : s === "adopted" ? "info" : "warning");

/** The coordinator's statements to the kommune of the year, as the core lists
 * them: per council how many are owed and the nearest deadline, then every
 * statement by deadline, a passed deadline marked. */
export function OverviewStatements({ statements, year, onOpenMeeting }: { statements: StatementOverview; year: number; onOpenMeeting: (id: string) => void }) {
  const { t } = useI18n();
  const owing = statements.councils.filter((c) => c.open > 0);
  return (
    <Section id="overview-statements" title={t("overview.statements", { year })} testid="overview-statements">
      <EmptyOr empty={statements.statements.length === 0} note={t("overview.noStatements", { year })}>
        {owing.length > 0 ? (
          <ul className="plain-list" data-testid="statements-owed">
            {owing.map((c) => (
              <li key={c.councilId} data-council-id={c.councilId}>
                {t("overview.statementsOwed", { council: c.councilName, count: c.open, deadline: formatDate(c.nextDeadline) })}
              </li>
            ))}
          </ul>
        ) : null}
        <DataTable
          rows={statements.statements}
          rowKey={(s) => s.itemId}
          row={(s) => ({ "data-testid": "statement-row", "data-status": s.status, "data-passed": s.deadlinePassed })}
          caption={t("overview.statements", { year })}
          className="statements-table"
          data-color={undefined}
          columns={[
            { head: t("overview.col.name"), className: "break", cell: (s) => s.councilName },
            {
              head: t("overview.col.statement"),
              className: "break",
              cell: (s) => (
                <Button variant="tertiary" data-size="sm" className="link-button" onClick={() => onOpenMeeting(s.meetingId)}>
                  {s.caseLabel ? `${s.caseLabel}: ${s.title}` : s.title}
                </Button>
              ),
            },
            { head: t("item.caseRef"), cell: (s) => s.caseRef },
            {
              head: t("overview.col.deadline"),
              testid: "statement-deadline",
              cell: (s) => (
                <>
                  {formatDate(s.deadline)}{" "}
                  {s.deadlinePassed ? (
                    <Tag data-size="sm" data-color="danger" data-testid="deadline-passed">
                      {t("overview.deadlinePassed")}
                    </Tag>
                  ) : null}
                </>
              ),
            },
            {
              head: t("overview.col.status"),
              cell: (s) => (
                <Tag data-size="sm" data-color={statusColor(s.status)}>
                  {t(`statementStatus.${s.status}` as MessageKey)}
                </Tag>
              ),
            },
          ]}
        />
      </EmptyOr>
    </Section>
  );
}
