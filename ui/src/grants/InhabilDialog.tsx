import { useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Review } from "../bindings/Review";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useFormErrors } from "../lib/useFormErrors";
import { TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import { useApplication } from "./context";

const ORDER = ["inhabil-reason"] as const;
const IDS = { reason: "inhabil-reason" };

/** Declares a member inhabil on this application, with the reason (forvaltningsloven § 6). */
export function InhabilDialog({ review, onClose }: { review: Review; onClose: () => void }) {
  const { t } = useI18n();
  useReturnFocus();
  const backend = useBackend();
  const { detail, act } = useApplication();
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(ORDER, IDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const report = await act(
      () => backend.declareInhabil(detail.application.id, review.membershipId, reason),
      t("confirm.inhabilDeclared", { name: review.personName, number: detail.application.number }),
    );
    setSaving(false);
    if (report) return errors.showReport(report);
    onClose();
  };

  return (
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby="inhabil-title" className="form-dialog form-dialog--small">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="inhabil-title">
          {t("inhabil.title", { name: review.personName })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={submit} noValidate className="form">
          <FormError messages={errors.general} />
          <Paragraph data-size="sm">{t("inhabil.help")}</Paragraph>
          <TextField
            id="inhabil-reason"
            limit="reason"
            label={t("recusal.reason")}
            placeholder={t("recusal.reasonPlaceholder")}
            value={reason}
            onChange={(v) => {
              setReason(v);
              errors.clearField("inhabil-reason");
            }}
            error={errors.fields["inhabil-reason"]}
          />
          <div className="button-row">
            <Button type="submit" data-testid="confirm-inhabil" loading={saving}>
              {t("inhabil.confirm")}
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
