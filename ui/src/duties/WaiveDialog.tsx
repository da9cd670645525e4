import { useEffect, useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Duty } from "../bindings/Duty";
import type { ErrorReport } from "../bindings/ErrorReport";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useFormErrors } from "../lib/useFormErrors";
import { TextAreaField } from "../components/fields";
import { FormError } from "../components/FormError";

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
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby="waive-title" className="form-dialog form-dialog--small">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="waive-title">
          {t("waive.title", { kind, year: duty.year })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={submit} noValidate className="form">
          <FormError messages={errors.general} />
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
          <div className="button-row">
            <Button type="submit" data-testid="save-waiver" loading={saving}>
              {t("waive.save")}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t("form.cancel")}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
