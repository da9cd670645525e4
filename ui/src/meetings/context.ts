import { createContext, useContext } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { MeetingDetail } from "../bindings/MeetingDetail";

/**
 * What a successful mutation did, said on the page: the words, or a function
 * that finds them in the fresh MeetingDetail (e.g. the case number an added
 * item got).
 */
export type Done = string | ((fresh: MeetingDetail) => string);

/**
 * Runs a meeting mutation: the last confirmation goes when it starts; on
 * success the page re-renders from the fresh MeetingDetail it returns, says
 * `done` and `null` comes back; on failure the ErrorReport comes back for
 * the caller's form (nothing is shown by `act` itself).
 */
export type Act = (call: () => Promise<MeetingDetail>, done?: Done) => Promise<ErrorReport | null>;

export type MeetingCtx = {
  detail: MeetingDetail;
  act: Act;
  /** Runs a mutation and shows a failure in the page's alert (for buttons without a form). */
  actOrAlert: (call: () => Promise<MeetingDetail>, done?: Done) => Promise<void>;
  /** Approved minutes: everything is read-only. */
  locked: boolean;
  selectItem: (itemId: string) => void;
};

export const MeetingContext = createContext<MeetingCtx | null>(null);

export function useMeeting(): MeetingCtx {
  const ctx = useContext(MeetingContext);
  if (!ctx) throw new Error("No meeting provided");
  return ctx;
}
