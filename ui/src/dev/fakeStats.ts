// DEV ONLY: the chart figures of the in-memory fake backend, computed from
// the fake's meetings and attendance the way core/src/store/stats.rs does.
import type { AttendanceYear } from "../bindings/AttendanceYear";
import type { Council } from "../bindings/Council";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { MemberAttendance } from "../bindings/MemberAttendance";
import type { Membership } from "../bindings/Membership";
import { CATEGORIES } from "../lib/labels";
import type { MeetingState } from "./fakeMeetings";

type Host = {
  councils: () => Council[];
  memberships: () => Membership[];
  meetings: () => MeetingState;
  sitsOn: (m: Membership, day: string) => boolean;
  wait: <T>(value: () => T) => Promise<T>;
};

export function statsMethods(host: Host) {
  const attendanceByMember = (councilId: string, year: number): AttendanceYear => {
    if (!host.councils().some((c) => c.id === councilId)) {
      throw { code: "not_found", message: "Fant ikke utvalget.", fields: [] } satisfies ErrorReport;
    }
    const { meetings, attendance } = host.meetings();
    const held = meetings.filter((m) => m.councilId === councilId && (m.status === "held" || m.status === "approved"));
    const years = [...new Set(held.map((m) => Number(m.date.slice(0, 4))))].sort((a, b) => b - a);
    const inYear = held.filter((m) => m.date.startsWith(`${year}-`));
    const members: MemberAttendance[] = [];
    for (const ms of host.memberships().filter((m) => m.councilId === councilId)) {
      const row: MemberAttendance = {
        membershipId: ms.id,
        personName: ms.person.name,
        category: ms.category,
        role: ms.role,
        expected: 0,
        present: 0,
        excused: 0,
        absent: 0,
        notRecorded: 0,
        standIn: 0,
      };
      let seen = false;
      for (const m of inYear) {
        const expected = ms.role !== "varamedlem" && host.sitsOn(ms, m.date);
        const a = attendance.find((r) => r.meetingId === m.id && r.membershipId === ms.id);
        if (expected) row.expected++;
        if (a?.status === "present") row.present++;
        if (a?.status === "excused") row.excused++;
        if (a?.status === "absent") row.absent++;
        if (a?.status === "present" && a.substituteFor) row.standIn++;
        if (expected && !a) row.notRecorded++;
        seen ||= expected || !!a;
      }
      if (seen) members.push(row);
    }
    const order = (m: MemberAttendance) => [m.role === "varamedlem" ? 1 : 0, CATEGORIES.indexOf(m.category)] as const;
    members.sort((a, b) => {
      const [ra, ca] = order(a);
      const [rb, cb] = order(b);
      return ra - rb || ca - cb || a.personName.localeCompare(b.personName, "nb");
    });
    return { councilId, year, held: inYear.length, years, members };
  };
  return {
    attendanceByMember: (councilId: string, year: number) => host.wait(() => attendanceByMember(councilId, year)),
  };
}
