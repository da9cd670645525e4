import type { AttendanceYear } from "../bindings/AttendanceYear";
import type { MemberAttendance } from "../bindings/MemberAttendance";
import { useI18n } from "../i18n/context";
import { roleLabel } from "../lib/labels";
import { StackedBars, type BarRow, type BarSeries } from "./StackedBars";

/** A member's bar: present, forfall, absent and not recorded (a varamedlem: the meetings they met). */
export function attendanceValues(m: MemberAttendance): number[] {
  return [m.present, m.excused, m.absent, m.notRecorded];
}

/** Each member's attendance over the year's held meetings, against the meetings they were expected at. */
export function AttendanceChart({ data, testid = "attendance-chart" }: { data: AttendanceYear; testid?: string }) {
  const { t } = useI18n();
  const series: BarSeries[] = [
    { key: "present", label: t("attendance.present"), fill: "solid" },
    { key: "excused", label: t("attendance.excused"), fill: "dots" },
    { key: "absent", label: t("attendance.absent"), fill: "cross" },
    { key: "notRecorded", label: t("chart.attendance.notRecorded"), fill: "grey" },
  ];
  const rows: BarRow<MemberAttendance>[] = data.members.map((m) => ({
    key: m.membershipId,
    label: m.personName,
    values: attendanceValues(m),
    total: m.expected,
    end:
      m.role === "varamedlem"
        ? t("chart.attendance.standInEnd", { count: m.standIn })
        : t("chart.attendance.end", { present: m.present, expected: m.expected }),
    data: m,
  }));
  const count = (pick: (m: MemberAttendance) => number) => (r: BarRow<MemberAttendance>) => pick(r.data);
  return (
    <StackedBars
      title={t("chart.attendance.title", { year: data.year })}
      summary={t("chart.attendance.summary", { year: data.year, held: data.held })}
      series={series}
      rows={rows}
      format={String}
      rowHeader={t("chart.attendance.member")}
      columns={[
        { key: "role", label: t("chart.attendance.role"), cell: (r) => roleLabel(t, r.data.role) },
        { key: "expected", label: t("chart.attendance.expected"), num: true, cell: count((m) => m.expected) },
        { key: "present", label: t("attendance.present"), num: true, cell: count((m) => m.present) },
        { key: "excused", label: t("attendance.excused"), num: true, cell: count((m) => m.excused) },
        { key: "absent", label: t("attendance.absent"), num: true, cell: count((m) => m.absent) },
        { key: "notRecorded", label: t("chart.attendance.notRecorded"), num: true, cell: count((m) => m.notRecorded) },
        { key: "standIn", label: t("chart.attendance.standIn"), num: true, cell: count((m) => m.standIn) },
      ]}
      empty={t("chart.attendance.empty", { year: data.year })}
      testid={testid}
    />
  );
}
