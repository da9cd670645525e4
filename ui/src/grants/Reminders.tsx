import { Alert, Heading } from "@digdir/designsystemet-react";
import type { ReportReminder } from "../bindings/ReportReminder";
import { useI18n } from "../i18n/context";
import { LinkButton } from "../components/LinkButton";
import { formatDate } from "../lib/dates";

/** Final reports not in by the scheme's report deadline: who to remind, and how to reach them. */
export function Reminders({ reminders, onOpen }: { reminders: ReportReminder[]; onOpen: (applicationId: string) => void }) {
  const { t } = useI18n();
  if (reminders.length === 0) return null;
  return (
    <Alert data-color="warning" className="page-alert" data-testid="report-reminders">
      <Heading level={2} data-size="2xs">
        {t("reminders.title", { count: reminders.length })}
      </Heading>
      <ul className="plain-list reminder-list">
        {reminders.map((r) => (
          <li key={r.applicationId} data-testid="report-reminder">
            <LinkButton plain onClick={() => onOpen(r.applicationId)}>
              {t("reminders.application", { number: r.number, organisation: r.organisation })}
            </LinkButton>{" "}
            – {r.title}.{" "}
            {t("reminders.overdue", { due: formatDate(r.due), days: r.daysOverdue })}
            {r.contactName || r.email ? (
              <span className="muted">
                {" "}
                ({[r.contactName, r.email].filter(Boolean).join(", ")})
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
