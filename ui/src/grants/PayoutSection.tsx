import { Checkbox, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { dateInput, dateWords, formatDate, todayIso } from "../lib/dates";
import { useDraftForm } from "../lib/useDraftForm";
import { DateField, TextAreaField, TextField } from "../components/fields";
import { InlineForm } from "../components/InlineForm";
import { added } from "../lib/added";
import { useApplication } from "./context";
import { formatKr } from "./format";
import { useReadOnlyCouncil } from "../council/KeptElsewhere";

/** What a form of the application page works with: the application, its writes, and whether this file may change it. */
function useApplicationForm() {
  const { detail, act } = useApplication();
  return { backend: useBackend(), detail, act, a: detail.application, readOnly: useReadOnlyCouncil() };
}

const PAYOUT_IDS = { date: "payout-date", amount: "payout-amount" };
const PAYOUT_ORDER = Object.values(PAYOUT_IDS);

/** Payouts of a grant: never more than granted. */
export function PayoutSection() {
  const { t } = useI18n();
  const { backend, act, a, readOnly } = useApplicationForm();
  const granted = a.decision?.grantedOre ?? 0;
  const form = useDraftForm(() => ({ date: formatDate(todayIso()), amount: "" }), PAYOUT_ORDER, PAYOUT_IDS);

  const submit = form.submit(
    () => dateInput(form.draft.date, false, "payout-date", dateWords(t)),
    (date) => {
      const { amount } = form.draft;
      return act(
        () => backend.addPayout(a.id, { date: date!, amount }),
        (fresh) => {
          const payout = added(fresh.application.payouts, a.payouts);
          return t("confirm.payoutAdded", { amount: payout ? formatKr(payout.amountOre) : amount.trim() });
        },
      );
    },
    // The day stays for the next payout.
    (old) => ({ ...old, amount: "" }),
  );

  return (
    <section aria-labelledby="payouts-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="payouts-title">
        {t("payouts.title")}
      </Heading>
      <Paragraph data-size="sm" data-testid="payout-status">
        {t("payouts.status", { paid: formatKr(a.paidOre), granted: formatKr(granted), left: formatKr(Math.max(0, granted - a.paidOre)) })}
      </Paragraph>
      {a.payouts.length ? (
        <Table border data-color="neutral" data-size="sm" className="payout-table">
          <caption className="visually-hidden">{t("payouts.title")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("payouts.date")}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t("payouts.amount")}</Table.HeaderCell>
              <Table.HeaderCell>{t("payouts.recordedBy")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.payouts.map((p) => (
              <Table.Row key={p.id} data-testid="payout-row">
                <Table.Cell>{formatDate(p.date)}</Table.Cell>
                <Table.Cell className="num nowrap">{formatKr(p.amountOre)}</Table.Cell>
                <Table.Cell>{p.recorded.by}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      {a.paidOre < granted && !readOnly ? (
        <InlineForm onSubmit={submit} form={form} row="payout" submit={{ label: t("payouts.add"), testId: "add-payout" }}>
          <DateField {...form.field("date", "payout-date")} label={t("payouts.date")} />
          <TextField {...form.field("amount", "payout-amount")} label={t("payouts.amount")} inputMode="decimal" />
        </InlineForm>
      ) : null}
    </section>
  );
}

const REPORT_IDS = { received: "report-received", summary: "report-summary" };
const REPORT_ORDER = Object.values(REPORT_IDS);

/** The applicant's final report (sluttrapport). */
export function ReportSection() {
  const { t } = useI18n();
  const { backend, detail, act, a, readOnly } = useApplicationForm();
  const form = useDraftForm(
    () => ({ received: formatDate(a.report?.received ?? todayIso()), summary: a.report?.summary ?? "", accepted: a.report?.accepted ?? true }),
    REPORT_ORDER,
    REPORT_IDS,
  );

  const submit = form.submit(
    () => dateInput(form.draft.received, false, "report-received", dateWords(t)),
    (received) =>
      act(
        () => backend.recordReport(a.id, { received: received!, summary: form.draft.summary, accepted: form.draft.accepted }),
        t(a.report ? "confirm.reportSaved" : "confirm.reportRecorded", { organisation: a.organisation }),
      ),
  );

  return (
    <section aria-labelledby="report-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="report-title">
        {t("report.title")}
      </Heading>
      <Paragraph data-size="sm" data-testid="report-status" className={a.report ? undefined : "muted"}>
        {a.report
          ? t(a.report.accepted ? "report.accepted" : "report.notAccepted", { date: formatDate(a.report.received) })
          : t("report.due", { date: formatDate(detail.scheme.reportDeadline) })}
      </Paragraph>
      {readOnly ? null : (
        <InlineForm onSubmit={submit} form={form} stacked submit={{ label: a.report ? t("report.update") : t("report.save"), testId: "save-report" }}>
          <DateField {...form.field("received", "report-received")} label={t("report.received")} />
          <TextAreaField {...form.field("summary", "report-summary")} rows={3} label={t("report.summary")} />
          <Checkbox id="report-accepted" label={t("report.acceptedLabel")} checked={form.draft.accepted} onChange={(e) => form.set("accepted", "report-accepted")(e.target.checked)} />
        </InlineForm>
      )}
    </section>
  );
}
