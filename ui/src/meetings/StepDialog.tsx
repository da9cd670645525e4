import { useRef, useState } from "react";
import { Alert, Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { meetingStatusLabel } from "../lib/labels";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useMeeting } from "./context";

/** A change of the meeting's status: the next step, or taking the last one back. */
export type StatusStep = "send-notice" | "mark-held" | "undo";

/**
 * The question before a status change, saying what it will do: the notice
 * numbers the items; a meeting marked held before its date says so; an empty
 * agenda is pointed out; an undo says where the meeting goes back to. The
 * button ignores a second click while the change runs.
 */
export function StepDialog({ step, onConfirm, onClose }: { step: StatusStep; onConfirm: () => Promise<void>; onClose: () => void }) {
  const { t } = useI18n();
  const { detail } = useMeeting();
  // The button that asked may be gone (the next step took its place): then the title takes the focus.
  useReturnFocus();
  const [running, setRunning] = useState(false);
  const started = useRef(false);
  const m = detail.meeting;
  const date = formatDate(m.date);
  const daysUntil = detail.lifecycle.daysUntil ?? 0;
  const items = detail.items.filter((i) => !i.withdrawn).length;
  const undoTo = detail.lifecycle.undoTo;

  const confirm = async () => {
    if (started.current) return;
    started.current = true;
    setRunning(true);
    await onConfirm();
  };

  let title: string;
  let text: string;
  let warning: string | null = null;
  let button: string;
  if (step === "send-notice") {
    title = t("step.notice.title");
    text = t("step.notice.text", { count: items });
    if (items === 0) warning = t("step.notice.empty");
    button = items === 0 ? t("step.notice.confirmEmpty") : t("step.notice.confirm");
  } else if (step === "mark-held") {
    title = t("step.held.title", { date });
    text = t("step.held.text");
    if (daysUntil > 0) warning = daysUntil === 1 ? t("step.held.earlyOne", { date }) : t("step.held.early", { date, days: daysUntil });
    button = daysUntil > 0 ? t("step.held.confirmEarly") : t("step.held.confirm");
  } else {
    const to = undoTo ? meetingStatusLabel(t, undoTo) : "";
    title = t("step.undo.title");
    text = m.status === "held" ? t("step.undo.held", { status: to }) : t("step.undo.notice", { status: to });
    button = t("step.undo.confirm", { status: to });
  }

  return (
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby="step-title" className="form-dialog form-dialog--small" data-testid="step-dialog" data-step={step}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="step-title">
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{text}</Paragraph>
        {warning ? (
          <Alert data-color="warning" data-testid="step-warning" className="step-warning">
            <Paragraph>{warning}</Paragraph>
          </Alert>
        ) : null}
        <div className="button-row">
          <Button data-testid="confirm-step" loading={running} aria-disabled={running || undefined} onClick={() => void confirm()}>
            {button}
          </Button>
          <Button variant="secondary" data-testid="cancel-step" disabled={running} onClick={onClose}>
            {t("form.cancel")}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
