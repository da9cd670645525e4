import { useState, type FormEvent } from "react";
import { Button, Checkbox, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { dateFault, dateWords, formatDate, readDateField, todayIso } from "../lib/dates";
import { useFormErrors } from "../lib/useFormErrors";
import { DateField, TextAreaField, TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import { added } from "../lib/added";
import { useApplication } from "./context";
import { formatKr } from "./format";
import { useReadOnlyCouncil } from "../council/KeptElsewhere";

const PAYOUT_ORDER = ["payout-date", "payout-amount"] as const;
const PAYOUT_IDS = { date: "payout-date", amount: "payout-amount" };

/** Payouts of a grant: never more than granted. */
export function PayoutSection() {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useApplication();
  const readOnly = useReadOnlyCouncil();
  const a = detail.application;
  const granted = a.decision?.grantedOre ?? 0;
  const [date, setDate] = useState(() => formatDate(todayIso()));
  const [amount, setAmount] = useState("");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(PAYOUT_ORDER, PAYOUT_IDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = readDateField(date, false);
    if (!d.ok) return errors.showLocal({ "payout-date": dateFault(d, dateWords(t)) });
    setSaving(true);
    const report = await act(
      () => backend.addPayout(a.id, { date: d.iso!, amount }),
      (fresh) => {
        const payout = added(fresh.application.payouts, a.payouts);
        return t("confirm.payoutAdded", { amount: payout ? formatKr(payout.amountOre) : amount.trim() });
      },
    );
    setSaving(false);
    if (report) return errors.showReport(report);
    errors.clear();
    setAmount("");
  };

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
        <form onSubmit={submit} noValidate className="inline-form">
          <FormError messages={errors.general} />
          <div className="inline-form__row inline-form__row--payout">
            <DateField
              id="payout-date"
              label={t("payouts.date")}
              value={date}
              onChange={(v) => {
                setDate(v);
                errors.clearField("payout-date");
              }}
              error={errors.fields["payout-date"]}
            />
            <TextField
              id="payout-amount"
              label={t("payouts.amount")}
              value={amount}
              inputMode="decimal"
              onChange={(v) => {
                setAmount(v);
                errors.clearField("payout-amount");
              }}
              error={errors.fields["payout-amount"]}
            />
            <Button type="submit" variant="secondary" data-size="sm" data-testid="add-payout" loading={saving} className="inline-form__button">
              {t("payouts.add")}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

const REPORT_ORDER = ["report-received", "report-summary"] as const;
const REPORT_IDS = { received: "report-received", summary: "report-summary" };

/** The applicant's final report (sluttrapport). */
export function ReportSection() {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useApplication();
  const readOnly = useReadOnlyCouncil();
  const a = detail.application;
  const [received, setReceived] = useState(() => formatDate(a.report?.received ?? todayIso()));
  const [summary, setSummary] = useState(a.report?.summary ?? "");
  const [accepted, setAccepted] = useState(a.report?.accepted ?? true);
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(REPORT_ORDER, REPORT_IDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = readDateField(received, false);
    if (!d.ok) return errors.showLocal({ "report-received": dateFault(d, dateWords(t)) });
    setSaving(true);
    const report = await act(
      () => backend.recordReport(a.id, { received: d.iso!, summary, accepted }),
      t(a.report ? "confirm.reportSaved" : "confirm.reportRecorded", { organisation: a.organisation }),
    );
    setSaving(false);
    if (report) return errors.showReport(report);
    errors.clear();
  };

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
      <form onSubmit={submit} noValidate className="form">
        <FormError messages={errors.general} />
        <DateField
          id="report-received"
          label={t("report.received")}
          value={received}
          onChange={(v) => {
            setReceived(v);
            errors.clearField("report-received");
          }}
          error={errors.fields["report-received"]}
        />
        <TextAreaField
          id="report-summary"
          rows={3}
          label={t("report.summary")}
          value={summary}
          onChange={(v) => {
            setSummary(v);
            errors.clearField("report-summary");
          }}
          error={errors.fields["report-summary"]}
        />
        <Checkbox id="report-accepted" label={t("report.acceptedLabel")} checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
        <div className="button-row">
          <Button type="submit" variant="secondary" data-testid="save-report" loading={saving}>
            {a.report ? t("report.update") : t("report.save")}
          </Button>
        </div>
      </form>
      )}
    </section>
  );
}
