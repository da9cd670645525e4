import type { ErrorReport } from "../bindings/ErrorReport";
import { toErrorReport } from "../lib/errors";

/**
 * A new dialog's save: creates the thing, opens its own page, and says what
 * was made there (after navigating, so that page says it). A refusal goes
 * back to the dialog, which shows it at its fields.
 */
export async function createAndOpen<D>(
  create: () => Promise<D>,
  { clear, confirm, close, open, said }: { clear: () => void; confirm: (text: string) => void; close: () => void; open: (made: D) => void; said: (made: D) => string },
): Promise<ErrorReport | null> {
  clear();
  try {
    const made = await create();
    close();
    open(made);
    confirm(said(made));
    return null;
  } catch (e) {
    return toErrorReport(e);
  }
}
