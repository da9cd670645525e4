import type { ErrorCode } from "../bindings/ErrorCode";
import type { ErrorReport } from "../bindings/ErrorReport";

/** Any rejection as an ErrorReport: the backend's own, or one made from whatever was thrown (code "internal"). */
export function toErrorReport(e: unknown): ErrorReport {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const r = e as Partial<ErrorReport>;
    return {
      code: String(r.code) as ErrorCode,
      message: String(r.message),
      fields: Array.isArray(r.fields) ? r.fields : [],
    };
  }
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : String(e);
  return { code: "internal", message, fields: [] };
}

/** Runs a write and answers `null`, or the ErrorReport it was refused with (for `useDraftForm().save`). */
export async function refusal(write: () => Promise<unknown>): Promise<ErrorReport | null> {
  try {
    await write();
    return null;
  } catch (e) {
    return toErrorReport(e);
  }
}

/**
 * Runs a write the user may cancel (an export's save dialog): answers the
 * message it was refused with, or `null` when it went through or was cancelled.
 */
export async function refusalMessage(write: () => Promise<unknown>): Promise<string | null> {
  const report = await refusal(write);
  return report && report.code !== "cancelled" ? report.message : null;
}

export type FieldErrors = Record<string, string>;

/** A form's draft read into what the backend takes, or the faults found on the way (by input id). */
export type Parsed<I> = { ok: true; input: I } | { ok: false; errors: FieldErrors };

/**
 * Splits an error report over a form: messages for fields the form knows
 * (keyed by input id, through `fieldToId`) and the rest for the general alert.
 */
export function splitErrors(
  report: ErrorReport,
  fieldToId: Record<string, string>,
): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const f of report.fields) {
    const id = fieldToId[f.field];
    if (id && !(id in fields)) fields[id] = f.message;
    else if (!id) other.push(f.message);
  }
  return { fields, other };
}

/** The first id in `order` that has an error. */
export function firstInvalid(order: readonly string[], errors: FieldErrors): string | undefined {
  return order.find((id) => id in errors);
}
