import type { FormEvent, ReactNode } from "react";
import { Button, Dialog, Heading } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import { FormError } from "./FormError";

/**
 * A dialog around one form, as every form dialog of the app is built: its
 * title, the form's faults that belong to no field, the fields, and a row of
 * the submit button and «Avbryt». Esc, the close button and «Avbryt» all
 * call `onClose`.
 */
export function FormDialog({
  titleId,
  title,
  titleSize = "sm",
  width,
  size,
  onClose,
  onSubmit,
  faults,
  submit,
  children,
}: {
  /** The heading's id, which names the dialog (`aria-labelledby`). */
  titleId: string;
  title: ReactNode;
  titleSize?: "xs" | "sm";
  /** `small` for a question with a field or two, `member` for a long form. */
  width?: "small" | "member";
  /** The design system's smaller text and spacing. */
  size?: "sm";
  onClose: () => void;
  onSubmit: (e: FormEvent) => void;
  /** The faults shown above the fields (`useFormErrors().general`). */
  faults: string[];
  submit: { label: string; testId: string; saving: boolean; danger?: boolean };
  children: ReactNode;
}) {
  const { t } = useI18n();
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
          <FormError messages={faults} />
          {children}
          <div className="button-row">
            <Button type="submit" data-testid={submit.testId} data-color={submit.danger ? "danger" : undefined} loading={submit.saving}>
              {submit.label}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t("form.cancel")}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
