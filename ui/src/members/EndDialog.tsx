import { Paragraph } from "@digdir/designsystemet-react";
import type { Membership } from "../bindings/Membership";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useDialogFocus } from "../lib/useReturnFocus";
import { dateInput, dateWords, formatDate, todayIso } from "../lib/dates";
import { refusal } from "../lib/errors";
import { useDraftForm } from "../lib/useDraftForm";
import { DateField, TextField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";
import { useConfirmation } from "../components/Confirmation";

const ORDER = ["end-date", "end-reason"] as const;
const IDS: Record<string, string> = { endedOn: "end-date", reason: "end-reason" };

/** Ends a seat early: the dialog itself is the confirmation. */
export function EndDialog({ membership, onSaved, onClose }: { membership: Membership; onSaved: (ended: Membership) => void; onClose: () => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  useDialogFocus("end-date");
  const form = useDraftForm(() => ({ date: formatDate(todayIso()), reason: "" }), ORDER, IDS);
  const { clear } = useConfirmation();

  const submit = form.submit(
    () => dateInput(form.draft.date, false, "end-date", dateWords(t)),
    (endedOn) => {
      clear();
      return refusal(async () => onSaved(await backend.endMembership(membership.id, endedOn!, form.draft.reason.trim())));
    },
  );

  return (
    <FormDialog
      title={t("member.endTitle")}
      width="small"
      onClose={onClose}
      onSubmit={submit}
      form={form}
      submit={{ label: t("member.confirmEnd"), testId: "confirm-end", danger: true }}
    >
      <Paragraph>{t("member.endQuestion", { name: membership.person.name })}</Paragraph>
      <DateField {...form.field("date", "end-date")} label={t("member.endDateLabel")} description={t("member.endDateHelp")} />
      <TextField {...form.field("reason", "end-reason")} label={t("member.endReason")} />
    </FormDialog>
  );
}
