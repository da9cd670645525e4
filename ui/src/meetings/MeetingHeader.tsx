import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useProfileLabels } from "../lib/profileLabels";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { meetingStatusLabel } from "../lib/labels";
import { useMeeting } from "./context";
import { nextAction, statusColor, timeRange, type LifecycleAction } from "./meetingModel";

/** Title, time and place, status, and the one step that moves the meeting on. */
export function MeetingHeader({
  busy,
  onAction,
  onUndo,
  onEdit,
  onExportNotice,
  onNoticeMail,
  onExportMinutes,
  onExportPublicNotice,
  onExportPublicMinutes,
}: {
  busy: boolean;
  onAction: (a: LifecycleAction) => void;
  /** Takes the last status change back (while the next step is not taken). */
  onUndo: () => void;
  onEdit: () => void;
  onExportNotice: () => void;
  /** The notice as an e-mail draft to the members, opened in the mail program. */
  onNoticeMail: () => void;
  onExportMinutes: () => void;
  /** The public versions, in which items exempt from public access are withheld. */
  onExportPublicNotice: () => void;
  onExportPublicMinutes: () => void;
}) {
  const { t } = useI18n();
  const { meetingKindName } = useProfileLabels();
  const { detail, locked } = useMeeting();
  const m = detail.meeting;
  // Read only here (kept in another file) or approved: no step forward.
  const action = locked ? null : nextAction(m.status);
  const minutesReady = m.status === "held" || m.status === "approved";
  return (
    <div className="meeting-header">
      <div className="meeting-header__title">
        <Heading level={1} data-size="md" tabIndex={-1}>
          {meetingKindName(m.kind)} {formatDate(m.date)}
        </Heading>
        <Paragraph data-size="sm" className="meeting-header__meta">
          <span>{detail.council.name}</span>
          <span>{t("meeting.time", { time: timeRange(m.startsAt, m.endsAt) })}</span>
          <span className={m.place ? undefined : "meeting-header__missing"}>{m.place || t("meeting.noPlace")}</span>
        </Paragraph>
        <div className="meeting-header__tags">
          <Tag data-color={statusColor(m.status)} data-testid="meeting-status" data-status={m.status}>
            {meetingStatusLabel(t, m.status)}
          </Tag>
          {m.status === "approved" ? (
            <Tag data-color="success" variant="outline" data-testid="locked">
              {t("meeting.locked")}
            </Tag>
          ) : null}
          {detail.lifecycle.undoTo && !detail.council.keptElsewhere ? (
            <Button variant="tertiary" data-size="sm" data-testid="undo-status" disabled={busy} onClick={onUndo}>
              ↶ {t("meeting.undo", { status: meetingStatusLabel(t, detail.lifecycle.undoTo) })}
            </Button>
          ) : null}
        </div>
      </div>
      <div className="meeting-header__actions">
        {action ? (
          <Button data-size="sm" data-testid={action} loading={busy} onClick={() => onAction(action)}>
            {t(`meeting.action.${action}`)}
          </Button>
        ) : null}
        {!locked ? (
          <Button variant="secondary" data-size="sm" data-testid="edit-meeting" onClick={onEdit}>
            {t("meeting.edit")}
          </Button>
        ) : null}
        <Button variant="secondary" data-size="sm" data-testid="export-notice" disabled={busy} onClick={onExportNotice}>
          {t("meeting.exportNotice")}
        </Button>
        {m.status === "planned" || m.status === "notice_sent" ? (
          <Button variant="tertiary" data-size="sm" data-testid="notice-mail" disabled={busy} onClick={onNoticeMail}>
            {t("meeting.noticeMail")}
          </Button>
        ) : null}
        {minutesReady ? (
          <Button variant="secondary" data-size="sm" data-testid="export-minutes" disabled={busy} onClick={onExportMinutes}>
            {t("meeting.exportMinutes")}
          </Button>
        ) : null}
        <Button variant="tertiary" data-size="sm" data-testid="export-public-notice" disabled={busy} onClick={onExportPublicNotice}>
          {t("meeting.exportPublicNotice")}
        </Button>
        {minutesReady ? (
          <Button variant="tertiary" data-size="sm" data-testid="export-public-minutes" disabled={busy} onClick={onExportPublicMinutes}>
            {t("meeting.exportPublicMinutes")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
