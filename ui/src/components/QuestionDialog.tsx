import type { ReactNode } from "react";
import { Button, Dialog, Heading } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";

type Answer = { text: string; testid?: string; onClick: () => void };

/**
 * A small dialog that asks before something that cannot be taken back
 * (restoring a backup, replacing work with a package): the question, what
 * it means, and two answers, the one that acts first.
 */
export function QuestionDialog({
  id,
  testid,
  title,
  onClose,
  yes,
  no,
  danger = false,
  busy = false,
  children,
}: {
  /** The heading's id. */
  id: string;
  testid: string;
  title: string;
  onClose: () => void;
  yes: Answer;
  no: Answer;
  danger?: boolean;
  /** The answer is being carried out: the other answer waits. */
  busy?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby={id} className="form-dialog form-dialog--small" data-testid={testid}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={id}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block className="stack stack--tight">
        {children}
        <div className="button-row">
          <Button data-color={danger ? "danger" : undefined} data-testid={yes.testid} onClick={yes.onClick} loading={busy}>
            {yes.text}
          </Button>
          <Button variant="secondary" data-testid={no.testid} onClick={no.onClick} disabled={busy}>
            {no.text}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
