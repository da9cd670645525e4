import { useState } from "react";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { SavedFile } from "../bindings/SavedFile";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { toErrorReport } from "../lib/errors";
import { useJob } from "../components/ProgressDialog";

type Busy = "package" | "kommune" | null;

/**
 * Handing the council on: the whole council as one .grendebok file for the
 * coordinator, and `year` as a plain folder for the kommune's archive. One
 * alert area shows what the last export said.
 */
export function HandoverSection({ councilId, year }: { councilId: string; year: number }) {
  const { t } = useI18n();
  const backend = useBackend();
  const [busy, setBusy] = useState<Busy>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const job = useJob();

  const run = async (which: Exclude<Busy, null>, call: () => Promise<SavedFile>) => {
    setBusy(which);
    setExported(null);
    setActionError(null);
    try {
      setExported((await call()).message);
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setActionError(report.message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="handover-title" className="section section--tight" data-testid="handover-section">
      <div className="section-head">
        <Heading level={2} data-size="2xs" id="handover-title">
          {t("handover.title")}
        </Heading>
        <div className="button-row">
          <Button
            data-size="sm"
            variant="secondary"
            data-testid="export-for-kommune"
            loading={busy === "kommune"}
            disabled={busy !== null}
            onClick={() =>
              void run("kommune", () =>
                job.run(t("progress.title.kommune"), "files", (j) => backend.exportForKommune(councilId, year, j)),
              )
            }
          >
            {t("handover.exportKommune", { year })}
          </Button>
          <Button
            data-size="sm"
            variant="secondary"
            data-testid="export-package"
            loading={busy === "package"}
            disabled={busy !== null}
            onClick={() => void run("package", () => backend.exportPackage(councilId))}
          >
            {t("handover.exportPackage")}
          </Button>
        </div>
      </div>
      <Paragraph data-size="sm" className="muted">
        {t("handover.text")}
      </Paragraph>
      {job.view}
      {actionError ? (
        <Alert data-color="danger" role="alert" data-testid="action-error" className="page-alert">
          <Paragraph className="break">{actionError}</Paragraph>
        </Alert>
      ) : null}
      {exported ? (
        <Alert data-color="success" role="status" data-testid="export-result" className="page-alert">
          <Paragraph className="break">{exported}</Paragraph>
        </Alert>
      ) : null}
    </section>
  );
}
