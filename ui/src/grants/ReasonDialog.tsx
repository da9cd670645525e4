import { useMemo, useState, type FormEvent } from "react";
import { Paragraph } from "@digdir/designsystemet-react";
import type { ApplicationDetail } from "../bindings/ApplicationDetail";
import type { Review } from "../bindings/Review";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useFormErrors } from "../lib/useFormErrors";
import { TextField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";
import { useApplication } from "./context";

/**
 * A finding about one member and this application that core takes only with
 * a reason: declared inhabil (forvaltningsloven § 6), or a proposed
 * inhabilitet overruled. Core's refusal is shown at the field.
 */
function ReasonDialog({
  name,
  title,
  help,
  reason: labels,
  limit,
  confirm,
  save,
  done,
  onClose,
}: {
  /** The prefix of the dialog's ids: `${name}-title`, `${name}-reason`, `confirm-${name}`. */
  name: string;
  title: string;
  help: string;
  reason: { label: string; description?: string; placeholder: string };
  limit?: string;
  confirm: string;
  save: (reason: string) => Promise<ApplicationDetail>;
  done: string;
  onClose: () => void;
}) {
  useReturnFocus();
  const { act } = useApplication();
  const field = `${name}-reason`;
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const [order, ids] = useMemo(() => [[field], { reason: field }] as const, [field]);
  const errors = useFormErrors(order, ids);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const report = await act(() => save(reason), done);
    setSaving(false);
    if (report) return errors.showReport(report);
    onClose();
  };

  return (
    <FormDialog
      title={title}
      titleSize="xs"
      width="small"
      onClose={onClose}
      onSubmit={submit}
      form={{ errors, saving }}
      submit={{ label: confirm, testId: `confirm-${name}` }}
    >
      <Paragraph data-size="sm">{help}</Paragraph>
      <TextField
        id={field}
        limit={limit}
        label={labels.label}
        description={labels.description}
        placeholder={labels.placeholder}
        value={reason}
        onChange={(v) => {
          setReason(v);
          errors.clearField(field);
        }}
        error={errors.fields[field]}
      />
    </FormDialog>
  );
}

/** Declares a member inhabil on this application, with the reason (forvaltningsloven § 6). */
export function InhabilDialog({ review, onClose }: { review: Review; onClose: () => void }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail } = useApplication();
  return (
    <ReasonDialog
      name="inhabil"
      title={t("inhabil.title", { name: review.personName })}
      help={t("inhabil.help")}
      reason={{ label: t("itemInhabil.reason"), placeholder: t("itemInhabil.reasonPlaceholder") }}
      confirm={t("inhabil.confirm")}
      save={(reason) => backend.declareInhabil(detail.application.id, review.membershipId, reason)}
      done={t("confirm.inhabilDeclared", { name: review.personName, number: detail.application.number })}
      onClose={onClose}
    />
  );
}

/**
 * Overrules the inhabilitet Grendebok proposes for a member who represents
 * the applicant: the committee finds the member not inhabil, and says why.
 * The core refuses it without a reason; the reason goes into the minutes.
 */
export function OverruleDialog({ review, onClose }: { review: Review; onClose: () => void }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail } = useApplication();
  return (
    <ReasonDialog
      name="overrule"
      title={t("overrule.title", { name: review.personName })}
      help={t("overrule.help", { name: review.personName, organisation: review.organisation })}
      reason={{ label: t("overrule.reason"), description: t("overrule.reasonHelp"), placeholder: t("overrule.reasonPlaceholder") }}
      limit="reason"
      confirm={t("overrule.confirm")}
      save={(reason) => backend.overruleInhabil(detail.application.id, review.membershipId, reason)}
      done={t("confirm.inhabilOverruled", { name: review.personName, number: detail.application.number })}
      onClose={onClose}
    />
  );
}
