import { useEffect, useState } from "react";
import { Checkbox, Paragraph } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { AgendaItemInput } from "../bindings/AgendaItemInput";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { ExemptionBasis } from "../bindings/ExemptionBasis";
import { useBackend } from "../backend";
import { useMeeting } from "./context";
import { useI18n } from "../i18n/context";
import { useDialogFocus } from "../lib/useReturnFocus";
import { useDraftForm } from "../lib/useDraftForm";
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
  useDialogFocus("item-title");
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
  const form = useDraftForm<ItemDraft>(() => (props.mode === "new" ? newItemDraft() : editItemDraft(props.item)), ITEM_FIELD_ORDER, ITEM_FIELD_IDS);
  const { draft: d, set, field } = form;

  const submit = form.submit(() => toItemInput(d, t("item.titleRequired"), dateWords(t)), props.onSave);

  return (
    <FormDialog
      title={props.mode === "new" ? t("item.newTitle") : t("item.editTitle")}
      size="sm"
      onClose={props.onClose}
      onSubmit={submit}
      form={form}
      submit={{ label: props.mode === "new" ? t("item.create") : t("item.save"), testId: "save-item" }}
    >
      <div className="field-row field-row--item">
        <SelectField {...field("kind", "item-kind")} label={t("item.kind")} options={options(ITEM_KINDS, (k) => itemKindLabel(t, k))} />
        <TextField {...field("title", "item-title")} limit="title" label={t("item.title")} />
      </div>
      {d.kind === "uttalelse" ? (
        <fieldset className="item-statement" data-testid="item-statement">
          <legend className="item-access__legend">{t("item.statement")}</legend>
          <div className="field-row">
            <TextField {...field("caseRef", "item-case-ref")} limit="title" label={t("item.caseRef")} description={t("item.caseRefHelp")} />
            <DateField {...field("deadline", "item-deadline")} label={t("item.deadline")} description={t("date.help")} />
          </div>
          <TextField {...field("recipient", "item-recipient")} limit="title" label={t("item.recipient")} description={t("item.recipientHelp")} />
        </fieldset>
      ) : null}
      <TextAreaField {...field("background", "item-background")} rows={4} label={t("item.background")} />
      <TextAreaField {...field("proposal", "item-proposal")} rows={3} label={t("item.proposal")} description={decides(d.kind) ? undefined : t("item.proposalHelp")} />
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
            <TextField {...field("exemptBasis", "item-exempt-basis")} label={t("item.exemptBasis")} description={t("item.exemptBasisHelp")} />
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
