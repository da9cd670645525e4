import type { Application } from "../bindings/Application";
import type { ApplicationInput } from "../bindings/ApplicationInput";
import type { ErrorReport } from "../bindings/ErrorReport";
import { useI18n } from "../i18n/context";
import { useBackend } from "../backend";
import { refusal } from "../lib/errors";
import { useDialogFocus } from "../lib/useReturnFocus";
import { dateWords, todayIso } from "../lib/dates";
import { useDraftForm } from "../lib/useDraftForm";
import { DateField, TextAreaField, TextField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";
import {
  APPLICATION_FIELD_IDS as IDS,
  APPLICATION_FIELD_ORDER,
  editApplicationDraft,
  newApplicationDraft,
  toApplicationInput,
  type ApplicationDraft,
} from "./grantModel";

type Props = {
  schemeId: string;
  onSave: (input: ApplicationInput) => Promise<ErrorReport | null>;
  onClose: () => void;
  application?: Application;
};

/** The intake of an application as it came in, or its correction before it is decided. */
export function ApplicationDialog({ schemeId, onSave, onClose, application }: Props) {
  const { t } = useI18n();
  const backend = useBackend();
  useDialogFocus(IDS.organisation);
  const form = useDraftForm<ApplicationDraft>(() => (application ? editApplicationDraft(application) : newApplicationDraft(todayIso())), APPLICATION_FIELD_ORDER, IDS);

  const field = (key: keyof ApplicationDraft) => form.field(key, IDS[key]);

  const submit = form.onSubmit(async () => {
    const r = toApplicationInput(form.draft, schemeId, { ...dateWords(t), integer: t("form.integer") });
    if (r.ok) return form.save(() => onSave(r.input));
    // The date cannot be read here; the backend still checks every other field, so all faults show at once.
    const other = await refusal(() => backend.checkApplication(r.probe));
    form.errors.showLocal(r.errors, other);
  });

  return (
    <FormDialog
      title={application ? t("applicationForm.editTitle") : t("applicationForm.newTitle")}
      width="member"
      onClose={onClose}
      onSubmit={submit}
      form={form}
      submit={{ label: application ? t("applicationForm.save") : t("applicationForm.create"), testId: "save-application" }}
    >
      <div className="field-row field-row--2">
        <TextField {...field("organisation")} label={t("applicationForm.organisation")} description={t("applicationForm.organisationHelp")} />
        <TextField {...field("orgNumber")} label={t("applicationForm.orgNumber")} description={t("applicationForm.orgNumberHelp")} inputMode="numeric" />
      </div>
      <div className="field-row field-row--3">
        <TextField {...field("contactName")} label={t("applicationForm.contact")} />
        <TextField {...field("email")} label={t("applicationForm.email")} type="email" />
        <TextField {...field("phone")} label={t("applicationForm.phone")} type="tel" />
      </div>
      <TextField {...field("title")} limit="title" label={t("applicationForm.title")} />
      <TextAreaField {...field("description")} rows={3} label={t("applicationForm.description")} />
      <div className="field-row field-row--3">
        <TextField {...field("amountAsked")} label={t("applicationForm.amount")} description={t("amount.help")} inputMode="decimal" />
        <TextField {...field("projectBudget")} label={t("applicationForm.projectBudget")} description={t("amount.help")} inputMode="decimal" />
        <DateField {...field("received")} label={t("applicationForm.received")} description={t("date.help")} />
      </div>
    </FormDialog>
  );
}
