import { useCallback, useEffect, useState } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";
import { toErrorReport } from "./errors";

export type Loaded<T> =
  | { status: "loading" }
  | { status: "error"; error: ErrorReport }
  | { status: "ready"; data: T };

/** Runs `load` when `key` changes; `reload` runs it again and keeps the old data on screen meanwhile. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
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
    setState({ status: "loading" });
    void run();
  }, [run]);
  return [state, run];
}
