import { useContext, type Context } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";

/**
 * What a successful write did, said on the page: the words, or a function
 * that finds them in the fresh detail the write answered (e.g. the payout
 * just added, the case number an added item got).
 */
export type Done<D> = string | ((fresh: D) => string);

/**
 * Runs a write on a page's detail (a meeting, an application): the last
 * confirmation goes when it starts; on success the page re-renders from the
 * fresh detail, says `done` and `null` comes back; on failure the
 * ErrorReport comes back for the caller's form (nothing is shown by `act`
 * itself).
 */
export type ActOn<D> = (call: () => Promise<D>, done?: Done<D>) => Promise<ErrorReport | null>;

/** What the parts of a page with one detail share: the detail, `act`, and `actOrAlert`, which shows a refusal in the page's alert (for buttons without a form). */
export type PageCtx<D> = {
  detail: D;
  act: ActOn<D>;
  actOrAlert: (call: () => Promise<D>, done?: Done<D>) => Promise<void>;
};

/** The page's context, which every part of the page stands inside (`what` names it in the error when one does not). */
export function usePageContext<C>(context: Context<C | null>, what: string): C {
  const ctx = useContext(context);
  if (!ctx) throw new Error(`No ${what} provided`);
  return ctx;
}
