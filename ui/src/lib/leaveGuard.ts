// The question before leaving a screen with unsaved text. A screen that can
// hold unsaved text registers a guard; the App asks it before every
// navigation and, when it names something unsaved, asks the user first.
import { useEffect, useRef } from "react";

export type LeaveGuard = {
  /** What is unsaved, in the user's words (e.g. "Sak 01/26"); empty when nothing is. */
  unsaved: () => string[];
  /** The user chose to leave without saving: the kept text is thrown away. */
  discard: () => void;
  /** The user chose to stay: show them the first unsaved text. */
  stay: () => void;
};

let current: LeaveGuard | null = null;

/** The guard of the screen shown now, if it has one. */
export function leaveGuard(): LeaveGuard | null {
  return current;
}

/** Registers the screen's guard while it is shown; the guard may change between renders. */
export function useLeaveGuard(guard: LeaveGuard) {
  const ref = useRef(guard);
  ref.current = guard;
  useEffect(() => {
    const stable: LeaveGuard = {
      unsaved: () => ref.current.unsaved(),
      discard: () => ref.current.discard(),
      stay: () => ref.current.stay(),
    };
    current = stable;
    return () => {
      if (current === stable) current = null;
    };
  }, []);
}
