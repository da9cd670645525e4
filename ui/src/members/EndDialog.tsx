import { useEffect, useState, type FormEvent } from "react";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Membership } from "../bindings/Membership";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { dateFault, dateWords, formatDate, readDateField, todayIso } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import { useFormErrors } from "../lib/useFormErrors";
import { DateField, TextField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";
import { useConfirmation } from "../components/Confirmation";

const ORDER = ["end-date", "end-reason"] as const;
const IDS: Record<string, string> = { endedOn: "end-date", reason: "end-reason" };

/** Ends a seat early: the dialog itself is the confirmation. */
export function EndDialog({ membership, onSaved, onClose }: { membership: Membership; onSaved: (ended: Membership) => void; onClose: () => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  useReturnFocus();
  const [date, setDate] = useState(formatDate(todayIso()));
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const { clear } = useConfirmation();
  const errors = useFormErrors(ORDER, IDS);

  useEffect(() => {
    document.getElementById("end-date")?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = readDateField(date, false);
    if (!parsed.ok) {
      errors.showLocal({ "end-date": dateFault(parsed, dateWords(t)) });
      return;
    }
    setSaving(true);
    clear();
    try {
      onSaved(await backend.endMembership(membership.id, parsed.iso!, reason.trim()));
    } catch (report) {
      errors.showReport(toErrorReport(report));
      setSaving(false);
    }
  };

  return (
    <FormDialog
      titleId="end-dialog-title"
      title={t("member.endTitle")}
      width="small"
      onClose={onClose}
      onSubmit={submit}
      faults={errors.general}
      submit={{ label: t("member.confirmEnd"), testId: "confirm-end", saving: saving, danger: true }}
    >
      <Paragraph>{t("member.endQuestion", { name: membership.person.name })}</Paragraph>
      <DateField
        id="end-date"
        label={t("member.endDateLabel")}
        description={t("member.endDateHelp")}
        value={date}
        onChange={(v) => {
          setDate(v);
          errors.clearField("end-date");
        }}
        error={errors.fields["end-date"]}
      />
      <TextField
        id="end-reason"
        label={t("member.endReason")}
        value={reason}
        onChange={(v) => {
          setReason(v);
          errors.clearField("end-reason");
        }}
        error={errors.fields["end-reason"]}
      />
    </FormDialog>
  );
}
