import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";

/** Asked before leaving a screen with unsaved text: stay and save, or throw the text away. */
export function LeaveDialog({ unsaved, onStay, onDiscard }: { unsaved: string[]; onStay: () => void; onDiscard: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open onClose={onStay} closeButton={t("form.close")} aria-labelledby="leave-title" className="form-dialog form-dialog--small" data-testid="leave-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="leave-title">
          {t("leave.title")}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{t("leave.text")}</Paragraph>
        <ul className="leave-list">
          {unsaved.map((u) => (
            <li key={u}>{u}</li>
          ))}
        </ul>
        <div className="button-row">
          <Button data-testid="leave-stay" onClick={onStay} autoFocus>
            {t("leave.stay")}
          </Button>
          <Button variant="secondary" data-color="danger" data-testid="leave-discard" onClick={onDiscard}>
            {t("leave.discard")}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
