import { useEffect, useState, type FormEvent } from "react";
import { Checkbox, Paragraph } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { AgendaItemInput } from "../bindings/AgendaItemInput";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { ExemptionBasis } from "../bindings/ExemptionBasis";
import { useBackend } from "../backend";
import { useMeeting } from "./context";
import type { ItemKind } from "../bindings/ItemKind";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useFormErrors } from "../lib/useFormErrors";
import { ITEM_KINDS, decides, itemKindLabel, options } from "../lib/labels";
import { DateField, SelectField, TextAreaField, TextField } from "../components/fields";
import { dateWords } from "../lib/dates";
import { FormDialog } from "../components/FormDialog";
import { ITEM_FIELD_IDS, ITEM_FIELD_ORDER, editItemDraft, newItemDraft, toItemInput, type ItemDraft } from "./meetingModel";

type Props = {
  onSave: (input: AgendaItemInput) => Promise<ErrorReport | null>;
  onClose: () => void;
} & ({ mode: "new" } | { mode: "edit"; item: AgendaItem });

/** Put an item on the agenda, or change its kind, title, background and
 * proposal, and whether it is exempt from public access and on what basis;
 * for a statement to the kommune, its case number, deadline and recipient. */
export function ItemDialog(props: Props) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail } = useMeeting();
  const [bases, setBases] = useState<ExemptionBasis[]>([]);
  useReturnFocus();
  useEffect(() => {
    let live = true;
    backend.exemptionBases(detail.council.id).then(
      (found) => live && setBases(found),
      () => live && setBases([]),
    );
    return () => {
      live = false;
    };
  }, [backend, detail.council.id]);
  const [d, setD] = useState<ItemDraft>(() => (props.mode === "new" ? newItemDraft() : editItemDraft(props.item)));
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(ITEM_FIELD_ORDER, ITEM_FIELD_IDS);
  const err = (id: string) => errors.fields[id];

  useEffect(() => {
    document.getElementById("item-title")?.focus();
  }, []);

  const set = <K extends keyof ItemDraft>(key: K, id: string) => (value: ItemDraft[K]) => {
    setD((old) => ({ ...old, [key]: value }));
    errors.clearField(id);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = toItemInput(d, t("item.titleRequired"), dateWords(t));
    if (!r.ok) return errors.showLocal(r.errors);
    setSaving(true);
    const report = await props.onSave(r.input);
    setSaving(false);
    if (report) errors.showReport(report);
  };

  return (
    <FormDialog
      titleId="item-dialog-title"
      title={props.mode === "new" ? t("item.newTitle") : t("item.editTitle")}
      size="sm"
      onClose={props.onClose}
      onSubmit={submit}
      faults={errors.general}
      submit={{ label: props.mode === "new" ? t("item.create") : t("item.save"), testId: "save-item", saving }}
    >
      <div className="field-row field-row--item">
        <SelectField
          id="item-kind"
          label={t("item.kind")}
          value={d.kind}
          onChange={(v) => set("kind", "item-kind")(v as ItemKind)}
          options={options(ITEM_KINDS, (k) => itemKindLabel(t, k))}
          error={err("item-kind")}
        />
        <TextField id="item-title" limit="title" label={t("item.title")} value={d.title} onChange={set("title", "item-title")} error={err("item-title")} />
      </div>
      {d.kind === "uttalelse" ? (
        <fieldset className="item-statement" data-testid="item-statement">
          <legend className="item-access__legend">{t("item.statement")}</legend>
          <div className="field-row">
            <TextField id="item-case-ref" limit="title" label={t("item.caseRef")} description={t("item.caseRefHelp")} value={d.caseRef} onChange={set("caseRef", "item-case-ref")} error={err("item-case-ref")} />
            <DateField id="item-deadline" label={t("item.deadline")} description={t("date.help")} value={d.deadline} onChange={set("deadline", "item-deadline")} error={err("item-deadline")} />
          </div>
          <TextField id="item-recipient" limit="title" label={t("item.recipient")} description={t("item.recipientHelp")} value={d.recipient} onChange={set("recipient", "item-recipient")} error={err("item-recipient")} />
        </fieldset>
      ) : null}
      <TextAreaField id="item-background" rows={4} label={t("item.background")} value={d.background} onChange={set("background", "item-background")} error={err("item-background")} />
      <TextAreaField
        id="item-proposal"
        rows={3}
        label={t("item.proposal")}
        description={decides(d.kind) ? undefined : t("item.proposalHelp")}
        value={d.proposal}
        onChange={set("proposal", "item-proposal")}
        error={err("item-proposal")}
      />
      <fieldset className="item-access" data-testid="item-access">
        <legend className="item-access__legend">{t("item.access")}</legend>
        {props.mode === "edit" && props.item.closed && !d.exempt ? (
          <Paragraph data-size="sm" className="muted">
            {t("item.closedExempt")}
          </Paragraph>
        ) : null}
        <Checkbox
          id="item-exempt"
          label={t("item.exempt")}
          description={t("item.exemptHelp")}
          checked={d.exempt}
          onChange={(e) => set("exempt", "item-exempt-basis")(e.target.checked)}
        />
        {d.exempt ? (
          <>
            <SelectField
              id="item-exempt-pick"
              label={t("item.exemptPick")}
              value={bases.find((b) => b.text === d.exemptBasis)?.key ?? ""}
              onChange={(key) => {
                const picked = bases.find((b) => b.key === key);
                if (picked) set("exemptBasis", "item-exempt-basis")(picked.text);
              }}
              options={[{ value: "", label: t("item.exemptPickNone") }, ...bases.map((b) => ({ value: b.key, label: `${b.hint} (${b.text})` }))]}
            />
            <TextField
              id="item-exempt-basis"
              label={t("item.exemptBasis")}
              description={t("item.exemptBasisHelp")}
              value={d.exemptBasis}
              onChange={set("exemptBasis", "item-exempt-basis")}
              error={err("item-exempt-basis")}
            />
            <Checkbox
              id="item-title-withheld"
              label={t("item.titleWithheld")}
              checked={d.titleWithheld}
              onChange={(e) => set("titleWithheld", "item-title-withheld")(e.target.checked)}
            />
          </>
        ) : null}
      </fieldset>
    </FormDialog>
  );
}
