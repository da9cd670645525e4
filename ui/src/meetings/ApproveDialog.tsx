import { useState, type FormEvent } from "react";
import { Alert, Fieldset, Paragraph, Radio } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useDialogFocus } from "../lib/useReturnFocus";
import { useFormErrors } from "../lib/useFormErrors";
import { useLoad } from "../lib/useLoad";
import { formatDate } from "../lib/dates";
import { SelectField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";
import { useMeeting } from "./context";
import { APPROVAL_FIELD_IDS, APPROVAL_FIELD_ORDER, presentRows, toApproval, type ApprovalMode } from "./meetingModel";
import { candidateLabel } from "../lib/labels";

/**
 * Approve the minutes: either two members present sign, or a decision (an
 * agenda item) at a later meeting of the council approved them. After this
 * the minutes are locked.
 */
export function ApproveDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  useDialogFocus("signatory-1");
  const backend = useBackend();
  const { detail, act } = useMeeting();
  const id = detail.meeting.id;
  const [mode, setMode] = useState<ApprovalMode>("signatories");
  const [first, setFirst] = useState("");
  const [second, setSecond] = useState("");
  const [itemId, setItemId] = useState("");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(APPROVAL_FIELD_ORDER, APPROVAL_FIELD_IDS);
  const [candidates] = useLoad(() => backend.listApprovalItems(id), id);
  const present = presentRows(detail.attendance);
  const blocking = detail.missing.filter((m) => m.blocking);
  const choices = [{ value: "", label: t("approve.choose") }, ...present.map((r) => ({ value: r.membershipId, label: r.personName }))];
  const later = candidates.status === "ready" ? candidates.data : [];
  const laterNote =
    candidates.status === "error"
      ? t("approve.itemsFailed", { message: candidates.error.message })
      : candidates.status === "ready" && later.length === 0
        ? t("approve.noLaterItems")
        : undefined;

  const choose = (next: ApprovalMode) => {
    setMode(next);
    errors.clear();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const draft = toApproval(
      { mode, first, second, itemId },
      { chooseMember: t("approve.chooseMember"), different: t("approve.different"), chooseItem: t("approve.chooseItemError") },
    );
    if (!draft.ok) return errors.showLocal(draft.errors);
    setSaving(true);
    const report = await act(
      () => backend.approveMinutes(id, draft.approval),
      t("confirm.minutesApproved", { date: formatDate(detail.meeting.date) }),
    );
    setSaving(false);
    if (report) errors.showReport(report);
    else onClose();
  };

  return (
    <FormDialog
      title={t("approve.title")}
      width="small"
      size="sm"
      onClose={onClose}
      onSubmit={submit}
      form={{ errors, saving }}
      submit={{ label: t("approve.confirm"), testId: "confirm-approve" }}
    >
      <Paragraph data-size="sm">{t("approve.intro")}</Paragraph>
      {blocking.length ? (
        <Alert data-color="warning" data-size="sm">
          <Paragraph data-size="sm">{t("approve.incomplete", { count: blocking.length })}</Paragraph>
        </Alert>
      ) : null}
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t("approve.how")}</Fieldset.Legend>
        <Radio
          id="approval-mode-signatories"
          name="approval-mode"
          value="signatories"
          label={t("approve.bySignatories")}
          checked={mode === "signatories"}
          onChange={() => choose("signatories")}
        />
        <Radio
          id="approval-mode-later"
          name="approval-mode"
          value="laterMeeting"
          label={t("approve.byLaterMeeting")}
          description={laterNote}
          disabled={later.length === 0}
          checked={mode === "laterMeeting"}
          onChange={() => choose("laterMeeting")}
        />
      </Fieldset>
      {mode === "signatories" ? (
        <>
          <SelectField id="signatory-1" label={t("approve.first")} value={first} onChange={(v) => { setFirst(v); errors.clearField("signatory-1"); }} options={choices} error={errors.fields["signatory-1"]} />
          <SelectField id="signatory-2" label={t("approve.second")} value={second} onChange={(v) => { setSecond(v); errors.clearField("signatory-2"); }} options={choices} error={errors.fields["signatory-2"]} />
        </>
      ) : (
        <SelectField
          id="approval-item"
          label={t("approve.item")}
          description={t("approve.itemHelp")}
          value={itemId}
          onChange={(v) => { setItemId(v); errors.clearField("approval-item"); }}
          options={[{ value: "", label: t("approve.chooseItem") }, ...later.map((c) => ({ value: c.itemId, label: candidateLabel(t, c) }))]}
          error={errors.fields["approval-item"]}
        />
      )}
    </FormDialog>
  );
}
