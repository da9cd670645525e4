import { useEffect } from "react";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Duty } from "../bindings/Duty";
import type { ErrorReport } from "../bindings/ErrorReport";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { dateFault, dateWords, readDateField } from "../lib/dates";
import { useDraftForm } from "../lib/useDraftForm";
import { DateField, TextAreaField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";

const ORDER = ["confirm-date", "confirm-note"] as const;
const IDS = { date: "confirm-date", note: "confirm-note" };

/**
 * Confirms by hand a duty the kommune's profile says is confirmed so (evidence
 * `manual`): the day it was done and a note of what was done. Both are
 * required, the day not in the future nor before the year owed; the core
 * says every fault at once, next to its field, and nothing is saved.
 */
export function ConfirmDutyDialog({
  duty,
  onSave,
  onClose,
}: {
  duty: Duty;
  onSave: (date: string | null, note: string) => Promise<ErrorReport | null>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  useReturnFocus();
  const form = useDraftForm({ date: "", note: "" }, ORDER, IDS);

  useEffect(() => {
    document.getElementById("confirm-date")?.focus();
  }, []);

  const submit = form.onSubmit(() => {
    // An empty day goes to the core, which names it with the note; only an unreadable one is told here.
    const parsed = readDateField(form.draft.date, true);
    if (!parsed.ok) return form.errors.showLocal({ "confirm-date": dateFault(parsed, dateWords(t)) });
    return form.save(() => onSave(parsed.iso, form.draft.note));
  });

  return (
    <FormDialog
      title={t("confirmDuty.title", { kind: duty.name, year: duty.year })}
      titleSize="xs"
      width="small"
      onClose={onClose}
      onSubmit={submit}
      form={form}
      submit={{ label: t("confirmDuty.save"), testId: "save-confirmation" }}
    >
      <Paragraph data-size="sm">{t("confirmDuty.help")}</Paragraph>
      <DateField {...form.field("date", "confirm-date")} label={t("confirmDuty.date")} description={t("date.help")} />
      <TextAreaField {...form.field("note", "confirm-note")} rows={3} label={t("confirmDuty.note")} description={t("confirmDuty.noteHelp")} />
    </FormDialog>
  );
}
