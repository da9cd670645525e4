import type { ComponentProps } from "react";
import { Select } from "@digdir/designsystemet-react";
import type { Option } from "./fields";

/**
 * A choice that may be left open: first the option that picks nothing
 * (`none`: "Velg…", "Alle år"), then `options`. `onPick` gets the value
 * chosen, or null for none.
 */
export function OptionalSelect({
  none,
  options,
  value,
  onPick,
  ...select
}: {
  none: string;
  options: readonly Option[];
  value: string;
  onPick: (value: string | null) => void;
} & Omit<ComponentProps<typeof Select>, "value" | "onChange" | "children"> & { [key: `data-${string}`]: string | undefined }) {
  return (
    <Select {...select} value={value} onChange={(e) => onPick(e.target.value || null)}>
      <Select.Option value="">{none}</Select.Option>
      {options.map((o) => (
        <Select.Option key={o.value} value={o.value}>
          {o.label}
        </Select.Option>
      ))}
    </Select>
  );
}

/** The people of a meeting's attendance as options, by their membership. */
export const personOptions = (rows: readonly { membershipId: string; personName: string }[]): Option[] =>
  rows.map((r) => ({ value: r.membershipId, label: r.personName }));
