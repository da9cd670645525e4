import { rowClick } from "../lib/rowClick";
import { useProfileLabels } from "../lib/profileLabels";
import { useCallback, useState } from "react";
import { Tag } from "@digdir/designsystemet-react";
import { DataTable } from "../components/DataTable";
import { EmptyOr, Section } from "../components/Section";
import type { MeetingSummary } from "../bindings/MeetingSummary";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { LinkButton } from "../components/LinkButton";
import { formatDate } from "../lib/dates";
import { formatTime } from "../lib/times";
import { meetingStatusLabel } from "../lib/labels";
import type { Loaded } from "../lib/useLoad";
import { MeetingDialog } from "./MeetingDialog";
import { statusColor } from "./meetingModel";
import { SectionLoad } from "../components/Loading";
import { useConfirmation } from "../components/Confirmation";
import { AddButton } from "../components/AddButton";
import { createAndOpen } from "../components/createAndOpen";
import { useReadOnlyCouncil } from "../council/KeptElsewhere";
import { useVirtualRows } from "../lib/virtualRows";
import { ShowAllRows } from "../components/VirtualTable";

const NONE: MeetingSummary[] = [];

/** The council's meetings, newest first, and the button that plans a new one. */
export function MeetingList({
  councilId,
  meetings,
  onOpen,
  onRetry,
}: {
  councilId: string;
  meetings: Loaded<MeetingSummary[]>;
  onOpen: (id: string) => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const { meetingKindName } = useProfileLabels();
  const backend = useBackend();
  const [adding, setAdding] = useState(false);
  const readOnly = useReadOnlyCouncil();
  const { confirm, clear } = useConfirmation();
  // Twenty years of a council's meetings: only the rows near the window are rendered.
  const list = meetings.status === "ready" ? meetings.data : NONE;
  const keyOf = useCallback((i: number) => list[i]?.id ?? String(i), [list]);
  const shown = useVirtualRows(list.length, 45, keyOf);
  return (
    <Section
      id="meetings-title"
      title={t("meetings.title")}
      actions={
        <>
          {!readOnly ? (
            <AddButton testid="new-meeting" onClick={() => setAdding(true)}>
              {t("meetings.new")}
            </AddButton>
          ) : null}
          <ShowAllRows rows={shown} count={list.length} />
        </>
      }
    >
      <SectionLoad state={meetings} onRetry={onRetry} />
      {meetings.status === "ready" ? (
        <EmptyOr empty={list.length === 0} note={t("meetings.none")}>
          <DataTable
            rows={list}
            shown={shown}
            rowKey={(m) => m.id}
            row={(m) => ({ "data-testid": "meeting-row", "data-meeting-id": m.id, "data-status": m.status, ...rowClick(() => onOpen(m.id)) })}
            caption={t("meetings.title")}
            className="meeting-table"
            columns={[
              {
                head: t("meetings.col.date"),
                className: "nowrap",
                cell: (m) => (
                  <>
                    <LinkButton testid="open-meeting" onClick={() => onOpen(m.id)}>
                      {formatDate(m.date)}
                    </LinkButton>{" "}
                    <span className="muted">{t("meeting.time", { time: formatTime(m.startsAt) })}</span>
                  </>
                ),
              },
              { head: t("meetings.col.kind"), cell: (m) => meetingKindName(m.kind) },
              { head: t("meetings.col.place"), className: "break", cell: (m) => m.place || <span className="muted">{t("meeting.noPlace")}</span> },
              {
                head: t("meetings.col.status"),
                cell: (m) => (
                  <Tag data-size="sm" data-color={statusColor(m.status)}>
                    {meetingStatusLabel(t, m.status)}
                  </Tag>
                ),
              },
              { head: t("meetings.col.items"), headClassName: "num", className: "num", cell: (m) => m.itemCount },
            ]}
          />
        </EmptyOr>
      ) : null}
      {adding ? (
        <MeetingDialog
          mode="new"
          councilId={councilId}
          onClose={() => setAdding(false)}
          onSave={(input) =>
            createAndOpen(() => backend.createMeeting(input), {
              clear,
              confirm,
              close: () => setAdding(false),
              open: (detail) => onOpen(detail.meeting.id),
              said: (detail) => t("confirm.meetingCreated", { date: formatDate(detail.meeting.date) }),
            })
          }
        />
      ) : null}
    </Section>
  );
}
