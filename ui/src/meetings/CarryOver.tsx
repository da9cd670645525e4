import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { MeetingSummary } from "../bindings/MeetingSummary";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useFormErrors } from "../lib/useFormErrors";
import { formatDate } from "../lib/dates";
import { SelectField } from "../components/fields";
import { FormError } from "../components/FormError";
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
  const [to, setTo] = useState("");
  const errors = useFormErrors(ORDER, IDS);
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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return errors.showLocal({ [IDS.meetingId]: t("carryOver.choose") });
    const date = meetings.find((x) => x.id === to)?.date ?? "";
    const report = await act(() => backend.carryOverItem(item.id, to, m.id), t("confirm.carriedOver", { date: formatDate(date) }));
    if (report) errors.showReport(report);
    else errors.clear();
  };

  return (
    <form onSubmit={submit} noValidate className="inline-form" data-testid="carry-over">
      <FormError messages={errors.general} />
      <div className="inline-form__row">
        <SelectField
          id={IDS.meetingId}
          label={t("carryOver.label")}
          value={to}
          onChange={(v) => {
            setTo(v);
            errors.clearField(IDS.meetingId);
          }}
          options={[{ value: "", label: meetings.length ? t("carryOver.pick") : t("carryOver.none") }, ...meetings.map((x) => ({ value: x.id, label: formatDate(x.date) }))]}
          error={errors.fields[IDS.meetingId]}
        />
        <Button type="submit" variant="secondary" data-size="sm" data-testid="carry-over-item" className="inline-form__button">
          {t("carryOver.submit")}
        </Button>
      </div>
    </form>
  );
}
