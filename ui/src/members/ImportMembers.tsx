import { useState } from "react";
import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { toErrorReport } from "../lib/errors";
import type { ErrorReport } from "../bindings/ErrorReport";
import { useJob } from "../components/ProgressDialog";

/**
 * "Les inn fra regneark": members from an XLSX or CSV list the person picks.
 * Core checks every row first; a refused file is listed row by row, in the
 * words core chose, and nothing was read in.
 */
export function ImportMembers({ councilId, onImported }: { councilId: string; onImported: (message: string) => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<ErrorReport | null>(null);
  const job = useJob();

  const read = async () => {
    setBusy(true);
    setRefused(null);
    try {
      const { message } = await job.run(t("progress.title.members"), "rows", (j) => backend.importMembers(councilId, j));
      onImported(message);
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setRefused(report);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="secondary" data-testid="import-members" loading={busy} disabled={busy} onClick={() => void read()}>
        {t("council.importMembers")}
      </Button>
      {job.view}
      {refused ? (
        <Alert data-color="danger" role="alert" data-testid="import-members-error" className="page-alert import-members-error">
          <Paragraph>{refused.message}</Paragraph>
          {refused.fields.length ? (
            <ul className="import-faults">
              {refused.fields.map((f, i) => (
                <li key={i} data-testid="import-members-fault">
                  {f.message}
                </li>
              ))}
            </ul>
          ) : null}
          <Paragraph data-size="sm">{t("council.importMembersHelp")}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}
