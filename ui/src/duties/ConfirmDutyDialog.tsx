import { useI18n } from "../i18n/context";
import { useDialogFocus } from "../lib/useReturnFocus";
import { dateInput, dateWords } from "../lib/dates";
import { useDraftForm } from "../lib/useDraftForm";
import { DateField, TextAreaField } from "../components/fields";
import { DutyDialog, type DutyDialogProps } from "./DutyDialog";

const ORDER = ["confirm-date", "confirm-note"] as const;
const IDS = { date: "confirm-date", note: "confirm-note" };

/**
 * Confirms by hand a duty the kommune's profile says is confirmed so (evidence
 * `manual`): the day it was done and a note of what was done. Both are
 * required, the day not in the future nor before the year owed; the core
 * says every fault at once, next to its field, and nothing is saved.
 */
export function ConfirmDutyDialog({ duty, onSave, onClose }: DutyDialogProps<[date: string | null, note: string]>) {
  const { t } = useI18n();
  useDialogFocus("confirm-date");
  const form = useDraftForm({ date: "", note: "" }, ORDER, IDS);

  // An empty day goes to the core, which names it with the note; only an unreadable one is told here.
  const submit = form.submit(
    () => dateInput(form.draft.date, true, "confirm-date", dateWords(t)),
    (date) => onSave(date, form.draft.note),
  );

  return (
    <DutyDialog
      duty={duty}
      title="confirmDuty.title"
      help={t("confirmDuty.help")}
      onClose={onClose}
      onSubmit={submit}
      form={form}
      submit={{ label: t("confirmDuty.save"), testId: "save-confirmation" }}
    >
      <DateField {...form.field("date", "confirm-date")} label={t("confirmDuty.date")} description={t("date.help")} />
      <TextAreaField {...form.field("note", "confirm-note")} rows={3} label={t("confirmDuty.note")} description={t("confirmDuty.noteHelp")} />
    </DutyDialog>
  );
}
