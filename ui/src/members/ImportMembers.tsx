import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useJob } from "../components/ProgressDialog";
import { RefusalAlert } from "../components/PageAlert";
import { useFileAction } from "../components/useFileAction";

/**
 * "Les inn fra regneark": members from an XLSX or CSV list the person picks.
 * Core checks every row first; a refused file is listed row by row, in the
 * words core chose, and nothing was read in.
 */
export function ImportMembers({ councilId, onImported }: { councilId: string; onImported: (message: string) => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const reading = useFileAction();
  const job = useJob();

  const read = () =>
    reading.run(
      true,
      () => job.run(t("progress.title.members"), "rows", (j) => backend.importMembers(councilId, j)),
      ({ message }) => onImported(message),
    );
  const busy = reading.busy !== null;

  return (
    <>
      <Button variant="secondary" data-testid="import-members" loading={busy} disabled={busy} onClick={() => void read()}>
        {t("council.importMembers")}
      </Button>
      {job.view}
      <RefusalAlert report={reading.refused} testid="import-members-error" faultTestid="import-members-fault" className="page-alert import-members-error">
        <Paragraph data-size="sm">{t("council.importMembersHelp")}</Paragraph>
      </RefusalAlert>
    </>
  );
}
