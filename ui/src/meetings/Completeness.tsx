import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import { useMeeting } from "./context";

/** What the minutes still lack before they can be approved, blocking first; once approved, that they are. */
export function Completeness() {
  const { t } = useI18n();
  const { detail, selectItem } = useMeeting();
  const missing = [...detail.missing].sort((a, b) => Number(b.blocking) - Number(a.blocking));
  const blocking = missing.filter((m) => m.blocking).length;
  const approved = detail.meeting.status === "approved";
  if (!detail.lifecycle.judged) {
    // Before the meeting is held nothing is missing yet: what the minutes will need, said plainly.
    return (
      <section aria-labelledby="missing-title" className="section section--tight meeting-card completeness" data-complete="pending" data-testid="checklist-pending">
        <Heading level={2} data-size="2xs" id="missing-title">
          {t("missing.title")}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t("missing.pending")}
        </Paragraph>
      </section>
    );
  }
  return (
    <section aria-labelledby="missing-title" className="section section--tight meeting-card completeness" data-complete={missing.length === 0}>
      <Heading level={2} data-size="2xs" id="missing-title">
        {approved ? t("missing.titleApproved") : t("missing.title")}
      </Heading>
      {missing.length === 0 ? (
        <Paragraph data-testid="complete" className="complete">
          ✓ {approved ? t("missing.approved") : t("missing.complete")}
        </Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" className="muted">
            {approved ? t("missing.approvedNotes") : blocking > 0 ? t("missing.summary", { count: blocking }) : t("missing.adviceOnly")}
          </Paragraph>
          <ul className="missing-list">
            {missing.map((m, i) => (
              <li key={i} data-testid="missing" data-kind={m.kind} data-blocking={m.blocking ? "true" : "false"} className={m.blocking ? "missing--blocking" : "missing--advice"}>
                <span className="visually-hidden">{m.blocking ? t("missing.blocking") : t("missing.advice")}: </span>
                {m.itemId ? (
                  <button type="button" className="link-button missing-link" onClick={() => {
                      selectItem(m.itemId!);
                      requestAnimationFrame(() => document.getElementById("item-heading")?.focus());
                    }}>
                    {m.message}
                  </button>
                ) : (
                  m.message
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
