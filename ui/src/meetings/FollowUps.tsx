import type { AgendaItem } from "../bindings/AgendaItem";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { dateWords, formatDate } from "../lib/dates";
import { useDraftForm } from "../lib/useDraftForm";
import { DateField, TextField } from "../components/fields";
import { InlineForm, ListWithForm, RowAction } from "../components/InlineForm";
import { useMeeting } from "./context";
import { FOLLOW_UP_FIELD_IDS, FOLLOW_UP_FIELD_ORDER, newFollowUpDraft, toFollowUpInput, type FollowUpDraft } from "./meetingModel";

/** What follows from the item: what, who is responsible, by when. */
export function FollowUps({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { act, actOrAlert, locked } = useMeeting();
  const form = useDraftForm<FollowUpDraft>(newFollowUpDraft, FOLLOW_UP_FIELD_ORDER, FOLLOW_UP_FIELD_IDS);
  const { field } = form;

  const submit = form.submit(
    () => toFollowUpInput(form.draft, { ...dateWords(t), whatRequired: t("followUp.whatRequired") }),
    (input) => act(() => backend.addFollowUp(item.id, input), t("confirm.followUpAdded", { what: input.what.trim() })),
    newFollowUpDraft(),
  );

  return (
    <ListWithForm
      title={t("followUp.title")}
      rows={item.followUps}
      none={t("followUp.none")}
      row={(f) => (
        <li key={f.id} data-testid="follow-up">
          <span className="break">
            {f.what}
            <span className="muted">
              {f.who ? ` · ${f.who}` : ""}
              {f.due ? ` · ${t("followUp.dueText", { date: formatDate(f.due) })}` : ""}
            </span>
          </span>
          {!locked ? (
            <RowAction
              testId="remove-follow-up"
              label={t("followUp.remove")}
              ariaLabel={t("followUp.removeLabel", { what: f.what })}
              onClick={() => actOrAlert(() => backend.removeFollowUp(f.id), t("confirm.followUpRemoved", { what: f.what }))}
            />
          ) : null}
        </li>
      )}
      form={
        locked ? null : (
          <InlineForm onSubmit={submit} form={form} row="follow-up" submit={{ label: t("followUp.add"), testId: "add-follow-up" }}>
            <TextField {...field("what", "follow-up-what")} label={t("followUp.what")} />
            <TextField {...field("who", "follow-up-who")} label={t("followUp.who")} />
            <DateField {...field("due", "follow-up-due")} label={t("followUp.due")} />
          </InlineForm>
        )
      }
    />
  );
}
