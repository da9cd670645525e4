import { useMemo } from "react";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Application } from "../bindings/Application";
import type { ApplicationDetail } from "../bindings/ApplicationDetail";
import type { Review } from "../bindings/Review";
import { useBackend, type Backend } from "../backend";
import { useI18n } from "../i18n/context";
import type { T } from "../i18n/translate";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useDraftForm } from "../lib/useDraftForm";
import { TextField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";
import { useApplication } from "./context";

/** What one kind of reason dialog says and does, for one member's review of one application. */
type ReasonKind = {
  /** The prefix of the dialog's ids: `${name}-reason`, `confirm-${name}`. */
  name: string;
  title: string;
  help: string;
  reason: { label: string; description?: string; placeholder: string };
  limit?: string;
  confirm: string;
  save: (backend: Backend, reason: string) => Promise<ApplicationDetail>;
  done: string;
};

type Props = { review: Review; onClose: () => void };

/**
 * A finding about one member and this application that core takes only with
 * a reason: declared inhabil (forvaltningsloven § 6), or a proposed
 * inhabilitet overruled. Core's refusal is shown at the field. `kind` says
 * what the dialog says and saves, given the member's review and the
 * application's id and number.
 */
function reasonDialog(kind: (t: T, review: Review, application: Pick<Application, "id" | "number">) => ReasonKind) {
  return function ReasonDialog({ review, onClose }: Props) {
    const { t } = useI18n();
    const backend = useBackend();
    const { act, detail } = useApplication();
    useReturnFocus();
    const { name, title, help, reason: labels, limit, confirm, save, done } = kind(t, review, detail.application);
    const field = `${name}-reason`;
    const [order, ids] = useMemo(() => [[field], { reason: field }] as const, [field]);
    const form = useDraftForm({ reason: "" }, order, ids);

    const submit = form.onSubmit(async () => {
      if (form.saving) return;
      if (await form.save(() => act(() => save(backend, form.draft.reason), done))) onClose();
    });

    return (
      <FormDialog title={title} titleSize="xs" width="small" onClose={onClose} onSubmit={submit} form={form} submit={{ label: confirm, testId: `confirm-${name}` }}>
        <Paragraph data-size="sm">{help}</Paragraph>
        <TextField {...form.field("reason", field)} limit={limit} label={labels.label} description={labels.description} placeholder={labels.placeholder} />
      </FormDialog>
    );
  };
}

/** Declares a member inhabil on this application, with the reason (forvaltningsloven § 6). */
export const InhabilDialog = reasonDialog((t, review, application) => ({
  name: "inhabil",
  title: t("inhabil.title", { name: review.personName }),
  help: t("inhabil.help"),
  reason: { label: t("itemInhabil.reason"), placeholder: t("itemInhabil.reasonPlaceholder") },
  confirm: t("inhabil.confirm"),
  save: (backend, reason) => backend.declareInhabil(application.id, review.membershipId, reason),
  done: t("confirm.inhabilDeclared", { name: review.personName, number: application.number }),
}));

/**
 * Overrules the inhabilitet Grendebok proposes for a member who represents
 * the applicant: the committee finds the member not inhabil, and says why.
 * The core refuses it without a reason; the reason goes into the minutes.
 */
export const OverruleDialog = reasonDialog((t, review, application) => ({
  name: "overrule",
  title: t("overrule.title", { name: review.personName }),
  help: t("overrule.help", { name: review.personName, organisation: review.organisation }),
  reason: { label: t("overrule.reason"), description: t("overrule.reasonHelp"), placeholder: t("overrule.reasonPlaceholder") },
  limit: "reason",
  confirm: t("overrule.confirm"),
  save: (backend, reason) => backend.overruleInhabil(application.id, review.membershipId, reason),
  done: t("confirm.inhabilOverruled", { name: review.personName, number: application.number }),
}));
