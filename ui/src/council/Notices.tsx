import { Alert, Heading } from "@digdir/designsystemet-react";
import type { Notice } from "../bindings/Notice";
import type { Severity } from "../bindings/Severity";
import { useI18n } from "../i18n/context";

/** The composition check at a glance: one compact alert for warnings, one for advice; nothing when all is well. */
export function Notices({ notices }: { notices: Notice[] }) {
  const warnings = notices.filter((n) => n.severity === "warning");
  const advice = notices.filter((n) => n.severity === "advice");
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      <NoticeAlert severity="warning" notices={warnings} />
      <NoticeAlert severity="advice" notices={advice} />
    </div>
  );
}

function NoticeAlert({ severity, notices }: { severity: Severity; notices: Notice[] }) {
  const { t } = useI18n();
  if (notices.length === 0) return null;
  const id = `notices-${severity}-title`;
  return (
    <Alert
      data-color={severity === "warning" ? "warning" : "info"}
      data-size="sm"
      data-severity={severity}
      className="notice-alert"
    >
      <Heading level={2} data-size="2xs" id={id}>
        {t(severity === "warning" ? "council.warnings" : "council.advice")}
      </Heading>
      <ul className="notice-list">
        {notices.map((n, i) => (
          <li key={`${n.kind}-${n.membershipId ?? n.category ?? ""}-${i}`} data-testid="notice" data-kind={n.kind} data-severity={n.severity}>
            {n.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
