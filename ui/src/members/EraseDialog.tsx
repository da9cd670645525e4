import { useState } from "react";
import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Membership } from "../bindings/Membership";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useReturnFocus } from "../lib/useReturnFocus";
import { toErrorReport } from "../lib/errors";
import { FormError } from "../components/FormError";
import { useConfirmation } from "../components/Confirmation";

/**
 * Erasing a former member (GDPR art. 17): the dialog says first what is kept
 * (a formal body's approved minutes and archive) and what is erased; core
 * does it, and refuses a sitting member.
 */
export function EraseDialog({ membership, onErased, onClose }: { membership: Membership; onErased: (message: string) => void; onClose: () => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  useReturnFocus();
  const { clear } = useConfirmation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[]>([]);

  const erase = async () => {
    setBusy(true);
    setError([]);
    clear();
    try {
      onErased((await backend.erasePerson(membership.person.id)).message);
    } catch (e) {
      setError([toErrorReport(e).message]);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby="erase-dialog-title" className="form-dialog form-dialog--small">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="erase-dialog-title">
          {t("erase.title")}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <div className="form">
          <Paragraph>
            <strong>{t("erase.question", { name: membership.person.name })}</strong>
          </Paragraph>
          <Paragraph data-testid="erase-warning">{t("erase.warning")}</Paragraph>
          <FormError messages={error} />
          <div className="button-row">
            <Button type="button" data-color="danger" data-testid="confirm-erase" loading={busy} onClick={() => void erase()}>
              {t("erase.confirm")}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t("form.cancel")}
            </Button>
          </div>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
