import {
  Field,
  Input,
  Label,
  Select,
  Textarea,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useI18n } from "../i18n/context";
import { textLimit } from "../bindings/limits";

/** The id of a field's error message: the end-to-end tests rely on `<input id>-error`. */
export const errorId = (id: string) => `${id}-error`;
const descId = (id: string) => `${id}-description`;
const counterId = (id: string) => `${id}-counter`;

/** The share of a field's limit from which its counter shows. */
const COUNTER_FROM = 0.8;

/**
 * The counter of a field with a limit (`limit` names the field as core
 * does, see bindings/limits.ts), once the text nears it: core enforces the
 * limit, the counter says it before the save does.
 */
export function counterOf(limit: string | undefined, value: string): { length: number; max: number } | null {
  if (!limit) return null;
  const max = textLimit(limit);
  const length = [...value].length;
  return length >= max * COUNTER_FROM ? { length, max } : null;
}

function describedBy(id: string, description?: ReactNode, error?: string, counter?: boolean): string | undefined {
  const ids = [error ? errorId(id) : null, description ? descId(id) : null, counter ? counterId(id) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/**
 * What every field's control takes from its field: its id (also its name),
 * its value and change, and what it tells a screen reader (invalid, and which
 * texts describe it).
 */
function controlProps<V extends string>(
  { id, description, error }: Pick<Common, "id" | "description" | "error">,
  value: V,
  onChange: (value: V) => void,
  counter?: boolean,
) {
  return {
    id,
    name: id,
    value,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value as V),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, description, error, counter),
  };
}

type Common = {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  className?: string;
  /** The field's name as core names it, for its length limit and counter. */
  limit?: string;
};

function FieldShell({
  id,
  label,
  description,
  error,
  className,
  counter,
  children,
}: Omit<Common, "limit"> & { counter?: { length: number; max: number } | null; children: ReactNode }) {
  const { t } = useI18n();
  const over = counter ? counter.length - counter.max : 0;
  return (
    <Field className={className}>
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description id={descId(id)}>{description}</Field.Description> : null}
      {children}
      {counter ? (
        <p id={counterId(id)} className={over > 0 ? "field-counter field-counter--over" : "field-counter"} data-testid="field-counter">
          {over > 0 ? t("field.counterOver", { length: counter.length, max: counter.max, over }) : t("field.counter", { length: counter.length, max: counter.max })}
        </p>
      ) : null}
      {error ? <ValidationMessage id={errorId(id)}>{error}</ValidationMessage> : null}
    </Field>
  );
}

type TextFieldProps = Common & {
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "tel" | "number";
  inputMode?: InputHTMLAttributes<HTMLInputElement>["inputMode"];
  autoComplete?: string;
  placeholder?: string;
  min?: number;
  width?: "narrow" | "date";
  readOnly?: boolean;
};

/** A labelled one-line text input with its description and error message. */
export function TextField({ value, onChange, type = "text", inputMode, autoComplete, placeholder, min, width, readOnly, limit, ...common }: TextFieldProps) {
  const counter = counterOf(limit, value);
  return (
    <FieldShell {...common} counter={counter}>
      <Input
        {...controlProps(common, value, onChange, !!counter)}
        type={type}
        min={min}
        readOnly={readOnly}
        inputMode={inputMode}
        autoComplete={autoComplete ?? "off"}
        placeholder={placeholder}
        className={width ? `input-${width}` : undefined}
      />
    </FieldShell>
  );
}

/** A date typed as dd.mm.åååå in a plain text field (never type=date); the placeholder says so in the user's language. */
export function DateField(props: Omit<TextFieldProps, "type" | "inputMode" | "width">) {
  const { t } = useI18n();
  return <TextField {...props} inputMode="numeric" placeholder={t("date.placeholder")} width="date" />;
}

export function TextAreaField({
  value,
  onChange,
  rows = 4,
  limit,
  ...common
}: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  const counter = counterOf(limit, value);
  return (
    <FieldShell {...common} counter={counter}>
      <Textarea {...controlProps(common, value, onChange, !!counter)} rows={rows} />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

/** A labelled select; `V` narrows the value to the options' own type (a kind, a role). */
export function SelectField<V extends string = string>({
  value,
  onChange,
  options,
  ...common
}: Common & { value: V; onChange: (value: V) => void; options: Option[] }) {
  return (
    <FieldShell {...common}>
      <Select {...controlProps(common, value, onChange)}>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </FieldShell>
  );
}
