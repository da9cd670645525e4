import { useEffect, useState, type FormEvent } from "react";
import { Alert, Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useFormErrors } from "../lib/useFormErrors";
import { SelectField } from "../components/fields";
import { FormError } from "../components/FormError";
import { useMeeting } from "./context";
import { presentRows } from "./meetingModel";

const ORDER = ["signatory-1", "signatory-2"] as const;
const IDS = { signatories: "signatory-1", "signatories.0": "signatory-1", "signatories.1": "signatory-2" };

/** Approve the minutes: two members present sign. After this they are locked. */
export function ApproveDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useMeeting();
  const [first, setFirst] = useState("");
  const [second, setSecond] = useState("");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(ORDER, IDS);
  const present = presentRows(detail.attendance);
  const blocking = detail.missing.filter((m) => m.blocking);
  const choices = [{ value: "", label: t("approve.choose") }, ...present.map((r) => ({ value: r.membershipId, label: r.personName }))];

  useEffect(() => {
    document.getElementById("signatory-1")?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!first) local["signatory-1"] = t("approve.chooseMember");
    if (!second) local["signatory-2"] = t("approve.chooseMember");
    else if (second === first) local["signatory-2"] = t("approve.different");
    if (Object.keys(local).length) return errors.showLocal(local);
    setSaving(true);
    const report = await act(() => backend.approveMinutes(detail.meeting.id, { type: "signatories", membershipIds: [first, second] }));
    setSaving(false);
    if (report) errors.showReport(report);
    else onClose();
  };

  return (
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby="approve-title" className="form-dialog form-dialog--small" data-size="sm">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="approve-title">
          {t("approve.title")}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={submit} noValidate className="form">
          <Paragraph data-size="sm">{t("approve.intro")}</Paragraph>
          {blocking.length ? (
            <Alert data-color="warning" data-size="sm">
              <Paragraph data-size="sm">{t("approve.incomplete", { count: blocking.length })}</Paragraph>
            </Alert>
          ) : null}
          <FormError messages={errors.general} />
          <SelectField id="signatory-1" label={t("approve.first")} value={first} onChange={(v) => { setFirst(v); errors.clearField("signatory-1"); }} options={choices} error={errors.fields["signatory-1"]} />
          <SelectField id="signatory-2" label={t("approve.second")} value={second} onChange={(v) => { setSecond(v); errors.clearField("signatory-2"); }} options={choices} error={errors.fields["signatory-2"]} />
          <div className="button-row">
            <Button type="submit" data-testid="confirm-approve" loading={saving}>
              {t("approve.confirm")}
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
