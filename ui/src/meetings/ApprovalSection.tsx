import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Amendment } from "../bindings/Amendment";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { formatDateTime } from "../lib/times";
import { useDraftForm } from "../lib/useDraftForm";
import { TextAreaField } from "../components/fields";
import { InlineForm } from "../components/InlineForm";
import { useMeeting } from "./context";

const ORDER = ["amendment-text"] as const;
const IDS = { text: "amendment-text" };

/** Approved minutes: who approved them, and the corrections recorded since. Earlier minutes' corrections for info. */
export function ApprovalSection() {
  const { t } = useI18n();
  const { detail } = useMeeting();
  const m = detail.meeting;
  const approved = m.status === "approved";
  if (!approved && detail.earlierAmendments.length === 0) return null;
  const name = (id: string) => detail.attendance.find((r) => r.membershipId === id)?.personName ?? id;
  return (
    <section aria-labelledby="approval-title" className="section section--tight meeting-card">
      <Heading level={2} data-size="2xs" id="approval-title">
        {approved ? t("approval.title") : t("amendment.earlier")}
      </Heading>
      {approved ? (
        <>
          <Paragraph data-size="sm" data-testid="approval">
            {m.approved ? t("approval.when", { at: formatDateTime(m.approved.at, t("time.at")), by: m.approved.by }) : null}{" "}
            {m.approval?.type === "signatories"
              ? t("approval.signatories", { names: m.approval.membershipIds.map(name).join(" og ") })
              : m.approval?.type === "laterMeeting"
                ? t("approval.laterMeeting", { item: detail.approvedIn ?? "" })
                : null}
          </Paragraph>
          <Paragraph data-size="sm" className="muted">
            {t("approval.lockedHelp")}
          </Paragraph>
          <AmendmentList amendments={detail.amendments} testid="amendment" empty={t("amendment.none")} />
          <AmendmentForm />
        </>
      ) : null}
      {detail.earlierAmendments.length ? (
        <>
          {approved ? (
            <Heading level={3} data-size="2xs">
              {t("amendment.earlier")}
            </Heading>
          ) : null}
          <Paragraph data-size="sm" className="muted">
            {t("amendment.earlierHelp")}
          </Paragraph>
          <AmendmentList amendments={detail.earlierAmendments} testid="earlier-amendment" showMeeting />
        </>
      ) : null}
    </section>
  );
}

function AmendmentList({ amendments, testid, empty, showMeeting = false }: { amendments: Amendment[]; testid: string; empty?: string; showMeeting?: boolean }) {
  const { t } = useI18n();
  if (amendments.length === 0) return empty ? <Paragraph data-size="sm" className="muted">{empty}</Paragraph> : null;
  return (
    <ol className="amendment-list">
      {amendments.map((a) => (
        <li key={a.id} data-testid={testid}>
          <span className="muted amendment-list__meta">
            {showMeeting ? `${t("amendment.toMeeting", { date: formatDate(a.meetingDate) })} · ` : ""}
            {t("amendment.recorded", { at: formatDateTime(a.recorded.at, t("time.at")), by: a.recorded.by })}
          </span>
          <span className="pre-line break">{a.text}</span>
        </li>
      ))}
    </ol>
  );
}

function AmendmentForm() {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useMeeting();
  const form = useDraftForm({ text: "" }, ORDER, IDS);
  const submit = form.onSubmit(() => {
    const text = form.draft.text.trim();
    if (!text) return form.errors.showLocal({ "amendment-text": t("amendment.required") });
    return form.save(() => act(() => backend.addAmendment(detail.meeting.id, text), t("confirm.amendmentAdded", { date: formatDate(detail.meeting.date) })), { text: "" });
  });
  return (
    <InlineForm onSubmit={submit} form={form} stacked className="amendment-form" submit={{ label: t("amendment.add"), testId: "add-amendment" }}>
      <TextAreaField {...form.field("text", "amendment-text")} rows={3} label={t("amendment.label")} description={t("amendment.help")} />
    </InlineForm>
  );
}
