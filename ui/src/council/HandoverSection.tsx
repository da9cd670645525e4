import { useState } from "react";
import { Button } from "@digdir/designsystemet-react";
import type { SavedFile } from "../bindings/SavedFile";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useJob } from "../components/ProgressDialog";
import { Note, Section } from "../components/Section";
import { PageAlert } from "../components/PageAlert";
import { useFileAction } from "../components/useFileAction";

/**
 * Handing the council on: the whole council as one .grendebok file for the
 * coordinator, and `year` as a plain folder for the kommune's archive. One
 * alert area shows what the last export said.
 */
export function HandoverSection({ councilId, year }: { councilId: string; year: number }) {
  const { t } = useI18n();
  const backend = useBackend();
  const action = useFileAction<"package" | "kommune">();
  const [exported, setExported] = useState<string | null>(null);
  const job = useJob();

  const run = (which: "package" | "kommune", call: () => Promise<SavedFile>) => {
    setExported(null);
    return action.run(which, call, (saved) => setExported(saved.message));
  };

  const exports: { which: "package" | "kommune"; testid: string; text: string; call: () => Promise<SavedFile> }[] = [
    {
      which: "kommune",
      testid: "export-for-kommune",
      text: t("handover.exportKommune", { year }),
      call: () => job.run(t("progress.title.kommune"), "files", (j) => backend.exportForKommune(councilId, year, j)),
    },
    { which: "package", testid: "export-package", text: t("handover.exportPackage"), call: () => backend.exportPackage(councilId) },
  ];

  return (
    <Section
      id="handover-title"
      title={t("handover.title")}
      testid="handover-section"
      actions={
        <div className="button-row">
          {exports.map((e) => (
            <Button
              key={e.which}
              data-size="sm"
              variant="secondary"
              data-testid={e.testid}
              loading={action.busy === e.which}
              disabled={action.busy !== null}
              onClick={() => void run(e.which, e.call)}
            >
              {e.text}
            </Button>
          ))}
        </div>
      }
    >
      <Note>{t("handover.text")}</Note>
      {job.view}
      <PageAlert message={action.refused?.message} testid="action-error" wrap />
      <PageAlert message={exported} testid="export-result" tone="success" wrap />
    </Section>
  );
}
