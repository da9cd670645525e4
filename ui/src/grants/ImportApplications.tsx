import { useState } from "react";
import { Alert, Button, Checkbox, Dialog, Heading, Paragraph, Select, Table } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { toErrorReport } from "../lib/errors";
import { useReturnFocus } from "../lib/useReturnFocus";
import { useJob } from "../components/ProgressDialog";
import { PageAlert } from "../components/PageAlert";
import { useFileAction } from "../components/useFileAction";
import type { ApplicationField } from "../bindings/ApplicationField";
import type { ApplicationsPreview } from "../bindings/ApplicationsPreview";
import type { MessageKey } from "../i18n/translate";

/** The fields a column can be read into, in the application form's order, with the form's labels. */
const FIELDS: { field: ApplicationField; label: MessageKey }[] = [
  { field: "organisation", label: "applicationForm.organisation" },
  { field: "orgNumber", label: "applicationForm.orgNumber" },
  { field: "contactName", label: "applicationForm.contact" },
  { field: "email", label: "applicationForm.email" },
  { field: "phone", label: "applicationForm.phone" },
  { field: "title", label: "applicationForm.title" },
  { field: "description", label: "applicationForm.description" },
  { field: "amountAsked", label: "applicationForm.amount" },
  { field: "projectBudget", label: "applicationForm.projectBudget" },
  { field: "received", label: "applicationForm.received" },
];

/**
 * "Les inn fra regneark" on a scheme: a web form's export (XLSX or CSV) read
 * into the scheme's applications. Core reads the file and checks every row;
 * the preview shows which field each column goes to (the person may change
 * it), how many rows are good, late or bad, and each fault. Nothing is
 * written until "Les inn".
 */
export function ImportApplications({ schemeId, onImported }: { schemeId: string; onImported: (message: string) => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const picking = useFileAction();
  const [preview, setPreview] = useState<ApplicationsPreview | null>(null);

  const pick = () => picking.run(true, () => backend.previewApplications(schemeId), setPreview);
  const busy = picking.busy !== null;

  return (
    <>
      <Button variant="secondary" data-testid="import-applications" loading={busy} disabled={busy} onClick={() => void pick()}>
        {t("scheme.importApplications")}
      </Button>
      <PageAlert message={picking.refused?.message} testid="import-applications-error" />
      {preview ? (
        <PreviewDialog
          schemeId={schemeId}
          first={preview}
          onClose={() => setPreview(null)}
          onImported={(message) => {
            setPreview(null);
            onImported(message);
          }}
        />
      ) : null}
    </>
  );
}

function PreviewDialog({
  schemeId,
  first,
  onClose,
  onImported,
}: {
  schemeId: string;
  first: ApplicationsPreview;
  onClose: () => void;
  onImported: (message: string) => void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  useReturnFocus();
  const [preview, setPreview] = useState(first);
  const [leaveOut, setLeaveOut] = useState(false);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useJob();
  const columns = preview.columns.map((c) => c.field);
  const fileName = preview.file.split(/[\\/]/).pop() ?? preview.file;
  const readable = preview.problems.length === 0 && preview.good > 0;
  const canRead = readable && (preview.badRows === 0 || leaveOut);

  const remap = async (at: number, field: ApplicationField | null) => {
    const next = columns.map((c, i) => (i === at ? field : c));
    setWorking(true);
    setError(null);
    try {
      setPreview(await backend.previewApplications(schemeId, preview.file, next));
    } catch (e) {
      setError(toErrorReport(e).message);
    } finally {
      setWorking(false);
    }
  };

  const read = async () => {
    setWorking(true);
    setError(null);
    try {
      const { message } = await job.run(t("progress.title.applications"), "rows", (j) =>
        backend.importApplications(schemeId, preview.file, columns, leaveOut, j),
      );
      onImported(message);
    } catch (e) {
      const report = toErrorReport(e);
      // A cancelled job says so itself (job.view): nothing was read in.
      if (report.code !== "cancelled") setError([report.message, ...report.fields.map((f) => f.message)].join(" "));
      setWorking(false);
    }
  };

  return (
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby="import-applications-title" className="form-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="import-applications-title" className="break">
          {t("importApplications.title", { file: fileName })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <div className="form" data-testid="import-applications-preview">
          <Paragraph data-size="sm">{t("importApplications.help")}</Paragraph>
          {preview.problems.length ? (
            <Alert data-color="warning" data-testid="import-problems">
              <ul className="import-faults">
                {preview.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </Alert>
          ) : (
            <Paragraph data-testid="import-summary" aria-live="polite">
              {t("importApplications.summary", { rows: preview.rows, good: preview.good, late: preview.late, bad: preview.badRows })}
            </Paragraph>
          )}
          <Table border data-color="neutral" data-size="sm" className="import-columns">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("importApplications.column")}</Table.HeaderCell>
                <Table.HeaderCell>{t("importApplications.field")}</Table.HeaderCell>
                <Table.HeaderCell>{t("importApplications.example")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {preview.columns.map((c, at) => (
                <Table.Row key={at} data-testid="import-column">
                  <Table.Cell className="break">{c.heading || t("importApplications.noHeading", { number: at + 1 })}</Table.Cell>
                  <Table.Cell>
                    <Select
                      data-size="sm"
                      aria-label={t("importApplications.fieldFor", { heading: c.heading || String(at + 1) })}
                      data-testid={`import-field-${at}`}
                      value={c.field ?? ""}
                      disabled={working}
                      onChange={(e) => void remap(at, (e.target.value || null) as ApplicationField | null)}
                    >
                      <Select.Option value="">{t("importApplications.notUsed")}</Select.Option>
                      {FIELDS.map((f) => (
                        <Select.Option key={f.field} value={f.field}>
                          {t(f.label)}
                        </Select.Option>
                      ))}
                    </Select>
                  </Table.Cell>
                  <Table.Cell className="break muted">{c.examples.filter(Boolean).slice(0, 2).join(" · ")}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {preview.faults.length ? (
            <ul className="import-faults import-faults--scroll" data-testid="import-faults">
              {preview.faults.map((f, i) => (
                <li key={i} data-testid="import-fault">
                  {f}
                </li>
              ))}
              {preview.moreFaults ? <li>{t("importApplications.moreFaults", { count: preview.moreFaults })}</li> : null}
            </ul>
          ) : null}
          {readable && preview.badRows > 0 ? (
            <Checkbox
              data-testid="import-leave-out"
              label={t("importApplications.leaveOut", { count: preview.badRows })}
              checked={leaveOut}
              onChange={(e) => setLeaveOut(e.target.checked)}
            />
          ) : null}
          {job.view}
          {error ? (
            <Alert data-color="danger" role="alert" data-testid="import-applications-failed">
              <Paragraph>{error}</Paragraph>
            </Alert>
          ) : null}
          <div className="button-row">
            <Button data-testid="import-applications-read" disabled={!canRead || working} loading={working} onClick={() => void read()}>
              {t("importApplications.read", { count: preview.good })}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t("form.cancel")}
            </Button>
          </div>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
