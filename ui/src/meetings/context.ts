import { createContext } from "react";
import type { MeetingDetail } from "../bindings/MeetingDetail";
import { usePageContext, type ActOn, type Done as DoneOn, type PageCtx } from "../lib/pageContext";

/** What a successful meeting mutation did, said on the page (see `lib/pageContext`). */
export type Done = DoneOn<MeetingDetail>;

/** Runs a meeting mutation (see `lib/pageContext`). */
export type Act = ActOn<MeetingDetail>;

export type MeetingCtx = PageCtx<MeetingDetail> & {
  /** Approved minutes: everything is read-only. */
  locked: boolean;
  selectItem: (itemId: string) => void;
};

export const MeetingContext = createContext<MeetingCtx | null>(null);

export function useMeeting(): MeetingCtx {
  return usePageContext(MeetingContext, "meeting");
}
