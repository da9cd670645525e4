import { useState, type FormEvent } from "react";
import { Alert, Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { formatDateTime } from "../lib/times";
import { useFormErrors } from "../lib/useFormErrors";
import { SelectField, TextAreaField, TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import { added } from "../lib/added";
import { useApplication } from "./context";
import { amountForInput, formatKr } from "./format";
import { caseLabel, candidateLabel } from "../lib/labels";
import { useReadOnlyCouncil } from "../council/KeptElsewhere";

const DECISION_ORDER = ["decision-granted", "decision-reasons", "decision-item"] as const;
const DECISION_IDS = { granted: "decision-granted", reasons: "decision-reasons", itemId: "decision-item" };

/** The decision: its form until the letter is sent, then what was decided and the letter's steps. */
export function DecisionSection({
  onExportLetter,
  onLetterMail,
  exporting,
}: {
  onExportLetter: () => void;
  /** The letter as an e-mail draft to the applicant (shown when there is an address). */
  onLetterMail: () => void;
  exporting: boolean;
}) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, actOrAlert } = useApplication();
  const readOnly = useReadOnlyCouncil();
  const a = detail.application;
  const d = a.decision;
  const number = d?.caseNumber ? caseLabel(t, d.caseNumber) : t("agenda.noNumberShort");
  if (a.withdrawn) return null;
  if (readOnly && !d) return null;
  return (
    <section aria-labelledby="decision-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="decision-title">
        {t("decision.title")}
      </Heading>
      {d ? (
        <div className="decision-summary" data-testid="decision-summary" data-granted-ore={d.grantedOre}>
          <Paragraph>
            <strong>{d.grantedOre > 0 ? t("decision.granted", { amount: formatKr(d.grantedOre) }) : t("decision.refused")}</strong>{" "}
            {t("decision.in", {
              item: d.itemTitle ? `${number} «${d.itemTitle}»` : number,
              date: formatDate(d.meetingDate),
            })}
          </Paragraph>
          {d.reasons ? (
            <Paragraph data-size="sm" className="pre-line break">
              {d.reasons}
            </Paragraph>
          ) : null}
          <div className="button-row">
            {readOnly ? null : (
              <Button variant="secondary" data-size="sm" data-testid="export-letter" loading={exporting} onClick={onExportLetter}>
                {d.grantedOre > 0 ? t("letter.exportGrant") : t("letter.exportRefusal")}
              </Button>
            )}
            {readOnly || !a.email ? null : (
              <Button variant="tertiary" data-size="sm" data-testid="letter-mail" disabled={exporting} onClick={onLetterMail}>
                {t("application.letterMail")}
              </Button>
            )}
            {a.letterSent ? (
              <Paragraph data-size="sm" data-testid="letter-sent">
                {t("letter.sentAt", { when: formatDateTime(a.letterSent.at, t("time.at")), by: a.letterSent.by })}
              </Paragraph>
            ) : readOnly ? null : (
              <Button
                variant="secondary"
                data-size="sm"
                data-testid="mark-letter-sent"
                onClick={() => void actOrAlert(() => backend.markLetterSent(a.id), t("confirm.letterSent", { organisation: a.organisation }))}
              >
                {t("letter.markSent")}
              </Button>
            )}
          </div>
          {!a.letterSent && !readOnly ? (
            <Paragraph data-size="xs" className="muted">
              {t("letter.sentHelp")}
            </Paragraph>
          ) : null}
        </div>
      ) : null}
      {readOnly ? null : !a.letterSent ? <DecisionForm /> : <AmendForm />}
    </section>
  );
}

function DecisionForm() {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useApplication();
  const a = detail.application;
  const items = detail.decisionItems;
  const [granted, setGranted] = useState(() => amountForInput(a.decision?.grantedOre ?? a.proposedOre));
  const [reasons, setReasons] = useState(a.decision?.reasons ?? "");
  const [itemId, setItemId] = useState(a.decision?.itemId ?? (items.length === 1 ? items[0]!.itemId : ""));
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(DECISION_ORDER, DECISION_IDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!itemId) return errors.showLocal({ "decision-item": t("decision.chooseItemError") });
    setSaving(true);
    const report = await act(
      () => backend.decideApplication(a.id, { granted, reasons, itemId }),
      (d) => {
        const { organisation, decision } = d.application;
        return decision && decision.grantedOre > 0
          ? t("confirm.decisionGranted", { organisation, amount: formatKr(decision.grantedOre) })
          : t("confirm.decisionRefused", { organisation });
      },
    );
    setSaving(false);
    if (report) return errors.showReport(report);
    errors.clear();
  };

  return (
    <form onSubmit={submit} noValidate className="form decision-form">
      {a.decision ? (
        <Heading level={3} data-size="2xs">
          {t("decision.change")}
        </Heading>
      ) : null}
      <FormError messages={errors.general} />
      {!a.decision && detail.missingScores.length > 0 ? (
        <Alert data-color="warning" data-testid="missing-scores" className="page-alert">
          <Paragraph data-size="sm">
            {t("decision.missingScores", {
              count: detail.missingScores.length,
              total: detail.reviews.filter((r) => !r.inhabil).length,
              names: detail.missingScores.join(", "),
            })}
          </Paragraph>
        </Alert>
      ) : null}
      <TextField
          id="decision-granted"
          label={t("decision.amount")}
          description={t("decision.amountHelp", { asked: formatKr(a.amountAskedOre), available: formatKr(detail.availableOre) })}
          value={granted}
          inputMode="decimal"
          onChange={(v) => {
            setGranted(v);
            errors.clearField("decision-granted");
          }}
          error={errors.fields["decision-granted"]}
        />
      <SelectField
          id="decision-item"
          label={t("decision.item")}
          description={items.length ? t("decision.itemHelp") : t("decision.noItems")}
          value={itemId}
          onChange={(v) => {
            setItemId(v);
            errors.clearField("decision-item");
          }}
          options={[{ value: "", label: t("decision.chooseItem") }, ...items.map((c) => ({ value: c.itemId, label: candidateLabel(t, c) }))]}
          error={errors.fields["decision-item"]}
        />
      <ChosenItem itemId={itemId} />
      <TextAreaField
        id="decision-reasons"
        rows={3}
        label={t("decision.reasons")}
        description={detail.scheme.enkeltvedtak ? t("decision.reasonsHelpEnkeltvedtak") : t("decision.reasonsHelp")}
        value={reasons}
        onChange={(v) => {
          setReasons(v);
          errors.clearField("decision-reasons");
        }}
        error={errors.fields["decision-reasons"]}
      />
      <div className="button-row">
        <Button type="submit" data-testid="decide" loading={saving}>
          {a.decision ? t("decision.saveChange") : t("decision.save")}
        </Button>
      </div>
    </form>
  );
}

/**
 * The chosen item's case number, title and meeting in full, wrapped: a
 * closed select shows only as much of a long title as its width allows.
 */
function ChosenItem({ itemId }: { itemId: string }) {
  const { t } = useI18n();
  const { detail } = useApplication();
  const chosen = detail.decisionItems.find((c) => c.itemId === itemId);
  if (!chosen) return null;
  return (
    <Paragraph data-size="sm" className="break muted" data-testid="decision-item-chosen">
      {t("decision.itemChosen", { item: candidateLabel(t, chosen) })}
    </Paragraph>
  );
}

const AMEND_ORDER = ["amend-granted", "amend-reason", "amend-item"] as const;
const AMEND_IDS = { granted: "amend-granted", reason: "amend-reason", itemId: "amend-item" };

/**
 * After the letter: the grant changes only by a recorded amendment; for an
 * enkeltvedtak, by a new decision in a meeting, chosen here.
 */
function AmendForm() {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useApplication();
  const a = detail.application;
  const [granted, setGranted] = useState("");
  const [reason, setReason] = useState("");
  const items = detail.decisionItems;
  const needsDecision = detail.scheme.enkeltvedtak;
  const [itemId, setItemId] = useState(needsDecision && items.length === 1 ? items[0]!.itemId : "");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(AMEND_ORDER, AMEND_IDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const report = await act(
      () => backend.amendGrant(a.id, { granted, reason, itemId: needsDecision ? itemId : "" }),
      (d) => {
        const change = added(d.application.amendments, a.amendments);
        return change
          ? t("confirm.grantAmended", { organisation: a.organisation, from: formatKr(change.oldOre), to: formatKr(change.newOre) })
          : t("confirm.changesSaved", { name: a.organisation });
      },
    );
    setSaving(false);
    if (report) return errors.showReport(report);
    errors.clear();
    setGranted("");
    setReason("");
  };

  return (
    <div className="amendments">
      <Heading level={3} data-size="2xs">
        {t("amend.title")}
      </Heading>
      {a.amendments.length ? (
        <Table border data-color="neutral" data-size="sm" className="amend-table">
          <caption className="visually-hidden">{t("amend.title")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("amend.when")}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t("amend.from")}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t("amend.to")}</Table.HeaderCell>
              <Table.HeaderCell>{t("amend.reason")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.amendments.map((x) => (
              <Table.Row key={x.id} data-testid="amendment-row">
                <Table.Cell className="nowrap">{formatDateTime(x.recorded.at, t("time.at"))}</Table.Cell>
                <Table.Cell className="num nowrap">{formatKr(x.oldOre)}</Table.Cell>
                <Table.Cell className="num nowrap">{formatKr(x.newOre)}</Table.Cell>
                <Table.Cell className="break">
                  {x.caseNumber && x.meetingDate ? `${caseLabel(t, x.caseNumber)} (${formatDate(x.meetingDate)}): ` : null}
                  {x.reason}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Paragraph data-size="sm" className="muted">
          {t("amend.help")}
        </Paragraph>
      )}
      <form onSubmit={submit} noValidate className="inline-form">
        <FormError messages={errors.general} />
        <div className={`inline-form__row inline-form__row--amend${needsDecision ? " inline-form__row--amend-decision" : ""}`}>
          <TextField
            id="amend-granted"
            label={t("amend.newAmount")}
            value={granted}
            inputMode="decimal"
            onChange={(v) => {
              setGranted(v);
              errors.clearField("amend-granted");
            }}
            error={errors.fields["amend-granted"]}
          />
          <TextField
            id="amend-reason"
            label={t("amend.reason")}
            value={reason}
            onChange={(v) => {
              setReason(v);
              errors.clearField("amend-reason");
            }}
            error={errors.fields["amend-reason"]}
          />
          {needsDecision ? (
            <SelectField
              id="amend-item"
              label={t("amend.item")}
              description={items.length ? t("amend.itemHelp") : t("decision.noItems")}
              value={itemId}
              onChange={(v) => {
                setItemId(v);
                errors.clearField("amend-item");
              }}
              options={[{ value: "", label: t("decision.chooseItem") }, ...items.map((c) => ({ value: c.itemId, label: candidateLabel(t, c) }))]}
              error={errors.fields["amend-item"]}
            />
          ) : null}
          <Button type="submit" variant="secondary" data-size="sm" data-testid="amend-grant" loading={saving} className="inline-form__button">
            {t("amend.save")}
          </Button>
        </div>
      </form>
    </div>
  );
}
