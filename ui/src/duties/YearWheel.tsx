import { memo, useState } from "react";
import { useProfileLabels } from "../lib/profileLabels";
import { Details, Heading, Tag } from "@digdir/designsystemet-react";
import { DataTable } from "../components/DataTable";
import { EmptyOr, Note, Section } from "../components/Section";
import type { MessageKey } from "../i18n/translate";
import { useI18n } from "../i18n/context";
import { LinkButton } from "../components/LinkButton";
import { formatDate } from "../lib/dates";
import { formatTime } from "../lib/times";
import { meetingStatusLabel } from "../lib/labels";
import { statusColor } from "../meetings/meetingModel";
import { DutyTag } from "./DutyTag";
import { dayAndMonth, type Wheel, type WheelEntry } from "./dutyModel";

const monthName = (t: (k: MessageKey) => string, month: number) => t(`month.${month}` as MessageKey);

/**
 * The year wheel ("årshjul"): twelve months, each a plain list of its
 * meetings and due dates, then the year's due dates that fall after it.
 * The lists are the text; the grid is only their layout. The same entries
 * as one table, in date order, are in the details below it.
 */
export const YearWheel = memo(function YearWheel({ wheel, year, onOpenMeeting }: { wheel: Wheel; year: number; onOpenMeeting: (id: string) => void }) {
  const { t } = useI18n();
  const { meetingKindName } = useProfileLabels();
  const all = [...wheel.months.flat(), ...wheel.outside];
  // The table repeats every entry: built the first time it is opened, not with the page.
  const [tableOpened, setTableOpened] = useState(false);

  // `full`: the whole date, for the due dates that fall in another year.
  const entry = (e: WheelEntry, i: number, full = false) =>
    e.type === "meeting" ? (
      <li key={`m-${e.meeting.id}`} className="wheel-entry wheel-entry--meeting" data-testid="wheel-meeting" data-meeting-id={e.meeting.id}>
        <span className="wheel-entry__date">{full ? formatDate(e.date) : dayAndMonth(e.date)}</span>
        <span className="wheel-entry__body">
          <LinkButton onClick={() => onOpenMeeting(e.meeting.id)}>
            {meetingKindName(e.meeting.kind)}
          </LinkButton>
          <span className="wheel-entry__council">{e.meeting.councilName}</span>
        </span>
      </li>
    ) : (
      <li
        key={`d-${e.duty.councilId}-${e.duty.kind}-${i}`}
        className={`wheel-entry wheel-entry--due wheel-entry--${e.duty.status}`}
        data-testid="wheel-due"
        data-kind={e.duty.kind}
        data-status={e.duty.status}
      >
        <span className="wheel-entry__date">{full ? formatDate(e.date) : dayAndMonth(e.date)}</span>
        <span className="wheel-entry__body">
          <span>{t("wheel.due", { duty: e.duty.name })}</span>
          <span className="wheel-entry__council">{e.duty.councilName}</span>
          <DutyTag duty={e.duty} testid="wheel-duty-tag" />
        </span>
      </li>
    );

  return (
    <Section id="wheel-title" title={t("wheel.title", { year })} testid="year-wheel">
      <Note>{t("wheel.intro")}</Note>
      <ol className="wheel">
        {wheel.months.map((entries, i) => (
          <li key={i} className="wheel-month" data-testid="wheel-month" data-month={i + 1} aria-labelledby={`wheel-month-${i + 1}`}>
            <Heading level={3} data-size="2xs" id={`wheel-month-${i + 1}`} className="wheel-month__name">
              {monthName(t, i + 1)}
            </Heading>
            {entries.length ? (
              <ul className="wheel-entries">{entries.map((e, j) => entry(e, j))}</ul>
            ) : (
              <p className="wheel-month__empty muted">{t("wheel.empty")}</p>
            )}
          </li>
        ))}
      </ol>
      {wheel.outside.length ? (
        <div className="wheel-outside">
          <Heading level={3} data-size="2xs" id="wheel-outside">
            {t("wheel.outside", { year })}
          </Heading>
          <ul className="wheel-entries wheel-entries--row" aria-labelledby="wheel-outside">
            {wheel.outside.map((e, i) => entry(e, i, true))}
          </ul>
        </div>
      ) : null}
      <Details data-testid="wheel-as-table" onToggle={() => setTableOpened(true)}>
        <Details.Summary>{t("wheel.asTable")}</Details.Summary>
        <Details.Content>
          {tableOpened ? (
            <EmptyOr empty={all.length === 0} note={t("wheel.nothing", { year })}>
              <DataTable
                rows={all}
                rowKey={(e, i) => (e.type === "meeting" ? `tm-${e.meeting.id}` : `td-${e.duty.councilId}-${e.duty.kind}-${i}`)}
                row={() => ({ "data-testid": "wheel-table-row" })}
                caption={t("wheel.title", { year })}
                className="wheel-table"
                columns={[
                  {
                    head: t("wheel.col.date"),
                    className: "nowrap",
                    cell: (e) =>
                      e.type === "meeting" ? (
                        <>
                          {formatDate(e.date)} <span className="muted">{t("meeting.time", { time: formatTime(e.meeting.startsAt) })}</span>
                        </>
                      ) : (
                        formatDate(e.date)
                      ),
                  },
                  { head: t("wheel.col.what"), cell: (e) => (e.type === "meeting" ? meetingKindName(e.meeting.kind) : t("wheel.due", { duty: e.duty.name })) },
                  { head: t("wheel.col.council"), className: "break", cell: (e) => (e.type === "meeting" ? e.meeting.councilName : e.duty.councilName) },
                  {
                    head: t("wheel.col.status"),
                    cell: (e) =>
                      e.type === "meeting" ? (
                        <Tag data-size="sm" data-color={statusColor(e.meeting.status)}>
                          {meetingStatusLabel(t, e.meeting.status)}
                        </Tag>
                      ) : (
                        <DutyTag duty={e.duty} testid="wheel-duty-tag" />
                      ),
                  },
                ]}
              />
            </EmptyOr>
          ) : null}
        </Details.Content>
      </Details>
    </Section>
  );
});
