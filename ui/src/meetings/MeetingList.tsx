import { rowClick } from "../lib/rowClick";
import { useProfileLabels } from "../lib/profileLabels";
import { useCallback, useState } from "react";
import { Button, Heading, Link, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { MeetingSummary } from "../bindings/MeetingSummary";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { formatTime } from "../lib/times";
import { meetingStatusLabel } from "../lib/labels";
import type { Loaded } from "../lib/useLoad";
import { toErrorReport } from "../lib/errors";
import { MeetingDialog } from "./MeetingDialog";
import { statusColor } from "./meetingModel";
import { LoadingLine } from "../components/Loading";
import { useConfirmation } from "../components/Confirmation";
import { useReadOnlyCouncil } from "../council/KeptElsewhere";
import { useVirtualRows } from "../lib/virtualRows";
import { ShowAllRows, SpacerRow } from "../components/VirtualTable";

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
    <section aria-labelledby="meetings-title" className="section section--tight">
      <div className="section-head">
        <Heading level={2} data-size="2xs" id="meetings-title">
          {t("meetings.title")}
        </Heading>
        {!readOnly ? (
          <Button data-size="sm" variant="secondary" data-testid="new-meeting" onClick={() => setAdding(true)}>
            + {t("meetings.new")}
          </Button>
        ) : null}
        <ShowAllRows rows={shown} count={list.length} />
      </div>
      {meetings.status === "loading" ? <LoadingLine /> : null}
      {meetings.status === "error" ? (
        <Paragraph className="muted">
          {meetings.error.message}{" "}
          <Button variant="tertiary" data-size="sm" onClick={onRetry}>
            {t("app.retry")}
          </Button>
        </Paragraph>
      ) : null}
      {meetings.status === "ready" && meetings.data.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("meetings.none")}
        </Paragraph>
      ) : null}
      {meetings.status === "ready" && meetings.data.length > 0 ? (
        <Table border data-color="neutral" data-size="sm" className="meeting-table" aria-rowcount={list.length + 1}>
          <caption className="visually-hidden">{t("meetings.title")}</caption>
          <Table.Head>
            <Table.Row aria-rowindex={1}>
              <Table.HeaderCell>{t("meetings.col.date")}</Table.HeaderCell>
              <Table.HeaderCell>{t("meetings.col.kind")}</Table.HeaderCell>
              <Table.HeaderCell>{t("meetings.col.place")}</Table.HeaderCell>
              <Table.HeaderCell>{t("meetings.col.status")}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t("meetings.col.items")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body ref={shown.bodyRef}>
            <SpacerRow height={shown.padTop} columns={5} before={shown.indices[0]} />
            {shown.indices.map((i) => {
              const m = list[i];
              if (!m) return null;
              return (
                <Table.Row
                  key={m.id}
                  ref={shown.measure}
                  data-index={i}
                  aria-rowindex={i + 2}
                  data-testid="meeting-row"
                  data-meeting-id={m.id}
                  data-status={m.status}
                  {...rowClick(() => onOpen(m.id))}
                >
                  <Table.Cell className="nowrap">
                    <Link asChild data-color="accent">
                      <button type="button" className="link-button" data-testid="open-meeting" onClick={() => onOpen(m.id)}>
                        {formatDate(m.date)}
                      </button>
                    </Link>{" "}
                    <span className="muted">{t("meeting.time", { time: formatTime(m.startsAt) })}</span>
                  </Table.Cell>
                  <Table.Cell>{meetingKindName(m.kind)}</Table.Cell>
                  <Table.Cell className="break">{m.place || <span className="muted">{t("meeting.noPlace")}</span>}</Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={statusColor(m.status)}>
                      {meetingStatusLabel(t, m.status)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell className="num">{m.itemCount}</Table.Cell>
                </Table.Row>
              );
            })}
            <SpacerRow height={shown.padBottom} columns={5} />
          </Table.Body>
        </Table>
      ) : null}
      {adding ? (
        <MeetingDialog
          mode="new"
          councilId={councilId}
          onClose={() => setAdding(false)}
          onSave={async (input) => {
            clear();
            try {
              const detail = await backend.createMeeting(input);
              setAdding(false);
              onOpen(detail.meeting.id);
              // Said after navigating, so the meeting's own page says it.
              confirm(t("confirm.meetingCreated", { date: formatDate(detail.meeting.date) }));
              return null;
            } catch (e) {
              return toErrorReport(e);
            }
          }}
        />
      ) : null}
    </section>
  );
}
