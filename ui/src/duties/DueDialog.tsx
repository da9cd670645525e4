import { useEffect, useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Duty } from "../bindings/Duty";
import type { ErrorReport } from "../bindings/ErrorReport";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { dateFault, dateWords, formatDate, readDateField } from "../lib/dates";
import { useFormErrors } from "../lib/useFormErrors";
import { DateField } from "../components/fields";
import { FormError } from "../components/FormError";

const ORDER = ["duty-due"] as const;
const IDS = { due: "duty-due" };

/** Moves a duty's due date for this council and year, or restores the built-in one (`null`). */
export function DueDialog({
  duty,
  onSave,
  onClose,
}: {
  duty: Duty;
  onSave: (due: string | null) => Promise<ErrorReport | null>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  useReturnFocus();
  const [due, setDue] = useState(formatDate(duty.due));
  const [saving, setSaving] = useState<"save" | "restore" | null>(null);
  const errors = useFormErrors(ORDER, IDS);
  const kind = duty.name;

  useEffect(() => {
    const el = document.getElementById("duty-due") as HTMLInputElement | null;
    el?.focus();
    el?.select();
  }, []);

  const save = async (value: string | null, how: "save" | "restore") => {
    setSaving(how);
    const report = await onSave(value);
    setSaving(null);
    if (report) errors.showReport(report);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = readDateField(due, false);
    if (!parsed.ok) {
      errors.showLocal({ "duty-due": dateFault(parsed, dateWords(t)) });
      return;
    }
    await save(parsed.iso, "save");
  };

  return (
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby="due-title" className="form-dialog form-dialog--small">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="due-title">
          {t("due.title", { kind, year: duty.year })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={submit} noValidate className="form">
          <FormError messages={errors.general} />
          <Paragraph data-size="sm">{duty.defaultDue ? t("due.isDefault") : t("due.isChanged")}</Paragraph>
          <DateField
            id="duty-due"
            label={t("due.label")}
            description={t("date.help")}
            value={due}
            onChange={(v) => {
              setDue(v);
              errors.clearField("duty-due");
            }}
            error={errors.fields["duty-due"]}
          />
          <div className="button-row">
            <Button type="submit" data-testid="save-due" loading={saving === "save"} disabled={saving !== null}>
              {t("due.save")}
            </Button>
            {!duty.defaultDue ? (
              <Button
                type="button"
                variant="secondary"
                data-testid="restore-due"
                loading={saving === "restore"}
                disabled={saving !== null}
                onClick={() => void save(null, "restore")}
              >
                {t("due.restore")}
              </Button>
            ) : null}
            <Button type="button" variant="tertiary" onClick={onClose}>
              {t("form.cancel")}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
