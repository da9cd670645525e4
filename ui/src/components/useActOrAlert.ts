import { useCallback } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";

/**
 * An action with no form of its own to show a refusal in (a button on a
 * screen): runs `act`, and a refusal goes to the screen's alert as its
 * message and what its fields say (e.g. "place" on send_notice), each once.
 */
export function useActOrAlert<A extends unknown[]>(act: (...args: A) => Promise<ErrorReport | null>, alert: (lines: string[]) => void) {
  return useCallback(
    async (...args: A) => {
      const report = await act(...args);
      if (report) alert([...new Set([report.message, ...report.fields.map((f) => f.message)])]);
    },
    [act, alert],
  );
}
