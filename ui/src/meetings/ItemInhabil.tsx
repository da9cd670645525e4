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

const ORDER = ["inhabil-member", "inhabil-reason"] as const;
const IDS = { membershipId: "inhabil-member", reason: "inhabil-reason" };

/** Members who declared themselves inhabil and left for this item. */
export function ItemInhabil({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act, actOrAlert, locked } = useMeeting();
  const [member, setMember] = useState("");
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(ORDER, IDS);
  const candidates = presentRows(detail.attendance).filter((r) => !item.inhabilMembers.some((x) => x.membershipId === r.membershipId));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!member) return errors.showLocal({ "inhabil-member": t("itemInhabil.chooseMember") });
    setSaving(true);
    const name = detail.attendance.find((r) => r.membershipId === member)?.personName ?? "";
    const report = await act(
      () => backend.setItemInhabil(item.id, member, reason.trim()),
      t("confirm.itemInhabilAdded", { name, item: itemName(t, item) }),
    );
    setSaving(false);
    if (report) return errors.showReport(report);
    errors.clear();
    setMember("");
    setReason("");
  };

  return (
    <section className="item-sub" aria-labelledby="item-inhabil-title">
      <Heading level={4} data-size="2xs" id="item-inhabil-title">
        {t("itemInhabil.title")}
      </Heading>
      {item.inhabilMembers.length ? (
        <ul className="plain-list">
          {item.inhabilMembers.map((r) => (
            <li key={r.membershipId} data-testid="inhabil" data-membership-id={r.membershipId}>
              <span>
                <strong>{r.personName}</strong>
                {r.reason ? ` – ${r.reason}` : <span className="missing-inline"> – {t("itemInhabil.noReason")}</span>}
              </span>
              {!locked ? (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  data-testid="remove-inhabil"
                  aria-label={t("itemInhabil.removeLabel", { name: r.personName })}
                  onClick={() =>
                    void actOrAlert(
                      () => backend.removeItemInhabil(item.id, r.membershipId),
                      t("confirm.itemInhabilRemoved", { name: r.personName, item: itemName(t, item) }),
                    )
                  }
                >
                  {t("itemInhabil.remove")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph data-size="sm" className="muted">
          {t("itemInhabil.none")}
        </Paragraph>
      )}
      {!locked ? (
        <form onSubmit={submit} noValidate className="inline-form">
          <FormError messages={errors.general} />
          <div className="inline-form__row inline-form__row--inhabil">
            <SelectField
              id="inhabil-member"
              label={t("itemInhabil.member")}
              value={member}
              onChange={(v) => {
                setMember(v);
                errors.clearField("inhabil-member");
              }}
              options={[{ value: "", label: candidates.length ? t("itemInhabil.choose") : t("itemInhabil.nobodyPresent") }, ...candidates.map((r) => ({ value: r.membershipId, label: r.personName }))]}
              error={errors.fields["inhabil-member"]}
            />
            <TextField
              id="inhabil-reason"
              label={t("itemInhabil.reason")}
              placeholder={t("itemInhabil.reasonPlaceholder")}
              value={reason}
              onChange={(v) => {
                setReason(v);
                errors.clearField("inhabil-reason");
              }}
              error={errors.fields["inhabil-reason"]}
            />
            <Button type="submit" variant="secondary" data-size="sm" data-testid="add-inhabil" loading={saving} className="inline-form__button">
              {t("itemInhabil.add")}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
