import { useState } from "react";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Startup } from "../bindings/Startup";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useLoad } from "../lib/useLoad";
import { backupFolder } from "../lib/backups";
import { toErrorReport } from "../lib/errors";
import { Page } from "../components/Page";
import { Loading, LoadError } from "../components/Loading";
import { BackupTable } from "../backups/BackupTable";
import { useJob } from "../components/ProgressDialog";

/** Take a backup now, see the ones there are, restore one. */
export function Backups({ onRestored }: { onRestored: (startup: Startup) => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [state, reload] = useLoad(() => backend.getStartup(), "backups");
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob();

  const backupNow = async () => {
    setBusy(true);
    setTaken(null);
    setError(null);
    try {
      const info = await job.run(t("progress.title.backup"), "pages", (j) => backend.backupNow(j));
      setTaken(info.path);
      await reload();
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setError(report.message);
    } finally {
      setBusy(false);
    }
  };

  const startup = state.status === "ready" ? state.data : null;
  return (
    <Page screen="backups" ready={startup !== null || state.status === "error"}>
      <div className="page-title">
        <Heading level={1} data-size="lg" tabIndex={-1}>
          {t("backups.title")}
        </Heading>
        <Button data-testid="backup-now" onClick={backupNow} loading={busy} disabled={startup === null}>
          {t("backups.now")}
        </Button>
      </div>
      <div aria-live="polite" className="live-slot">
        {taken ? (
          <Alert data-color="success" data-testid="backup-taken" className="page-alert">
            <Paragraph className="break">{t("backups.takenPath", { path: taken })}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {job.view}
      {error ? (
        <Alert data-color="danger" role="alert" data-testid="backup-error" className="page-alert">
          <Paragraph>{t("backups.failed")}</Paragraph>
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      {startup?.clockWarning ? (
        <Alert data-color="warning" data-testid="clock-warning" className="page-alert">
          <Paragraph>{startup.clockWarning}</Paragraph>
        </Alert>
      ) : null}
      <div className="section backups-about">
        <Paragraph>{t("backups.intro")}</Paragraph>
        {startup ? (
          <Paragraph>
            {t("backups.folder")} <span className="path" data-testid="backup-folder">{backupFolder(startup.dbPath)}</span>
          </Paragraph>
        ) : null}
      </div>
      {state.status === "error" ? <LoadError message={state.error.message} onRetry={reload} /> : null}
      {state.status === "loading" ? <Loading /> : null}
      {startup ? (
        <section className="section" aria-labelledby="backups-list-title">
          <Heading level={2} data-size="sm" id="backups-list-title">
            {t("backups.listTitle")}
          </Heading>
          {startup.backups.length > 0 ? (
            <BackupTable backups={startup.backups} onRestored={onRestored} />
          ) : (
            <Paragraph data-testid="no-backups">{t("backups.none")}</Paragraph>
          )}
        </section>
      ) : null}
    </Page>
  );
}
