import { useId, type FormEvent, type ReactNode } from "react";
import { Button, Dialog, Heading } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import { FormError } from "./FormError";

/**
 * A dialog around one form, as every form dialog of the app is built: its
 * title (which names it), the form's faults that belong to no field, the
 * fields, and a row of the submit button, any other actions and «Avbryt»;
 * below the form, a `footer` if any. Esc, the close button and «Avbryt» all
 * call `onClose`.
 */
export function FormDialog({
  title,
  titleSize = "sm",
  width,
  size,
  onClose,
  onSubmit,
  form,
  submit,
  actions,
  footer,
  children,
}: {
  title: ReactNode;
  titleSize?: "xs" | "sm";
  /** `small` for a question with a field or two, `member` for a long form. */
  width?: "small" | "member";
  /** The design system's smaller text and spacing. */
  size?: "sm";
  onClose: () => void;
  onSubmit: (e: FormEvent) => void;
  /** The form's state (`useDraftForm`): the faults shown above the fields, and whether it is saving. */
  form: { errors: { general: string[] }; saving: boolean };
  submit: { label: string; testId: string; danger?: boolean; disabled?: boolean };
  /**
   * Buttons after the submit button. A dialog that has such (`null` while it
   * has none) shows «Avbryt» as a tertiary button, so that it stays in place.
   */
  actions?: ReactNode;
  /** A block below the form (e.g. a person's data on a member's form). */
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <Dialog
      open
      onClose={onClose}
      closeButton={t("form.close")}
      aria-labelledby={titleId}
      className={width ? `form-dialog form-dialog--${width}` : "form-dialog"}
      data-size={size}
    >
      <Dialog.Block>
        <Heading level={2} data-size={titleSize} id={titleId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={onSubmit} noValidate className="form">
          <FormError messages={form.errors.general} />
          {children}
          <div className="button-row">
            <Button type="submit" data-testid={submit.testId} data-color={submit.danger ? "danger" : undefined} loading={form.saving} disabled={submit.disabled}>
              {submit.label}
            </Button>
            {actions}
            <Button type="button" variant={actions === undefined ? "secondary" : "tertiary"} onClick={onClose}>
              {t("form.cancel")}
            </Button>
          </div>
        </form>
      </Dialog.Block>
      {footer ? <Dialog.Block>{footer}</Dialog.Block> : null}
    </Dialog>
  );
}
