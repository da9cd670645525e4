import { createContext, useContext } from "react";
import type { ApplicationDetail } from "../bindings/ApplicationDetail";
import type { ErrorReport } from "../bindings/ErrorReport";

/**
 * Runs an application write: on success the page re-renders from the fresh
 * ApplicationDetail and `null` comes back; on failure the ErrorReport comes
 * back for the caller's form.
 */
export type ActOnApplication = (call: () => Promise<ApplicationDetail>) => Promise<ErrorReport | null>;

export type ApplicationCtx = {
  detail: ApplicationDetail;
  act: ActOnApplication;
  /** Runs a write and shows a refusal in the page's alert (buttons without a form). */
  actOrAlert: (call: () => Promise<ApplicationDetail>) => Promise<void>;
};

export const ApplicationContext = createContext<ApplicationCtx | null>(null);

export function useApplication(): ApplicationCtx {
  const ctx = useContext(ApplicationContext);
  if (!ctx) throw new Error("No application provided");
  return ctx;
}
