import { useState, type FormEvent } from "react";
import { Button, Fieldset, Paragraph } from "@digdir/designsystemet-react";
import type { CouncilInput } from "../bindings/CouncilInput";
import { useI18n } from "../i18n/context";
import { toErrorReport } from "../lib/errors";
import { useFormErrors } from "../lib/useFormErrors";
import { COUNCIL_KINDS, LEGAL_MODES, MALFORMS, kindLabel, legalModeLabel, malformLabel, options } from "../lib/labels";
import { useProfileLabels } from "../lib/profileLabels";
import { SelectField, TextAreaField, TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import {
  councilFieldIds,
  councilFieldOrder,
  seatTotal,
  toInput,
  type CouncilDraft,
} from "./councilFormModel";

/** The council form, for both a new council and an edit. `save` rejects with an ErrorReport. */
export function CouncilForm({
  initial,
  save,
  onCancel,
}: {
  initial: CouncilDraft;
  save: (input: CouncilInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState<CouncilDraft>(initial);
  const [saving, setSaving] = useState(false);
  const { categoryName } = useProfileLabels();
  // One field per category of the draft: the profile's, in its order, then
  // a removed category the plan still gives seats (named as removed).
  const [categories] = useState(() => Object.keys(initial.seats));
  const [fieldOrder] = useState(() => councilFieldOrder(categories));
  const [fieldIds] = useState(() => councilFieldIds(categories));
  const errors = useFormErrors(fieldOrder, fieldIds);
  const err = (id: string) => errors.fields[id];

  const set = <K extends keyof CouncilDraft>(key: K, id: string) => (value: string) => {
    setD((old) => ({ ...old, [key]: value }));
    errors.clearField(id);
  };
  const setSeat = (c: string) => (value: string) => {
    setD((old) => ({ ...old, seats: { ...old.seats, [c]: value } }));
    errors.clearField(`seats-${c}`);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = toInput(d);
    if ("badSeats" in parsed) {
      errors.showLocal(Object.fromEntries(parsed.badSeats.map((id) => [id, t("form.integer")])));
      return;
    }
    setSaving(true);
    try {
      await save(parsed.input);
    } catch (report) {
      errors.showReport(toErrorReport(report));
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      <FormError messages={errors.general} />
      <Fieldset className="form-section">
        <Fieldset.Legend>{t("councilForm.about")}</Fieldset.Legend>
        <TextField id="council-name" label={t("councilForm.name")} value={d.name} onChange={set("name", "council-name")} error={err("council-name")} />
        <div className="grid-2">
          <SelectField
            id="council-kind"
            label={t("councilForm.kind")}
            value={d.kind}
            onChange={set("kind", "council-kind")}
            options={options(COUNCIL_KINDS, (k) => kindLabel(t, k))}
            error={err("council-kind")}
          />
          <TextField
            id="council-area"
            label={t("councilForm.area")}
            description={t("councilForm.areaHelp")}
            value={d.area}
            onChange={set("area", "council-area")}
            error={err("council-area")}
          />
        </div>
        <TextAreaField id="council-mandate" label={t("councilForm.mandate")} value={d.mandate} onChange={set("mandate", "council-mandate")} error={err("council-mandate")} />
        <div className="grid-2">
          <SelectField
            id="council-malform"
            label={t("councilForm.malform")}
            value={d.malform}
            onChange={set("malform", "council-malform")}
            options={options(MALFORMS, (m) => malformLabel(t, m))}
            error={err("council-malform")}
          />
          <SelectField
            id="council-legal-mode"
            label={t("councilForm.legalMode")}
            value={d.legalMode}
            onChange={set("legalMode", "council-legal-mode")}
            options={options(LEGAL_MODES, (m) => legalModeLabel(t, m))}
            error={err("council-legal-mode")}
          />
        </div>
      </Fieldset>

      <Fieldset className="form-section">
        <Fieldset.Legend>{t("councilForm.contact")}</Fieldset.Legend>
        <div className="grid-3">
          <TextField id="council-contact-name" label={t("councilForm.contactName")} value={d.contactName} onChange={set("contactName", "council-contact-name")} error={err("council-contact-name")} />
          <TextField id="council-contact-email" type="email" label={t("councilForm.contactEmail")} value={d.contactEmail} onChange={set("contactEmail", "council-contact-email")} error={err("council-contact-email")} />
          <TextField id="council-contact-phone" type="tel" label={t("councilForm.contactPhone")} value={d.contactPhone} onChange={set("contactPhone", "council-contact-phone")} error={err("council-contact-phone")} />
        </div>
      </Fieldset>

      <Fieldset className="form-section">
        <Fieldset.Legend>{t("councilForm.seatPlan")}</Fieldset.Legend>
        <Fieldset.Description>{t("councilForm.seatPlanHelp")}</Fieldset.Description>
        <div className="seat-grid">
          {categories.map((c) => (
            <TextField
              key={c}
              id={`seats-${c}`}
              type="number"
              min={0}
              inputMode="numeric"
              width="narrow"
              label={categoryName(c)}
              value={d.seats[c] ?? ""}
              onChange={setSeat(c)}
              error={err(`seats-${c}`)}
            />
          ))}
        </div>
        <Paragraph className="seat-total" aria-live="polite">
          <strong>{t("councilForm.total", { total: seatTotal(d.seats) })}</strong>
        </Paragraph>
      </Fieldset>

      <div className="button-row">
        <Button type="submit" data-testid="save-council" loading={saving}>
          {t("councilForm.save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      </div>
    </form>
  );
}
