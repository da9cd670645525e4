import { Select, Table, ToggleGroup } from "@digdir/designsystemet-react";
import { EmptyOr, Section } from "../components/Section";
import { OptionalSelect, personOptions } from "../components/OptionalSelect";
import { useProfileLabels } from "../lib/profileLabels";
import type { AttendanceRow } from "../bindings/AttendanceRow";
import type { AttendanceStatus } from "../bindings/AttendanceStatus";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { ATTENDANCE_STATUSES, attendanceLabel, roleLabel } from "../lib/labels";
import { useMeeting } from "./context";
import { seatRows } from "./meetingModel";
import { MeetingRoles } from "./MeetingRoles";

/** Who met: one row per member, three toggles, and "møter for" for a deputy. */
export function AttendanceSection() {
  const { t } = useI18n();
  const { detail } = useMeeting();
  const rows = detail.attendance;
  const present = rows.filter((r) => r.status === "present").length;
  const m = detail.meeting;
  return (
    <Section
      id="attendance-title"
      title={t("attendance.title")}
      className="section section--tight meeting-card"
      actions={
        <span className="muted" data-testid="attendance-count">
          {t("attendance.count", { present, total: rows.length })}
        </span>
      }
    >
      <EmptyOr empty={rows.length === 0} note={t("attendance.none")}>
        <Table data-size="sm" className="attendance-table">
          <caption className="visually-hidden">{t("attendance.title")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("col.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("attendance.col.status")}</Table.HeaderCell>
              <Table.HeaderCell className="col-for">{t("attendance.col.for")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <AttendanceLine key={r.membershipId} row={r} seats={seatRows(rows)} />
            ))}
          </Table.Body>
        </Table>
      </EmptyOr>
      <dl className="guests">
        <div>
          <dt>{t("attendance.guests")}</dt>
          <dd className="pre-line" data-testid="meeting-guests">
            {m.guests || <span className="muted">{t("attendance.noGuests")}</span>}
          </dd>
        </div>
        <div>
          <dt>{t("attendance.kommuneRep")}</dt>
          <dd data-testid="meeting-kommune-rep">{m.kommuneRep || <span className="muted">{t("attendance.noKommuneRep")}</span>}</dd>
        </div>
      </dl>
      <MeetingRoles />
    </Section>
  );
}

function AttendanceLine({ row, seats }: { row: AttendanceRow; seats: AttendanceRow[] }) {
  const { t } = useI18n();
  const { categoryName } = useProfileLabels();
  const backend = useBackend();
  const { detail, actOrAlert, locked } = useMeeting();
  const meetingId = detail.meeting.id;
  const deputy = row.role === "varamedlem";
  const save = (status: AttendanceStatus, substituteFor: string | null, done: string) =>
    void actOrAlert(() => backend.setAttendance(meetingId, { membershipId: row.membershipId, status, substituteFor }), done);
  const name = row.personName;
  const setStatus = (status: AttendanceStatus) =>
    save(status, deputy ? row.substituteFor : null, t(`confirm.attendance.${status}` as MessageKey, { name }));
  const setSubstitute = (membershipId: string | null) => {
    const standsInFor = seats.find((s) => s.membershipId === membershipId)?.personName;
    save(row.status ?? "present", membershipId, standsInFor ? t("confirm.substitute", { name, for: standsInFor }) : t("confirm.substituteNone", { name }));
  };
  const unset = row.status === null;
  // Before the meeting nobody is registered yet: only flag gaps once it is held.
  const flag = unset && detail.meeting.status === "held";
  return (
    <Table.Row data-testid="attendance-row" data-membership-id={row.membershipId} data-status={row.status ?? ""} className={flag ? "attendance-unset" : undefined}>
      <Table.Cell>
        <span className="cell-name">{row.personName}</span>{" "}
        <span className="attendance-role muted">
          {deputy ? t("council.deputyFor", { category: categoryName(row.category) }) : `${roleLabel(t, row.role)} · ${categoryName(row.category)}`}
        </span>
        {flag ? <span className="attendance-unset__mark">{t("attendance.unset")}</span> : null}
        {row.status === "present" && !locked && detail.items.length > 1 ? (
          <span className="attendance-span">
            <SpanSelect row={row} end="from" />
            <SpanSelect row={row} end="until" />
          </span>
        ) : row.span ? (
          <span className="attendance-span muted" data-testid="attendance-span">
            {row.span}
          </span>
        ) : null}
      </Table.Cell>
      <Table.Cell>
        <ToggleGroup
          data-size="sm"
          name={`attendance-${row.membershipId}`}
          aria-label={t("attendance.for", { name: row.personName })}
          value={row.status ?? ""}
          onChange={(v) => setStatus(v as AttendanceStatus)}
          className="attendance-toggle"
        >
          {ATTENDANCE_STATUSES.map((s) => (
            <ToggleGroup.Item key={s} value={s} disabled={locked} data-status={s} data-testid={`attendance-${s}`}>
              {attendanceLabel(t, s)}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup>
      </Table.Cell>
      <Table.Cell>
        {deputy ? (
          <OptionalSelect
            data-size="sm"
            data-testid="substitute-for"
            aria-label={t("attendance.substituteFor", { name: row.personName })}
            none={t("attendance.nobody")}
            options={personOptions(seats)}
            value={row.substituteFor ?? ""}
            disabled={locked}
            onPick={setSubstitute}
          />
        ) : null}
      </Table.Cell>
    </Table.Row>
  );
}

/** When a member present arrived ("from") or left ("until"), by agenda item; quorum per item follows it. */
function SpanSelect({ row, end }: { row: AttendanceRow; end: "from" | "until" }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, actOrAlert } = useMeeting();
  const value = (end === "from" ? row.fromItem : row.untilItem) ?? "";
  const items = detail.items.filter((i) => !i.withdrawn);
  const change = (itemId: string) => {
    const span = { membershipId: row.membershipId, fromItem: row.fromItem, untilItem: row.untilItem, [end === "from" ? "fromItem" : "untilItem"]: itemId || null };
    void actOrAlert(() => backend.setAttendanceSpan(detail.meeting.id, span), t("confirm.attendanceSpan", { name: row.personName }));
  };
  return (
    <Select
      data-size="sm"
      data-testid={`attendance-${end}`}
      aria-label={t(end === "from" ? "attendance.fromLabel" : "attendance.untilLabel", { name: row.personName })}
      value={value}
      onChange={(e) => change(e.target.value)}
    >
      <Select.Option value="">{t(end === "from" ? "attendance.fromStart" : "attendance.toEnd")}</Select.Option>
      {items.map((i) => (
        <Select.Option key={i.id} value={i.id}>
          {t(end === "from" ? "attendance.fromItem" : "attendance.untilItem", { item: i.caseLabel ?? i.title })}
        </Select.Option>
      ))}
    </Select>
  );
}
