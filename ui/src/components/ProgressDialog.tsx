import { useCallback, useRef, useState, type ReactNode } from "react";
import { Alert, Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { ProgressEvent } from "../bindings/ProgressEvent";
import { useBackend, type Job } from "../backend";
import { useI18n } from "../i18n/context";
import type { MessageKey, T } from "../i18n/translate";
import { toErrorReport } from "../lib/errors";

/** What a job counts, as the catalogue's `progress.unit.*` names it. */
export type JobUnit = "files" | "minutes" | "rows" | "pages" | "councils";

/** "12 av 40 protokoller"; before the first step, "Starter …". */
export function progressText(t: T, unit: JobUnit, event: ProgressEvent | null): string {
  if (!event || event.total === 0) return t("progress.starting");
  return t("progress.count", { done: event.done, total: event.total, unit: t(`progress.unit.${unit}` as MessageKey) });
}

/**
 * A long job running: its title, a bar, "12 av 40 protokoller" read out
 * politely as it changes, the step just finished, and "Avbryt".
 */
export function ProgressDialog({
  title,
  unit,
  event,
  cancelling,
  onCancel,
}: {
  title: string;
  unit: JobUnit;
  event: ProgressEvent | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const text = progressText(t, unit, event);
  return (
    <Dialog
      open
      closeButton={false}
      closedby="none"
      onClose={onCancel}
      aria-labelledby="progress-title"
      className="form-dialog form-dialog--small"
      data-testid="progress-dialog"
    >
      <Dialog.Block className="stack stack--tight">
        <Heading level={2} data-size="sm" id="progress-title">
          {title}
        </Heading>
        <progress
          className="progress-bar"
          aria-labelledby="progress-title"
          aria-describedby="progress-text"
          max={event && event.total > 0 ? event.total : undefined}
          value={event && event.total > 0 ? event.done : undefined}
        />
        <Paragraph id="progress-text" aria-live="polite" data-testid="progress-text">
          {cancelling ? t("progress.cancelling") : text}
        </Paragraph>
        {event?.what ? (
          <Paragraph data-size="sm" className="muted break" data-testid="progress-what">
            {event.what}
          </Paragraph>
        ) : null}
        <div className="button-row">
          <Button variant="secondary" data-testid="progress-cancel" onClick={onCancel} disabled={cancelling}>
            {t("progress.cancel")}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

let counter = 0;

/**
 * Runs long jobs with the progress dialog: `run` gives the job an id and a
 * handler for its steps, shows the dialog while it runs, and after "Avbryt"
 * says that nothing was changed. `view` is what the screen renders in place.
 * `run` answers or rejects as the job does (a cancelled job rejects with code
 * "cancelled", which screens already leave unsaid).
 */
export function useJob(): {
  run: <T>(title: string, unit: JobUnit, call: (job: Job) => Promise<T>) => Promise<T>;
  running: boolean;
  view: ReactNode;
} {
  const backend = useBackend();
  const { t } = useI18n();
  const [current, setCurrent] = useState<{ id: string; title: string; unit: JobUnit } | null>(null);
  const [event, setEvent] = useState<ProgressEvent | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const asked = useRef<string | null>(null);

  const run = useCallback(
    async <T,>(title: string, unit: JobUnit, call: (job: Job) => Promise<T>): Promise<T> => {
      const id = `job-${Date.now()}-${++counter}`;
      asked.current = null;
      setCancelled(false);
      setCancelling(false);
      setEvent(null);
      setCurrent({ id, title, unit });
      try {
        return await call({ id, onProgress: setEvent });
      } catch (e) {
        if (asked.current === id && toErrorReport(e).code === "cancelled") setCancelled(true);
        throw e;
      } finally {
        setCurrent(null);
      }
    },
    [],
  );

  const cancel = () => {
    if (!current) return;
    asked.current = current.id;
    setCancelling(true);
    void backend.cancelJob(current.id).catch(() => undefined);
  };

  const view = (
    <>
      {current ? (
        <ProgressDialog title={current.title} unit={current.unit} event={event} cancelling={cancelling} onCancel={cancel} />
      ) : null}
      {cancelled ? (
        <Alert data-color="info" role="status" data-testid="job-cancelled" className="page-alert">
          <Paragraph>{t("progress.cancelled")}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
  return { run, running: current !== null, view };
}
