import { useState } from "react";
import { Button } from "@digdir/designsystemet-react";
import type { SchemeDetail } from "../bindings/SchemeDetail";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDateTime } from "../lib/times";
import { ExportDone, useConfirmation } from "../components/Confirmation";
import { DataTable, hiddenHead } from "../components/DataTable";
import { EmptyOr, Note, Section } from "../components/Section";
import { RefusalAlert } from "../components/PageAlert";
import { RowButton } from "../components/RowButton";
import { useFileAction } from "../components/useFileAction";

/**
 * Reviewer sheets: one XLSX per committee member to score at home, and
 * «Les inn vurderingsark» to read a returned one. Core checks the sheet and
 * its every cell; a refused sheet is listed cell by cell in core's words.
 * The table says who has returned a sheet, and when.
 */
export function ReviewSheets({ detail, onImported }: { detail: SchemeDetail; onImported: () => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const { confirm, clear } = useConfirmation();
  const sheets = useFileAction<string>();
  const [exported, setExported] = useState<{ title: string; message: string; path: string; details: string } | null>(null);
  const schemeId = detail.scheme.id;
  const writable = !detail.council.keptElsewhere;

  const start = () => {
    setExported(null);
    clear();
  };

  const exportSheet = (personId: string, name: string) => {
    start();
    return sheets.run(
      personId,
      () => backend.exportReviewSheet(schemeId, personId),
      (saved) => setExported({ title: t("reviewSheets.saved", { name }), ...saved }),
    );
  };

  const importSheet = () => {
    start();
    return sheets.run(
      "import",
      () => backend.importReviewSheet(schemeId),
      ({ message }) => {
        confirm(message);
        onImported();
      },
    );
  };

  const busy = sheets.busy;
  return (
    <Section
      id="review-sheets-title"
      title={t("reviewSheets.title")}
      testid="review-sheets"
      actions={
        writable ? (
          <div className="button-row">
            <Button data-size="sm" variant="secondary" data-testid="import-review-sheet" loading={busy === "import"} disabled={busy !== null} onClick={() => void importSheet()}>
              {t("reviewSheets.import")}
            </Button>
          </div>
        ) : null
      }
    >
      <Note>{t("reviewSheets.help")}</Note>
      <RefusalAlert report={sheets.refused} testid="review-sheet-error" faultTestid="review-sheet-fault" wrap />
      {exported ? <ExportDone {...exported} /> : null}
      <EmptyOr empty={detail.reviewers.length === 0} note={t("reviewSheets.none")}>
        <DataTable
          rows={detail.reviewers}
          rowKey={(m) => m.membershipId}
          row={(m) => ({ "data-testid": "reviewer-row", "data-person-id": m.personId })}
          caption={t("reviewSheets.title")}
          className="review-sheets-table"
          columns={[
            { head: t("reviewSheets.col.member"), className: "break", cell: (m) => m.personName },
            {
              head: t("reviewSheets.col.returned"),
              testid: "sheet-returned",
              cell: (m) =>
                m.sheetReturned ? (
                  t("reviewSheets.returned", { when: formatDateTime(m.sheetReturned.at, t("time.at")), by: m.sheetReturned.by })
                ) : (
                  <span className="muted">{t("reviewSheets.notReturned")}</span>
                ),
            },
            {
              head: hiddenHead(t("reviewSheets.export")),
              cell: (m) => (
                <RowButton
                  testid="export-review-sheet"
                  label={t("reviewSheets.exportFor", { name: m.personName })}
                  loading={busy === m.personId}
                  disabled={busy !== null}
                  onClick={() => void exportSheet(m.personId, m.personName)}
                >
                  {t("reviewSheets.export")}
                </RowButton>
              ),
            },
          ]}
        />
      </EmptyOr>
    </Section>
  );
}
