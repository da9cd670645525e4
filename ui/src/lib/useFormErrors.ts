import { useCallback, useEffect, useState } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";
import { firstInvalid, splitErrors, type FieldErrors } from "./errors";
import { useI18n } from "../i18n/context";

/**
 * The error state of one form: messages by input id, the general messages,
 * and focus on the first invalid field after each failed save.
 */
export function useFormErrors(order: readonly string[], fieldToId: Record<string, string>) {
  const { t } = useI18n();
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [focusTick, setFocusTick] = useState(0);

  useEffect(() => {
    if (focusTick === 0) return;
    const id = firstInvalid(order, fields);
    const el = id ? document.getElementById(id) : null;
    if (el) {
      // Centre it in its scroll area (the page or a dialog) so its label stays in view;
      // focus() alone would scroll just far enough to show the input itself.
      el.scrollIntoView({ block: "center" });
      el.focus({ preventScroll: true });
    }
    // only after a failed save, not on every keystroke
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusTick]);

  /**
   * Errors found in the UI before anything was sent, with what the backend
   * found in the other fields when it was asked to check them (`other`).
   */
  const showLocal = useCallback(
    (local: FieldErrors, other?: ErrorReport | null) => {
      const more = other && other.code === "invalid" ? splitErrors(other, fieldToId).fields : {};
      setFields({ ...more, ...local });
      setGeneral([t("form.fixFields")]);
      setFocusTick((n) => n + 1);
    },
    [fieldToId, t],
  );

  /** An error report from the backend. */
  const showReport = useCallback(
    (report: ErrorReport) => {
      const { fields: f, other } = splitErrors(report, fieldToId);
      setFields(f);
      // "invalid": the field messages say it all, the alert sums up. Any other
      // code: the backend's own message.
      const head = report.code === "invalid" && Object.keys(f).length > 0 ? t("form.fixFields") : report.message;
      setGeneral([head, ...other.filter((m) => m !== head)]);
      setFocusTick((n) => n + 1);
    },
    [fieldToId, t],
  );

  const clear = useCallback(() => {
    setFields({});
    setGeneral([]);
  }, []);

  /** Forget the message of one field once the user edits it. */
  const clearField = useCallback((id: string) => {
    setFields((f) => {
      if (!(id in f)) return f;
      const { [id]: _gone, ...rest } = f;
      return rest;
    });
  }, []);

  return { fields, general, showLocal, showReport, clear, clearField };
}
