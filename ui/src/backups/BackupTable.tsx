import { useState } from "react";
import { Alert, Button, Paragraph, Tag } from "@digdir/designsystemet-react";
import { QuestionDialog } from "../components/QuestionDialog";
import { DataTable, hiddenHead } from "../components/DataTable";
import type { BackupInfo } from "../bindings/BackupInfo";
import type { Startup } from "../bindings/Startup";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { backupKindLabel } from "../lib/labels";
import { formatLocalDateTime, formatSize } from "../lib/backups";
import { toErrorReport } from "../lib/errors";

/**
 * The backups in the core's order (newest first by the sequence they were
 * taken in, never by their dates, which a wrong clock can make lie), each
 * with a restore button that asks first.
 * Used on the start-up error screen and on the backups screen. `onRestored`
 * gets the fresh start-up state once the backend has replaced the file.
 */
export function BackupTable({ backups, onRestored }: { backups: readonly BackupInfo[]; onRestored: (startup: Startup) => void }) {
  const backend = useBackend();
  const { t, lang } = useI18n();
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const when = (b: BackupInfo) => formatLocalDateTime(b.takenAt, t("time.at"));

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const startup = await backend.restoreBackup(chosen.fileName);
      setBusy(false);
      setChosen(null);
      onRestored(startup);
    } catch (e) {
      setBusy(false);
      setChosen(null);
      setError(toErrorReport(e).message);
    }
  };

  return (
    <>
      {error ? (
        <Alert data-color="danger" role="alert" data-testid="restore-error">
          <Paragraph>{t("backups.restoreFailed")}</Paragraph>
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      <DataTable
        rows={backups}
        rowKey={(b) => b.fileName}
        row={(b) => ({ "data-testid": "backup-row", "data-file-name": b.fileName, "data-kind": b.kind })}
        caption={t("backups.caption")}
        zebra
        className="backup-table"
        data-size={undefined}
        columns={[
          {
            head: t("backups.col.when"),
            className: "backup-when",
            cell: (b, i) => (
              <>
                {when(b)}
                {i === 0 ? (
                  <>
                    {" "}
                    <Tag data-color="success" data-size="sm" data-testid="backup-newest" className="backup-newest">
                      {t("backups.newest")}
                    </Tag>
                  </>
                ) : null}
              </>
            ),
          },
          { head: t("backups.col.kind"), cell: (b) => backupKindLabel(t, b.kind) },
          { head: t("backups.col.size"), headClassName: "num", className: "num nowrap", cell: (b) => formatSize(b.size, lang) },
          { head: t("startup.file"), className: "backup-file", cell: (b) => b.fileName },
          {
            head: hiddenHead(t("backups.col.action")),
            className: "cell-actions",
            cell: (b) => (
              <Button variant="secondary" data-size="sm" data-testid="restore-backup" onClick={() => setChosen(b)}>
                {t("backups.restore")}
                <span className="visually-hidden"> {t("backups.restoreWhich", { when: when(b) })}</span>
              </Button>
            ),
          },
        ]}
      />
      {chosen ? (
        <QuestionDialog
          id="restore-title"
          testid="restore-dialog"
          title={t("backups.confirmTitle")}
          onClose={() => !busy && setChosen(null)}
          yes={{ text: t("backups.restore"), testid: "confirm-restore", onClick: () => void restore() }}
          no={{ text: t("form.cancel"), onClick: () => setChosen(null) }}
          busy={busy}
        >
          <Paragraph>{t("backups.confirmText", { when: when(chosen) })}</Paragraph>
          <Paragraph>{t("backups.confirmKeep")}</Paragraph>
        </QuestionDialog>
      ) : null}
    </>
  );
}
