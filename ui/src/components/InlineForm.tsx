import { useId, type FormEvent, type ReactNode } from "react";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { FormError } from "./FormError";
import { RowButton } from "./RowButton";

/**
 * A form on a page rather than in a dialog (a payout, a follow-up, a
 * correction): the faults that belong to no field, then the fields and the
 * submit button, a secondary one. By default the fields and the button
 * stand on one row (`row` names the row's modifier, `inline-form__row--<row>`);
 * a `stacked` form puts the button in a row below the fields.
 */
export function InlineForm({
  onSubmit,
  form,
  submit,
  row,
  stacked = false,
  className,
  testId,
  children,
}: {
  onSubmit: (e: FormEvent) => void;
  /** The form's state (`useDraftForm`): the faults above the fields, and whether it is saving. */
  form: { errors: { general: string[] }; saving: boolean };
  submit: { label: string; testId: string };
  row?: string;
  stacked?: boolean;
  /** A class beside the form's own (`inline-form` or, stacked, `form`). */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const own = stacked ? "form" : "inline-form";
  const button = (
    <Button
      type="submit"
      variant="secondary"
      data-size={stacked ? undefined : "sm"}
      data-testid={submit.testId}
      loading={form.saving}
      className={stacked ? undefined : "inline-form__button"}
    >
      {submit.label}
    </Button>
  );
  return (
    <form onSubmit={onSubmit} noValidate className={className ? `${own} ${className}` : own} data-testid={testId}>
      <FormError messages={form.errors.general} />
      {stacked ? (
        <>
          {children}
          <div className="button-row">{button}</div>
        </>
      ) : (
        <div className={row ? `inline-form__row inline-form__row--${row}` : "inline-form__row"}>
          {children}
          {button}
        </div>
      )}
    </form>
  );
}

/**
 * A part of a panel (an agenda item's) that lists what was added and adds
 * more: its heading (which names the section), the rows or what says
 * there are none, then `form`, the inline form that adds a row (`null`
 * where nothing may be added, in approved minutes).
 */
export function ListWithForm<R>({
  title,
  rows,
  none,
  row,
  form,
}: {
  title: string;
  rows: R[];
  none: string;
  /** One row: an `<li>` with its key. */
  row: (r: R) => ReactNode;
  form: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className="item-sub" aria-labelledby={titleId}>
      <Heading level={4} data-size="2xs" id={titleId}>
        {title}
      </Heading>
      {rows.length ? (
        <ul className="plain-list">{rows.map(row)}</ul>
      ) : (
        <Paragraph data-size="sm" className="muted">
          {none}
        </Paragraph>
      )}
      {form}
    </section>
  );
}

/**
 * The small button on a row of a list (remove a follow-up or a profile's
 * entry, withdraw an overruling): it names its row for a screen reader
 * (`ariaLabel`); it runs a write whose refusal the page's alert shows
 * (`actOrAlert`), or opens a dialog. A `RowButton` that is danger by default
 * and runs an action whose promise it lets go.
 */
export function RowAction({
  testId,
  label,
  ariaLabel,
  color = "danger",
  onClick,
}: {
  testId: string;
  label: string;
  ariaLabel: string;
  color?: "danger" | "accent";
  onClick: () => unknown;
}) {
  return (
    <RowButton testid={testId} label={ariaLabel} danger={color === "danger"} onClick={() => void onClick()}>
      {label}
    </RowButton>
  );
}
