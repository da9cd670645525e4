import { useEffect, useState, type FormEvent } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingInput } from "../bindings/MeetingInput";
import type { MeetingKind } from "../bindings/MeetingKind";
import { useI18n } from "../i18n/context";
import { dateWords } from "../lib/dates";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useFormErrors } from "../lib/useFormErrors";
import { options } from "../lib/labels";
import { useProfileLabels } from "../lib/profileLabels";
import { DateField, SelectField, TextAreaField, TextField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";
import {
  MEETING_FIELD_IDS,
  MEETING_FIELD_ORDER,
  editMeetingDraft,
  newMeetingDraft,
  toMeetingInput,
  type MeetingDraft,
} from "./meetingModel";

type Props = {
  onSave: (input: MeetingInput) => Promise<ErrorReport | null>;
  onClose: () => void;
} & ({ mode: "new"; councilId: string } | { mode: "edit"; meeting: Meeting });

/** Plan a meeting, or change its kind, time, place, guests and the kommune's representative. */
export function MeetingDialog(props: Props) {
  const { t } = useI18n();
  useReturnFocus();
  const { meetingKinds, meetingKindName } = useProfileLabels();
  // The profile's kinds; an edited meeting keeps its own, even one the profile has removed.
  const own = props.mode === "edit" ? props.meeting.kind : null;
  const kinds = meetingKinds.filter((k) => !k.removed || k.key === own).map((k) => k.key);
  const [d, setD] = useState<MeetingDraft>(() => {
    if (props.mode === "edit") return editMeetingDraft(props.meeting);
    const draft = newMeetingDraft();
    // A profile without the built-in «ordinary» starts at its first kind.
    return kinds.includes(draft.kind) ? draft : { ...draft, kind: kinds[0] ?? draft.kind };
  });
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(MEETING_FIELD_ORDER, MEETING_FIELD_IDS);
  const err = (id: string) => errors.fields[id];
  const councilId = props.mode === "new" ? props.councilId : props.meeting.councilId;

  useEffect(() => {
    document.getElementById(props.mode === "new" ? "meeting-date" : "meeting-starts-at")?.focus();
    // on open only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const set = <K extends keyof MeetingDraft>(key: K, id: string) => (value: MeetingDraft[K]) => {
    setD((old) => ({ ...old, [key]: value }));
    errors.clearField(id);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = toMeetingInput(d, councilId, {
      ...dateWords(t),
      invalidTime: t("time.invalid"),
      requiredTime: t("time.required"),
    });
    if (!r.ok) return errors.showLocal(r.errors);
    setSaving(true);
    const report = await props.onSave(r.input);
    setSaving(false);
    if (report) errors.showReport(report);
  };

  return (
    <FormDialog
      titleId="meeting-dialog-title"
      title={props.mode === "new" ? t("meetingForm.newTitle") : t("meetingForm.editTitle")}
      size="sm"
      onClose={props.onClose}
      onSubmit={submit}
      faults={errors.general}
      submit={{ label: props.mode === "new" ? t("meetingForm.create") : t("meetingForm.save"), testId: "save-meeting", saving }}
    >
      <div className="field-row field-row--2">
        <SelectField
          id="meeting-kind"
          label={t("meetingForm.kind")}
          value={d.kind}
          onChange={(v) => set("kind", "meeting-kind")(v as MeetingKind)}
          options={options(kinds, (k) => meetingKindName(k))}
          error={err("meeting-kind")}
        />
        <DateField id="meeting-date" label={t("meetingForm.date")} description={t("date.help")} value={d.date} onChange={set("date", "meeting-date")} error={err("meeting-date")} />
      </div>
      <div className="field-row field-row--2">
        <TextField id="meeting-starts-at" label={t("meetingForm.startsAt")} description={t("time.help")} value={d.startsAt} onChange={set("startsAt", "meeting-starts-at")} inputMode="numeric" width="narrow" error={err("meeting-starts-at")} />
        <TextField id="meeting-ends-at" label={t("meetingForm.endsAt")} description={t("meetingForm.endsAtHelp")} value={d.endsAt} onChange={set("endsAt", "meeting-ends-at")} inputMode="numeric" width="narrow" error={err("meeting-ends-at")} />
      </div>
      <TextField id="meeting-place" label={t("meetingForm.place")} description={t("meetingForm.placeHelp")} value={d.place} onChange={set("place", "meeting-place")} error={err("meeting-place")} />
      <TextAreaField id="meeting-guests" rows={2} label={t("meetingForm.guests")} description={t("meetingForm.guestsHelp")} value={d.guests} onChange={set("guests", "meeting-guests")} error={err("meeting-guests")} />
      <TextField id="meeting-kommune-rep" label={t("meetingForm.kommuneRep")} value={d.kommuneRep} onChange={set("kommuneRep", "meeting-kommune-rep")} error={err("meeting-kommune-rep")} />
    </FormDialog>
  );
}
