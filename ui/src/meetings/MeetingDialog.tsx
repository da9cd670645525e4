import type { ErrorReport } from "../bindings/ErrorReport";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingInput } from "../bindings/MeetingInput";
import { useI18n } from "../i18n/context";
import { dateWords } from "../lib/dates";
import { useDialogFocus } from "../lib/useReturnFocus";
import { useDraftForm } from "../lib/useDraftForm";
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
  useDialogFocus(props.mode === "new" ? "meeting-date" : "meeting-starts-at");
  const { meetingKinds, meetingKindName } = useProfileLabels();
  // The profile's kinds; an edited meeting keeps its own, even one the profile has removed.
  const own = props.mode === "edit" ? props.meeting.kind : null;
  const kinds = meetingKinds.filter((k) => !k.removed || k.key === own).map((k) => k.key);
  const form = useDraftForm<MeetingDraft>(
    () => {
      if (props.mode === "edit") return editMeetingDraft(props.meeting);
      const draft = newMeetingDraft();
      // A profile without the built-in «ordinary» starts at its first kind.
      return kinds.includes(draft.kind) ? draft : { ...draft, kind: kinds[0] ?? draft.kind };
    },
    MEETING_FIELD_ORDER,
    MEETING_FIELD_IDS,
  );
  const { draft: d, field } = form;
  const councilId = props.mode === "new" ? props.councilId : props.meeting.councilId;

  const submit = form.submit(
    () => toMeetingInput(d, councilId, { ...dateWords(t), invalidTime: t("time.invalid"), requiredTime: t("time.required") }),
    props.onSave,
  );

  return (
    <FormDialog
      title={props.mode === "new" ? t("meetingForm.newTitle") : t("meetingForm.editTitle")}
      size="sm"
      onClose={props.onClose}
      onSubmit={submit}
      form={form}
      submit={{ label: props.mode === "new" ? t("meetingForm.create") : t("meetingForm.save"), testId: "save-meeting" }}
    >
      <div className="field-row field-row--2">
        <SelectField {...field("kind", "meeting-kind")} label={t("meetingForm.kind")} options={options(kinds, (k) => meetingKindName(k))} />
        <DateField {...field("date", "meeting-date")} label={t("meetingForm.date")} description={t("date.help")} />
      </div>
      <div className="field-row field-row--2">
        <TextField {...field("startsAt", "meeting-starts-at")} label={t("meetingForm.startsAt")} description={t("time.help")} inputMode="numeric" width="narrow" />
        <TextField {...field("endsAt", "meeting-ends-at")} label={t("meetingForm.endsAt")} description={t("meetingForm.endsAtHelp")} inputMode="numeric" width="narrow" />
      </div>
      <TextField {...field("place", "meeting-place")} label={t("meetingForm.place")} description={t("meetingForm.placeHelp")} />
      <TextAreaField {...field("guests", "meeting-guests")} rows={2} label={t("meetingForm.guests")} description={t("meetingForm.guestsHelp")} />
      <TextField {...field("kommuneRep", "meeting-kommune-rep")} label={t("meetingForm.kommuneRep")} />
    </FormDialog>
  );
}
