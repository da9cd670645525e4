import { useEffect, useState, type FormEvent } from "react";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Duty } from "../bindings/Duty";
import type { ErrorReport } from "../bindings/ErrorReport";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useFormErrors } from "../lib/useFormErrors";
import { TextAreaField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";

const ORDER = ["waive-reason"] as const;
const IDS = { reason: "waive-reason" };

/**
 * Waives a duty for the year. The reason is required; the backend says so
 * (the field message shows next to the field) and nothing is saved.
 */
export function WaiveDialog({
  duty,
  onSave,
  onClose,
}: {
  duty: Duty;
  onSave: (reason: string) => Promise<ErrorReport | null>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  useReturnFocus();
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(ORDER, IDS);
  const kind = duty.name;

  useEffect(() => {
    document.getElementById("waive-reason")?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const report = await onSave(reason);
    setSaving(false);
    if (report) errors.showReport(report);
  };

  return (
    <FormDialog
      titleId="waive-title"
      title={t("waive.title", { kind, year: duty.year })}
      titleSize="xs"
      width="small"
      onClose={onClose}
      onSubmit={submit}
      faults={errors.general}
      submit={{ label: t("waive.save"), testId: "save-waiver", saving }}
    >
      <Paragraph data-size="sm">{t("waive.help")}</Paragraph>
      <TextAreaField
        id="waive-reason"
        rows={3}
        label={t("waive.reason")}
        description={t("waive.reasonHelp")}
        value={reason}
        onChange={(v) => {
          setReason(v);
          errors.clearField("waive-reason");
        }}
        error={errors.fields["waive-reason"]}
      />
    </FormDialog>
  );
}
