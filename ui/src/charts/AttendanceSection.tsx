import { useEffect, useRef, useState } from "react";
import { useBackend } from "../backend";
import type { AttendanceYear } from "../bindings/AttendanceYear";
import { useI18n } from "../i18n/context";
import { todayIso } from "../lib/dates";
import { useLoad } from "../lib/useLoad";
import { YearSelect } from "../components/YearSelect";
import { AttendanceChart } from "./AttendanceChart";
import { preferredYear, yearChoices } from "./attendanceModel";
import { SectionLoad } from "../components/Loading";
import { Section } from "../components/Section";

/** The council page's attendance over a year, member by member, with a year picker. */
export function AttendanceSection({ councilId, first }: { councilId: string; first?: AttendanceYear | undefined }) {
  const backend = useBackend();
  const { t } = useI18n();
  const today = todayIso();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const chosen = useRef(false);
  const [state, reload] = useLoad(
    () => backend.attendanceByMember(councilId, year),
    `${councilId}/${year}`,
    first?.year === year ? first : undefined,
  );
  const data = state.status === "ready" && state.data.year === year ? state.data : null;

  useEffect(() => {
    if (!data || chosen.current) return;
    const better = preferredYear(today, data);
    if (better !== null) setYear(better);
  }, [data, today]);

  return (
    <Section id="attendance-chart-title" title={t("chart.attendance.heading")} testid="attendance-section" actions={null}>
      <YearSelect
        id="attendance-year"
        label={t("chart.year")}
        className="chart-controls"
        year={year}
        years={yearChoices(today, year, data?.years ?? [])}
        onYear={(y) => {
          chosen.current = true;
          setYear(y);
        }}
      />
      <SectionLoad state={state} onRetry={() => void reload()} />
      {data ? <AttendanceChart data={data} /> : null}
    </Section>
  );
}
