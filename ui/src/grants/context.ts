import { createContext, useContext } from "react";
import type { ApplicationDetail } from "../bindings/ApplicationDetail";
import type { ErrorReport } from "../bindings/ErrorReport";

/**
 * What a successful write did, said on the page: the words, or a function
 * that finds them in the fresh ApplicationDetail (e.g. the payout just added).
 */
export type Done = string | ((fresh: ApplicationDetail) => string);

/**
 * Runs an application write: the last confirmation goes when it starts; on
 * success the page re-renders from the fresh ApplicationDetail, says `done`
 * and `null` comes back; on failure the ErrorReport comes back for the
 * caller's form.
 */
export type ActOnApplication = (call: () => Promise<ApplicationDetail>, done?: Done) => Promise<ErrorReport | null>;

export type ApplicationCtx = {
  detail: ApplicationDetail;
  act: ActOnApplication;
  /** Runs a write and shows a refusal in the page's alert (buttons without a form). */
  actOrAlert: (call: () => Promise<ApplicationDetail>, done?: Done) => Promise<void>;
};

export const ApplicationContext = createContext<ApplicationCtx | null>(null);

export function useApplication(): ApplicationCtx {
  const ctx = useContext(ApplicationContext);
  if (!ctx) throw new Error("No application provided");
  return ctx;
}
