import type { AgendaItem } from "../bindings/AgendaItem";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useDraftForm } from "../lib/useDraftForm";
import { SelectField, TextField } from "../components/fields";
import { InlineForm, ListWithForm, RowAction } from "../components/InlineForm";
import { useMeeting } from "./context";
import { itemName, presentRows } from "./meetingModel";

const ORDER = ["inhabil-member", "inhabil-reason"] as const;
const IDS = { membershipId: "inhabil-member", reason: "inhabil-reason" };
/** The form before anything is chosen, and after each member is added. */
const EMPTY = { member: "", reason: "" };

/** Members who declared themselves inhabil and left for this item. */
export function ItemInhabil({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act, actOrAlert, locked } = useMeeting();
  const form = useDraftForm(EMPTY, ORDER, IDS);
  const candidates = presentRows(detail.attendance).filter((r) => !item.inhabilMembers.some((x) => x.membershipId === r.membershipId));

  const submit = form.onSubmit(() => {
    const { member, reason } = form.draft;
    if (!member) return form.errors.showLocal({ "inhabil-member": t("itemInhabil.chooseMember") });
    const name = detail.attendance.find((r) => r.membershipId === member)?.personName ?? "";
    return form.save(() => act(() => backend.setItemInhabil(item.id, member, reason.trim()), t("confirm.itemInhabilAdded", { name, item: itemName(t, item) })), EMPTY);
  });

  return (
    <ListWithForm
      title={t("itemInhabil.title")}
      rows={item.inhabilMembers}
      none={t("itemInhabil.none")}
      row={(r) => (
        <li key={r.membershipId} data-testid="inhabil" data-membership-id={r.membershipId}>
          <span>
            <strong>{r.personName}</strong>
            {r.reason ? ` – ${r.reason}` : <span className="missing-inline"> – {t("itemInhabil.noReason")}</span>}
          </span>
          {!locked ? (
            <RowAction
              testId="remove-inhabil"
              label={t("itemInhabil.remove")}
              ariaLabel={t("itemInhabil.removeLabel", { name: r.personName })}
              onClick={() =>
                actOrAlert(() => backend.removeItemInhabil(item.id, r.membershipId), t("confirm.itemInhabilRemoved", { name: r.personName, item: itemName(t, item) }))
              }
            />
          ) : null}
        </li>
      )}
      form={
        locked ? null : (
          <InlineForm onSubmit={submit} form={form} row="inhabil" submit={{ label: t("itemInhabil.add"), testId: "add-inhabil" }}>
            <SelectField
              {...form.field("member", "inhabil-member")}
              label={t("itemInhabil.member")}
              options={[{ value: "", label: candidates.length ? t("itemInhabil.choose") : t("itemInhabil.nobodyPresent") }, ...candidates.map((r) => ({ value: r.membershipId, label: r.personName }))]}
            />
            <TextField {...form.field("reason", "inhabil-reason")} label={t("itemInhabil.reason")} placeholder={t("itemInhabil.reasonPlaceholder")} />
          </InlineForm>
        )
      }
    />
  );
}
