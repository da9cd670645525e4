import { useState, type FormEvent } from "react";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { dateWords, formatDate } from "../lib/dates";
import { useFormErrors } from "../lib/useFormErrors";
import { DateField, TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import { useMeeting } from "./context";
import { FOLLOW_UP_FIELD_IDS, FOLLOW_UP_FIELD_ORDER, newFollowUpDraft, toFollowUpInput, type FollowUpDraft } from "./meetingModel";

/** What follows from the item: what, who is responsible, by when. */
export function FollowUps({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { act, actOrAlert, locked } = useMeeting();
  const [d, setD] = useState<FollowUpDraft>(newFollowUpDraft);
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(FOLLOW_UP_FIELD_ORDER, FOLLOW_UP_FIELD_IDS);
  const set = (key: keyof FollowUpDraft, id: string) => (value: string) => {
    setD((old) => ({ ...old, [key]: value }));
    errors.clearField(id);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = toFollowUpInput(d, { ...dateWords(t), whatRequired: t("followUp.whatRequired") });
    if (!r.ok) return errors.showLocal(r.errors);
    setSaving(true);
    const report = await act(() => backend.addFollowUp(item.id, r.input), t("confirm.followUpAdded", { what: r.input.what.trim() }));
    setSaving(false);
    if (report) return errors.showReport(report);
    errors.clear();
    setD(newFollowUpDraft());
  };

  return (
    <section className="item-sub" aria-labelledby="follow-ups-title">
      <Heading level={4} data-size="2xs" id="follow-ups-title">
        {t("followUp.title")}
      </Heading>
      {item.followUps.length ? (
        <ul className="plain-list">
          {item.followUps.map((f) => (
            <li key={f.id} data-testid="follow-up">
              <span className="break">
                {f.what}
                <span className="muted">
                  {f.who ? ` · ${f.who}` : ""}
                  {f.due ? ` · ${t("followUp.dueText", { date: formatDate(f.due) })}` : ""}
                </span>
              </span>
              {!locked ? (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  data-testid="remove-follow-up"
                  aria-label={t("followUp.removeLabel", { what: f.what })}
                  onClick={() => void actOrAlert(() => backend.removeFollowUp(f.id), t("confirm.followUpRemoved", { what: f.what }))}
                >
                  {t("followUp.remove")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph data-size="sm" className="muted">
          {t("followUp.none")}
        </Paragraph>
      )}
      {!locked ? (
        <form onSubmit={submit} noValidate className="inline-form">
          <FormError messages={errors.general} />
          <div className="inline-form__row inline-form__row--follow-up">
            <TextField id="follow-up-what" label={t("followUp.what")} value={d.what} onChange={set("what", "follow-up-what")} error={errors.fields["follow-up-what"]} />
            <TextField id="follow-up-who" label={t("followUp.who")} value={d.who} onChange={set("who", "follow-up-who")} error={errors.fields["follow-up-who"]} />
            <DateField id="follow-up-due" label={t("followUp.due")} value={d.due} onChange={set("due", "follow-up-due")} error={errors.fields["follow-up-due"]} />
            <Button type="submit" variant="secondary" data-size="sm" data-testid="add-follow-up" loading={saving} className="inline-form__button">
              {t("followUp.add")}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
