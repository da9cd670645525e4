import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Startup } from "../bindings/Startup";
import { useI18n } from "../i18n/context";
import { backupFolder } from "../lib/backups";
import { Page } from "../components/Page";
import { BackupTable } from "../backups/BackupTable";

/**
 * Shown instead of everything else when the database could not be opened:
 * what is wrong (the backend's message already says the file was not
 * changed), which file, and the backups to restore from.
 */
export function StartupError({ startup, onRestored }: { startup: Startup; onRestored: (startup: Startup) => void }) {
  const { t } = useI18n();
  const hasBackups = startup.backups.length > 0;
  return (
    <Page screen="startup-error" ready={true}>
      <div className="startup-error" data-testid="startup-error">
        <Heading level={1} data-size="lg" tabIndex={-1}>
          {t("startup.title")}
        </Heading>
        <Alert data-color="warning" data-testid="startup-message">
          <Paragraph>{startup.error?.message}</Paragraph>
        </Alert>
        <dl className="facts facts--paths">
          <div>
            <dt>{t("startup.file")}</dt>
            <dd className="path" data-testid="startup-db-path">
              {startup.dbPath}
            </dd>
          </div>
          <div>
            <dt>{t("startup.folder")}</dt>
            <dd className="path">{backupFolder(startup.dbPath)}</dd>
          </div>
        </dl>
        <section className="section" aria-labelledby="startup-restore-title">
          <Heading level={2} data-size="sm" id="startup-restore-title">
            {t("startup.restoreTitle")}
          </Heading>
          {hasBackups ? (
            <>
              <Paragraph>{t("startup.restoreIntro")}</Paragraph>
              {startup.clockWarning ? (
                <Alert data-color="warning" data-testid="clock-warning">
                  <Paragraph>{startup.clockWarning}</Paragraph>
                </Alert>
              ) : null}
              <BackupTable backups={startup.backups} onRestored={onRestored} />
            </>
          ) : (
            <div data-testid="no-backups" className="section">
              <Paragraph>{t("startup.noBackups")}</Paragraph>
              <Paragraph>{t("startup.whatToDo")}</Paragraph>
            </div>
          )}
        </section>
      </div>
    </Page>
  );
}
