import { Button, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
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
    <section aria-labelledby="overview-statements" className="section section--tight" data-testid="overview-statements">
      <Heading level={2} data-size="2xs" id="overview-statements">
        {t("overview.statements", { year })}
      </Heading>
      {statements.statements.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("overview.noStatements", { year })}
        </Paragraph>
      ) : (
        <>
          {owing.length > 0 ? (
            <ul className="plain-list" data-testid="statements-owed">
              {owing.map((c) => (
                <li key={c.councilId} data-council-id={c.councilId}>
                  {t("overview.statementsOwed", { council: c.councilName, count: c.open, deadline: formatDate(c.nextDeadline) })}
                </li>
              ))}
            </ul>
          ) : null}
          <Table border data-size="sm" className="statements-table">
            <caption className="visually-hidden">{t("overview.statements", { year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("overview.col.name")}</Table.HeaderCell>
                <Table.HeaderCell>{t("overview.col.statement")}</Table.HeaderCell>
                <Table.HeaderCell>{t("item.caseRef")}</Table.HeaderCell>
                <Table.HeaderCell>{t("overview.col.deadline")}</Table.HeaderCell>
                <Table.HeaderCell>{t("overview.col.status")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {statements.statements.map((s) => (
                <Table.Row key={s.itemId} data-testid="statement-row" data-status={s.status} data-passed={s.deadlinePassed}>
                  <Table.Cell className="break">{s.councilName}</Table.Cell>
                  <Table.Cell className="break">
                    <Button variant="tertiary" data-size="sm" className="link-button" onClick={() => onOpenMeeting(s.meetingId)}>
                      {s.caseLabel ? `${s.caseLabel}: ${s.title}` : s.title}
                    </Button>
                  </Table.Cell>
                  <Table.Cell>{s.caseRef}</Table.Cell>
                  <Table.Cell data-testid="statement-deadline">
                    {formatDate(s.deadline)}{" "}
                    {s.deadlinePassed ? (
                      <Tag data-size="sm" data-color="danger" data-testid="deadline-passed">
                        {t("overview.deadlinePassed")}
                      </Tag>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={statusColor(s.status)}>
                      {t(`statementStatus.${s.status}` as MessageKey)}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}
