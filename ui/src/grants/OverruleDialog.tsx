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

const ORDER = ["overrule-reason"] as const;
const IDS = { reason: "overrule-reason" };

/**
 * Overrules the inhabilitet Grendebok proposes for a member who represents
 * the applicant: the committee finds the member not inhabil, and says why.
 * The core refuses it without a reason; the reason goes into the minutes.
 */
export function OverruleDialog({ review, onClose }: { review: Review; onClose: () => void }) {
  const { t } = useI18n();
  useReturnFocus();
  const backend = useBackend();
  const { detail, act } = useApplication();
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(ORDER, IDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const report = await act(
      () => backend.overruleInhabil(detail.application.id, review.membershipId, reason),
      t("confirm.inhabilOverruled", { name: review.personName, number: detail.application.number }),
    );
    setSaving(false);
    if (report) return errors.showReport(report);
    onClose();
  };

  return (
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby="overrule-title" className="form-dialog form-dialog--small">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="overrule-title">
          {t("overrule.title", { name: review.personName })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={submit} noValidate className="form">
          <FormError messages={errors.general} />
          <Paragraph data-size="sm">{t("overrule.help", { name: review.personName, organisation: review.organisation })}</Paragraph>
          <TextField
            id="overrule-reason"
            limit="reason"
            label={t("overrule.reason")}
            description={t("overrule.reasonHelp")}
            placeholder={t("overrule.reasonPlaceholder")}
            value={reason}
            onChange={(v) => {
              setReason(v);
              errors.clearField("overrule-reason");
            }}
            error={errors.fields["overrule-reason"]}
          />
          <div className="button-row">
            <Button type="submit" data-testid="confirm-overrule" loading={saving}>
              {t("overrule.confirm")}
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
