import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Notice } from "../bindings/Notice";
import { useI18n } from "../i18n/context";

/** The composition check at a glance: warnings first, then advice. */
export function Notices({ notices }: { notices: Notice[] }) {
  const { t } = useI18n();
  const sorted = [...notices].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "warning" ? -1 : 1));
  return (
    <section aria-labelledby="notices-title" className="section">
      <Heading level={2} data-size="xs" id="notices-title">
        {t("council.notices")}
      </Heading>
      {sorted.length === 0 ? (
        <Paragraph className="muted">{t("council.noNotices")}</Paragraph>
      ) : (
        <ul className="notice-list">
          {sorted.map((n, i) => (
            <li key={`${n.kind}-${n.membershipId ?? n.category ?? ""}-${i}`}>
              <Alert
                data-testid="notice"
                data-kind={n.kind}
                data-severity={n.severity}
                data-color={n.severity === "warning" ? "warning" : "info"}
                data-size="sm"
              >
                <span className="visually-hidden">{t(n.severity === "warning" ? "severity.warning" : "severity.advice")}: </span>
                {n.message}
              </Alert>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
