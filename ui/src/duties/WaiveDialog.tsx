import { useEffect } from "react";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Duty } from "../bindings/Duty";
import type { ErrorReport } from "../bindings/ErrorReport";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useDraftForm } from "../lib/useDraftForm";
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
  const form = useDraftForm({ reason: "" }, ORDER, IDS);
  const kind = duty.name;

  useEffect(() => {
    document.getElementById("waive-reason")?.focus();
  }, []);

  const submit = form.onSubmit(() => form.save(() => onSave(form.draft.reason)));

  return (
    <FormDialog
      title={t("waive.title", { kind, year: duty.year })}
      titleSize="xs"
      width="small"
      onClose={onClose}
      onSubmit={submit}
      form={form}
      submit={{ label: t("waive.save"), testId: "save-waiver" }}
    >
      <Paragraph data-size="sm">{t("waive.help")}</Paragraph>
      <TextAreaField {...form.field("reason", "waive-reason")} rows={3} label={t("waive.reason")} description={t("waive.reasonHelp")} />
    </FormDialog>
  );
}
