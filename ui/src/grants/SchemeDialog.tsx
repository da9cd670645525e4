import { Button, Checkbox, Fieldset, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { GrantScheme } from "../bindings/GrantScheme";
import type { SchemeInput } from "../bindings/SchemeInput";
import { useI18n } from "../i18n/context";
import { dateWords } from "../lib/dates";
import { useDialogFocus } from "../lib/useReturnFocus";
import { useDraftForm } from "../lib/useDraftForm";
import { errorId, DateField, TextAreaField, TextField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";
import {
  editSchemeDraft,
  newCriterion,
  newSchemeDraft,
  schemeFieldIds,
  schemeFieldOrder,
  toSchemeInput,
  type SchemeDraft,
} from "./grantModel";

type Props = {
  onSave: (input: SchemeInput) => Promise<ErrorReport | null>;
  onClose: () => void;
} & ({ mode: "new"; councilId: string; year: number } | { mode: "edit"; scheme: GrantScheme; criteriaLocked: boolean });

/** Create a grant scheme, or change one: budget, deadlines, criteria with weights, the legal frame. */
export function SchemeDialog(props: Props) {
  const { t } = useI18n();
  useDialogFocus("scheme-name");
  const form = useDraftForm<SchemeDraft>(() => (props.mode === "new" ? newSchemeDraft(props.year) : editSchemeDraft(props.scheme)), schemeFieldOrder, schemeFieldIds);
  const { draft: d, setDraft: setD, set, field, err, errors } = form;
  const councilId = props.mode === "new" ? props.councilId : props.scheme.councilId;
  const locked = props.mode === "edit" && props.criteriaLocked;

  const setCriterion = (i: number, key: "name" | "weight", id: string) => (value: string) => {
    setD((old) => ({ ...old, criteria: old.criteria.map((c, j) => (j === i ? { ...c, [key]: value } : c)) }));
    errors.clearField(id);
  };
  const addCriterion = () => {
    setD((old) => ({ ...old, criteria: [...old.criteria, newCriterion()] }));
    errors.clearField("scheme-criteria");
    const next = d.criteria.length;
    setTimeout(() => document.getElementById(`criterion-name-${next}`)?.focus(), 0);
  };
  const removeCriterion = (i: number) => {
    setD((old) => ({ ...old, criteria: old.criteria.filter((_, j) => j !== i) }));
    errors.clear();
  };

  const submit = form.submit(() => toSchemeInput(d, councilId, { ...dateWords(t), integer: t("form.integer") }), props.onSave);

  return (
    <FormDialog
      title={props.mode === "new" ? t("schemeForm.newTitle") : t("schemeForm.editTitle")}
      width="member"
      onClose={props.onClose}
      onSubmit={submit}
      form={form}
      submit={{ label: props.mode === "new" ? t("schemeForm.create") : t("schemeForm.save"), testId: "save-scheme" }}
    >
      <div className="field-row field-row--scheme-name">
        <TextField {...field("name", "scheme-name")} limit="name" label={t("schemeForm.name")} />
        <TextField {...field("year", "scheme-year")} label={t("schemeForm.year")} inputMode="numeric" width="narrow" />
      </div>
      <div className="field-row field-row--2">
        <TextField {...field("budget", "scheme-budget")} label={t("schemeForm.budget")} description={t("amount.help")} inputMode="decimal" />
        <TextField {...field("maxPerApplication", "scheme-max")} label={t("schemeForm.max")} description={t("schemeForm.maxHelp")} inputMode="decimal" />
      </div>
      <div className="field-row field-row--2">
        <DateField {...field("deadline", "scheme-deadline")} label={t("schemeForm.deadline")} description={t("date.help")} />
        <DateField {...field("reportDeadline", "scheme-report-deadline")} label={t("schemeForm.reportDeadline")} description={t("date.help")} />
      </div>
      <Fieldset data-size="sm" id="scheme-criteria" tabIndex={-1} aria-describedby={err("scheme-criteria") ? errorId("scheme-criteria") : undefined}>
        <Fieldset.Legend>{t("schemeForm.criteria")}</Fieldset.Legend>
        <Fieldset.Description>{locked ? t("schemeForm.criteriaLocked") : t("schemeForm.criteriaHelp")}</Fieldset.Description>
        <ol className="criteria-list">
          {d.criteria.map((c, i) => (
            <li key={c.key} className="criteria-row" data-testid="criterion-row">
              <TextField id={`criterion-name-${i}`} label={t("schemeForm.criterionName", { n: i + 1 })} value={c.name} onChange={setCriterion(i, "name", `criterion-name-${i}`)} readOnly={locked} error={err(`criterion-name-${i}`)} />
              <TextField id={`criterion-weight-${i}`} label={t("schemeForm.weight")} value={c.weight} onChange={setCriterion(i, "weight", `criterion-weight-${i}`)} inputMode="numeric" width="narrow" readOnly={locked} error={err(`criterion-weight-${i}`)} />
              {!locked ? (
                <Button type="button" variant="tertiary" data-size="sm" data-color="danger" data-testid="remove-criterion" className="criteria-row__remove" aria-label={t("schemeForm.removeCriterionLabel", { n: i + 1 })} onClick={() => removeCriterion(i)}>
                  {t("schemeForm.removeCriterion")}
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
        {err("scheme-criteria") ? <ValidationMessage id={errorId("scheme-criteria")}>{err("scheme-criteria")}</ValidationMessage> : null}
        {!locked ? (
          <Button type="button" variant="secondary" data-size="sm" data-testid="add-criterion" onClick={addCriterion}>
            + {t("schemeForm.addCriterion")}
          </Button>
        ) : null}
      </Fieldset>
      <Checkbox
        id="scheme-enkeltvedtak"
        data-testid="scheme-enkeltvedtak"
        label={t("schemeForm.enkeltvedtak")}
        description={t("schemeForm.enkeltvedtakHelp")}
        checked={d.enkeltvedtak}
        onChange={(e) => set("enkeltvedtak", "scheme-enkeltvedtak")(e.target.checked)}
      />
      {/* An enkeltvedtak's letter names who decides an appeal and where to send it. */}
      {d.enkeltvedtak || d.appealBody || d.appealAddress ? (
        <>
          <TextField {...field("appealBody", "scheme-appeal-body")} label={t("schemeForm.appealBody")} description={t("schemeForm.appealBodyHelp")} />
          <TextField {...field("appealAddress", "scheme-appeal-address")} label={t("schemeForm.appealAddress")} description={t("schemeForm.appealAddressHelp")} />
        </>
      ) : null}
      <TextAreaField {...field("conditions", "scheme-conditions")} rows={3} label={t("schemeForm.conditions")} description={t("schemeForm.conditionsHelp")} />
      {locked ? null : <Paragraph data-size="xs" className="muted">{t("schemeForm.criteriaLockNote")}</Paragraph>}
    </FormDialog>
  );
}
