import { useEffect, useRef, useState } from "react";
import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { refusalMessage } from "../lib/errors";

/**
 * "Innsyn i egne opplysninger": everything the file holds about one person
 * (an access request, GDPR art. 15), saved as JSON where the person chooses.
 * Core gathers it; this only asks and says where it went.
 */
export function PersonDataButton({ personId, name, compact = false }: { personId: string; name: string; compact?: boolean }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const said = useRef<HTMLDivElement>(null);
  // What the export said is shown where the person looks, even at the foot of a long dialog.
  useEffect(() => {
    if (saved || error) said.current?.scrollIntoView?.({ block: "nearest" });
  }, [saved, error]);

  const run = async () => {
    setBusy(true);
    setSaved(null);
    setError(null);
    setError(await refusalMessage(async () => setSaved((await backend.exportPersonData(personId)).message)));
    setBusy(false);
  };

  return (
    <div className="person-data" ref={said}>
      <Button
        type="button"
        data-size="sm"
        variant={compact ? "tertiary" : "secondary"}
        data-color="accent"
        data-testid="export-person-data"
        aria-label={compact ? t("member.accessRequestFor", { name }) : undefined}
        loading={busy}
        disabled={busy}
        onClick={() => void run()}
      >
        {t("member.accessRequest")}
      </Button>
      {saved ? (
        <Paragraph data-size="sm" role="status" className="break" data-testid="person-data-saved">
          {saved}
        </Paragraph>
      ) : null}
      {error ? (
        <Alert data-color="danger" role="alert" data-testid="person-data-error">
          <Paragraph className="break">{error}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
