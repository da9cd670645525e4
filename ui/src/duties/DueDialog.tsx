import { useState } from "react";
import { Button } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import { useDialogFocus } from "../lib/useReturnFocus";
import { dateInput, dateWords, formatDate } from "../lib/dates";
import { useDraftForm } from "../lib/useDraftForm";
import { DateField } from "../components/fields";
import { DutyDialog, type DutyDialogProps } from "./DutyDialog";

const ORDER = ["duty-due"] as const;
const IDS = { due: "duty-due" };

/** Moves a duty's due date for this council and year, or restores the built-in one (`null`). */
export function DueDialog({ duty, onSave, onClose }: DutyDialogProps<[due: string | null]>) {
  const { t } = useI18n();
  // The date is selected, to be typed over.
  useDialogFocus("duty-due", true);
  const form = useDraftForm(() => ({ due: formatDate(duty.due) }), ORDER, IDS);
  const { errors } = form;
  // Which of the two writes runs: the submit button's or «restore».
  const [saving, setSaving] = useState<"save" | "restore" | null>(null);

  const save = async (value: string | null, how: "save" | "restore") => {
    setSaving(how);
    const report = await onSave(value);
    setSaving(null);
    if (report) errors.showReport(report);
  };

  const submit = form.onSubmit(() => {
    const r = dateInput(form.draft.due, false, "duty-due", dateWords(t));
    return r.ok ? save(r.input, "save") : errors.showLocal(r.errors);
  });

  return (
    <DutyDialog
      duty={duty}
      title="due.title"
      help={duty.defaultDue ? t("due.isDefault") : t("due.isChanged")}
      onClose={onClose}
      onSubmit={submit}
      form={{ errors, saving: saving === "save" }}
      submit={{ label: t("due.save"), testId: "save-due", disabled: saving !== null }}
      actions={
        !duty.defaultDue ? (
          <Button type="button" variant="secondary" data-testid="restore-due" loading={saving === "restore"} disabled={saving !== null} onClick={() => void save(null, "restore")}>
            {t("due.restore")}
          </Button>
        ) : null
      }
    >
      <DateField {...form.field("due", "duty-due")} label={t("due.label")} description={t("date.help")} />
    </DutyDialog>
  );
}
