import { useCallback, useState } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";
import { toErrorReport } from "../lib/errors";

/**
 * An action that goes through a file dialog (an export, a read-in): which
 * one is running (`busy`, for its button's spinner; the others wait), and
 * what the core refused (`refused`, or `onRefused` where the screen has one
 * place for every refusal). A dialog the person cancelled says nothing.
 */
export function useFileAction<K = true>(onRefused?: (report: ErrorReport) => void) {
  const [busy, setBusy] = useState<K | null>(null);
  const [refused, setRefused] = useState<ErrorReport | null>(null);
  /** Runs `call`, then `done` with its answer. */
  const run = useCallback(
    async <T>(which: K, call: () => Promise<T>, done: (answer: T) => void | Promise<void>) => {
      setBusy(which);
      setRefused(null);
      try {
        await done(await call());
      } catch (e) {
        const report = toErrorReport(e);
        if (report.code !== "cancelled") (onRefused ?? setRefused)(report);
      } finally {
        setBusy(null);
      }
    },
    [onRefused],
  );
  return { busy, refused, setRefused, run };
}
