import { useState } from "react";
import { Alert, Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { SchemeDetail } from "../bindings/SchemeDetail";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { toErrorReport } from "../lib/errors";
import { formatDateTime } from "../lib/times";
import { ExportDone, useConfirmation } from "../components/Confirmation";

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
  const [busy, setBusy] = useState<string | null>(null);
  const [exported, setExported] = useState<{ title: string; message: string; path: string; details: string } | null>(null);
  const [refused, setRefused] = useState<ErrorReport | null>(null);
  const schemeId = detail.scheme.id;
  const writable = !detail.council.keptElsewhere;

  const start = (what: string) => {
    setBusy(what);
    setExported(null);
    setRefused(null);
    clear();
  };

  const exportSheet = async (personId: string, name: string) => {
    start(personId);
    try {
      const saved = await backend.exportReviewSheet(schemeId, personId);
      setExported({ title: t("reviewSheets.saved", { name }), ...saved });
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setRefused(report);
    } finally {
      setBusy(null);
    }
  };

  const importSheet = async () => {
    start("import");
    try {
      const { message } = await backend.importReviewSheet(schemeId);
      confirm(message);
      onImported();
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setRefused(report);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="review-sheets-title" className="section section--tight" data-testid="review-sheets">
      <div className="section-head">
        <Heading level={2} data-size="2xs" id="review-sheets-title">
          {t("reviewSheets.title")}
        </Heading>
        {writable ? (
          <div className="button-row">
            <Button data-size="sm" variant="secondary" data-testid="import-review-sheet" loading={busy === "import"} disabled={busy !== null} onClick={() => void importSheet()}>
              {t("reviewSheets.import")}
            </Button>
          </div>
        ) : null}
      </div>
      <Paragraph data-size="sm" className="muted">
        {t("reviewSheets.help")}
      </Paragraph>
      {refused ? (
        <Alert data-color="danger" role="alert" data-testid="review-sheet-error" className="page-alert">
          <Paragraph className="break">{refused.message}</Paragraph>
          {refused.fields.length ? (
            <ul className="import-faults">
              {refused.fields.map((f, i) => (
                <li key={i} data-testid="review-sheet-fault">
                  {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {exported ? <ExportDone {...exported} /> : null}
      {detail.reviewers.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("reviewSheets.none")}
        </Paragraph>
      ) : (
        <Table border data-color="neutral" data-size="sm" className="review-sheets-table">
          <caption className="visually-hidden">{t("reviewSheets.title")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("reviewSheets.col.member")}</Table.HeaderCell>
              <Table.HeaderCell>{t("reviewSheets.col.returned")}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="visually-hidden">{t("reviewSheets.export")}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {detail.reviewers.map((m) => (
              <Table.Row key={m.membershipId} data-testid="reviewer-row" data-person-id={m.personId}>
                <Table.Cell className="break">{m.personName}</Table.Cell>
                <Table.Cell data-testid="sheet-returned">
                  {m.sheetReturned ? (
                    t("reviewSheets.returned", { when: formatDateTime(m.sheetReturned.at, t("time.at")), by: m.sheetReturned.by })
                  ) : (
                    <span className="muted">{t("reviewSheets.notReturned")}</span>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <Button
                    data-size="sm"
                    variant="tertiary"
                    data-color="accent"
                    data-testid="export-review-sheet"
                    aria-label={t("reviewSheets.exportFor", { name: m.personName })}
                    loading={busy === m.personId}
                    disabled={busy !== null}
                    onClick={() => void exportSheet(m.personId, m.personName)}
                  >
                    {t("reviewSheets.export")}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
