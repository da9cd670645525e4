import { useEffect, useState } from "react";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { MeetingSummary } from "../bindings/MeetingSummary";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useDraftForm } from "../lib/useDraftForm";
import { formatDate } from "../lib/dates";
import { SelectField } from "../components/fields";
import { InlineForm } from "../components/InlineForm";
import { useMeeting } from "./context";

const IDS = { meetingId: "carry-over-meeting" };
const ORDER = Object.values(IDS);

/**
 * An item the council could not decide (no quorum) can be put on a later
 * meeting: core makes the new item there and says where it came from; these
 * minutes keep it as not decided.
 */
export function CarryOver({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useMeeting();
  const [meetings, setMeetings] = useState<MeetingSummary[]>([]);
  const form = useDraftForm({ meetingId: "" }, ORDER, IDS);
  const { errors } = form;
  const m = detail.meeting;
  useEffect(() => {
    let live = true;
    void backend.listMeetings(m.councilId).then((list) => {
      if (live) setMeetings(list.filter((x) => x.date > m.date && x.status !== "approved").reverse());
    });
    return () => {
      live = false;
    };
  }, [backend, m.councilId, m.date]);

  const submit = form.onSubmit(async () => {
    const to = form.draft.meetingId;
    if (!to) return errors.showLocal({ [IDS.meetingId]: t("carryOver.choose") });
    const date = meetings.find((x) => x.id === to)?.date ?? "";
    const report = await act(() => backend.carryOverItem(item.id, to, m.id), t("confirm.carriedOver", { date: formatDate(date) }));
    if (report) errors.showReport(report);
    else errors.clear();
  });

  return (
    <InlineForm onSubmit={submit} form={{ errors, saving: false }} testId="carry-over" submit={{ label: t("carryOver.submit"), testId: "carry-over-item" }}>
      <SelectField
        {...form.field("meetingId", IDS.meetingId)}
        label={t("carryOver.label")}
        options={[{ value: "", label: meetings.length ? t("carryOver.pick") : t("carryOver.none") }, ...meetings.map((x) => ({ value: x.id, label: formatDate(x.date) }))]}
      />
    </InlineForm>
  );
}
