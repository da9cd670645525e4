import { useI18n } from "../i18n/context";
import { useDialogFocus } from "../lib/useReturnFocus";
import { useDraftForm } from "../lib/useDraftForm";
import { TextAreaField } from "../components/fields";
import { DutyDialog, type DutyDialogProps } from "./DutyDialog";

const ORDER = ["waive-reason"] as const;
const IDS = { reason: "waive-reason" };

/**
 * Waives a duty for the year. The reason is required; the backend says so
 * (the field message shows next to the field) and nothing is saved.
 */
export function WaiveDialog({ duty, onSave, onClose }: DutyDialogProps<[reason: string]>) {
  const { t } = useI18n();
  useDialogFocus("waive-reason");
  const form = useDraftForm({ reason: "" }, ORDER, IDS);

  const submit = form.onSubmit(() => form.save(() => onSave(form.draft.reason)));

  return (
    <DutyDialog duty={duty} title="waive.title" help={t("waive.help")} onClose={onClose} onSubmit={submit} form={form} submit={{ label: t("waive.save"), testId: "save-waiver" }}>
      <TextAreaField {...form.field("reason", "waive-reason")} rows={3} label={t("waive.reason")} description={t("waive.reasonHelp")} />
    </DutyDialog>
  );
}
