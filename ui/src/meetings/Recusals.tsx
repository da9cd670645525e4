import { useState, type FormEvent } from "react";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useFormErrors } from "../lib/useFormErrors";
import { SelectField, TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import { useMeeting } from "./context";
import { itemName, presentRows } from "./meetingModel";

const ORDER = ["recusal-member", "recusal-reason"] as const;
const IDS = { membershipId: "recusal-member", reason: "recusal-reason" };

/** Members who declared themselves inhabil and left for this item. */
export function Recusals({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act, actOrAlert, locked } = useMeeting();
  const [member, setMember] = useState("");
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(ORDER, IDS);
  const candidates = presentRows(detail.attendance).filter((r) => !item.recusals.some((x) => x.membershipId === r.membershipId));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!member) return errors.showLocal({ "recusal-member": t("recusal.chooseMember") });
    setSaving(true);
    const name = detail.attendance.find((r) => r.membershipId === member)?.personName ?? "";
    const report = await act(
      () => backend.setRecusal(item.id, member, reason.trim()),
      t("confirm.recusalAdded", { name, item: itemName(t, item) }),
    );
    setSaving(false);
    if (report) return errors.showReport(report);
    errors.clear();
    setMember("");
    setReason("");
  };

  return (
    <section className="item-sub" aria-labelledby="recusals-title">
      <Heading level={4} data-size="2xs" id="recusals-title">
        {t("recusal.title")}
      </Heading>
      {item.recusals.length ? (
        <ul className="plain-list">
          {item.recusals.map((r) => (
            <li key={r.membershipId} data-testid="recusal" data-membership-id={r.membershipId}>
              <span>
                <strong>{r.personName}</strong>
                {r.reason ? ` – ${r.reason}` : <span className="missing-inline"> – {t("recusal.noReason")}</span>}
              </span>
              {!locked ? (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  data-testid="remove-recusal"
                  aria-label={t("recusal.removeLabel", { name: r.personName })}
                  onClick={() =>
                    void actOrAlert(
                      () => backend.removeRecusal(item.id, r.membershipId),
                      t("confirm.recusalRemoved", { name: r.personName, item: itemName(t, item) }),
                    )
                  }
                >
                  {t("recusal.remove")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph data-size="sm" className="muted">
          {t("recusal.none")}
        </Paragraph>
      )}
      {!locked ? (
        <form onSubmit={submit} noValidate className="inline-form">
          <FormError messages={errors.general} />
          <div className="inline-form__row inline-form__row--recusal">
            <SelectField
              id="recusal-member"
              label={t("recusal.member")}
              value={member}
              onChange={(v) => {
                setMember(v);
                errors.clearField("recusal-member");
              }}
              options={[{ value: "", label: candidates.length ? t("recusal.choose") : t("recusal.nobodyPresent") }, ...candidates.map((r) => ({ value: r.membershipId, label: r.personName }))]}
              error={errors.fields["recusal-member"]}
            />
            <TextField
              id="recusal-reason"
              label={t("recusal.reason")}
              placeholder={t("recusal.reasonPlaceholder")}
              value={reason}
              onChange={(v) => {
                setReason(v);
                errors.clearField("recusal-reason");
              }}
              error={errors.fields["recusal-reason"]}
            />
            <Button type="submit" variant="secondary" data-size="sm" data-testid="add-recusal" loading={saving} className="inline-form__button">
              {t("recusal.add")}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
