import { createContext } from "react";
import type { ApplicationDetail } from "../bindings/ApplicationDetail";
import { usePageContext, type ActOn, type Done as DoneOn, type PageCtx } from "../lib/pageContext";

/** What a successful write on the application did, said on the page (see `lib/pageContext`). */
export type Done = DoneOn<ApplicationDetail>;

/** Runs an application write (see `lib/pageContext`). */
export type ActOnApplication = ActOn<ApplicationDetail>;

export type ApplicationCtx = PageCtx<ApplicationDetail>;

export const ApplicationContext = createContext<ApplicationCtx | null>(null);

export function useApplication(): ApplicationCtx {
  return usePageContext(ApplicationContext, "application");
}
