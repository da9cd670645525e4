import { SelectField } from "./fields";

/** A year to show, picked from `years` (a section's own: the duties, the account, the attendance chart), in a box of `className`. */
export function YearSelect({
  id,
  label,
  year,
  years,
  onYear,
  className,
}: {
  id: string;
  label: string;
  year: number;
  years: readonly number[];
  onYear: (year: number) => void;
  className: string;
}) {
  return (
    <div className={className}>
      <SelectField
        id={id}
        label={label}
        value={String(year)}
        onChange={(v) => onYear(Number(v))}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
    </div>
  );
}
