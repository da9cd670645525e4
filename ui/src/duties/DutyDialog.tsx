import type { ComponentProps } from "react";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Duty } from "../bindings/Duty";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { MessageKey } from "../i18n/translate";
import { useI18n } from "../i18n/context";
import { FormDialog } from "../components/FormDialog";

/** What a dialog on one duty gets: the duty, its save (answering an ErrorReport or `null`), and its close. */
export type DutyDialogProps<A extends unknown[]> = {
  duty: Duty;
  onSave: (...args: A) => Promise<ErrorReport | null>;
  onClose: () => void;
};

/**
 * The frame of a dialog on one duty of one year (move its due date, waive
 * it, confirm it by hand): a small form dialog titled with the duty and the
 * year (`title` is the catalogue key, with `{kind}` and `{year}`), what to
 * know first (`help`), then the fields.
 */
export function DutyDialog({
  duty,
  title,
  help,
  children,
  ...dialog
}: { duty: Duty; title: MessageKey; help: string } & Omit<ComponentProps<typeof FormDialog>, "title" | "titleSize" | "width">) {
  const { t } = useI18n();
  return (
    <FormDialog title={t(title, { kind: duty.name, year: duty.year })} titleSize="xs" width="small" {...dialog}>
      <Paragraph data-size="sm">{help}</Paragraph>
      {children}
    </FormDialog>
  );
}
