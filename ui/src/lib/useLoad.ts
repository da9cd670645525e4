import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";
import { toErrorReport } from "./errors";

export type Loaded<T> =
  | { status: "loading" }
  | { status: "error"; error: ErrorReport }
  | { status: "ready"; data: T };

/**
 * Runs `load` when `key` changes; `reload` runs it again and keeps the old
 * data on screen meanwhile. `first`: the data of the first key, already at
 * hand (a screen's one answer for all its sections), so it is not asked for.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, first?: T): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>(first !== undefined ? { status: "ready", data: first } : { status: "loading" });
  const firstKey = useRef(first !== undefined ? key : null);
  const run = useCallback(async () => {
    try {
      const data = await load();
      setState({ status: "ready", data });
    } catch (e) {
      setState({ status: "error", error: toErrorReport(e) });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => {
    if (firstKey.current === key) {
      firstKey.current = null;
      return;
    }
    firstKey.current = null;
    setState({ status: "loading" });
    void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);
  return [state, run];
}

/**
 * As [`useLoad`], for data asked for again as the user changes what is shown
 * (a filter, a sort): when `key` changes the data on screen stays until the
 * new answer comes, `pending` meanwhile, and an answer to an older key is
 * dropped (the user may type faster than the core answers).
 */
export function useKeptLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, boolean, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [answered, setAnswered] = useState<string | null>(null);
  const latest = useRef(key);
  latest.current = key;
  const run = useCallback(async () => {
    try {
      const data = await load();
      if (latest.current !== key) return;
      setState({ status: "ready", data });
    } catch (e) {
      if (latest.current !== key) return;
      setState({ status: "error", error: toErrorReport(e) });
    }
    setAnswered(key);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => {
    void run();
  }, [run]);
  return [state, answered !== key, run];
}
