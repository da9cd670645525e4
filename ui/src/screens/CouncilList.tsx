import { useState } from "react";
import { useProfileLabels } from "../lib/profileLabels";
import { Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { CouncilSummary } from "../bindings/CouncilSummary";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useLoad } from "../lib/useLoad";
import { toErrorReport } from "../lib/errors";
import type { Navigate } from "../navigation";
import { Page } from "../components/Page";
import { Loading, LoadError } from "../components/Loading";
import { FormError } from "../components/FormError";
import { PageAlert } from "../components/PageAlert";
import { QuestionDialog } from "../components/QuestionDialog";
import { CouncilTable, useCouncilRows } from "../council/CouncilTable";
import { ShowAllRows } from "../components/VirtualTable";
import { useJob } from "../components/ProgressDialog";

const NONE: CouncilSummary[] = [];

/** `notice`: a success message from the screen before (after a restore). */
export function CouncilList({ navigate, notice = null }: { navigate: Navigate; notice?: string | null }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [state, reload] = useLoad(() => backend.listCouncils(), "councils");
  // The list as it stands after loading the demo or reading in a package, until the next load.
  const [fresh, setFresh] = useState<CouncilSummary[] | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  // A package that would replace work here: what it would replace, until the person answers.
  const [question, setQuestion] = useState<string | null>(null);
  const job = useJob();

  const councils = fresh ?? (state.status === "ready" ? state.data : null);
  const shown = useCouncilRows(councils ?? NONE);
  const newCouncil = () => navigate({ name: "new-council" });

  /**
   * Reads in a .grendebok file (Rust shows the open dialog), then lists the councils afresh. With
   * `replace`, the file the person was just asked about is read in and replaces what is here.
   */
  const labels = useProfileLabels();
  const importPackage = async (replace = false) => {
    setImporting(true);
    setImported(null);
    setImportError(null);
    setQuestion(null);
    try {
      setImported((await job.run(t("progress.title.import"), "rows", (j) => backend.importPackage(j, replace))).message);
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code === "confirm_replace") setQuestion(report.message);
      else if (report.code !== "cancelled") setImportError(report.message);
      setImporting(false);
      return;
    }
    // A package may carry a newer kommune profile: its names are asked for again.
    await labels.reload();
    try {
      setFresh(await backend.listCouncils());
    } catch {
      setFresh(null);
      await reload();
    } finally {
      setImporting(false);
    }
  };

  return (
    <Page screen="council-list" ready={councils !== null}>
      <div className="page-title">
        <Heading level={1} data-size="lg" tabIndex={-1}>
          {t("list.title")}
        </Heading>
        {councils && councils.length > 0 ? (
          <div className="button-row">
            <Button variant="secondary" data-testid="import-package" loading={importing} onClick={() => void importPackage()}>
              {t("list.import")}
            </Button>
            <Button data-testid="new-council" onClick={newCouncil}>
              {t("list.new")}
            </Button>
          </div>
        ) : null}
      </div>
      <PageAlert message={notice} testid="restored" tone="success" />
      {job.view}
      {question ? (
        <QuestionDialog
          id="replace-title"
          testid="replace-dialog"
          title={t("list.replaceTitle")}
          onClose={() => setQuestion(null)}
          danger
          yes={{ text: t("list.replaceConfirm"), testid: "confirm-replace", onClick: () => void importPackage(true) }}
          no={{ text: t("list.replaceKeep"), testid: "keep-here", onClick: () => setQuestion(null) }}
        >
          <Paragraph className="break" data-testid="replace-question">
            {question}
          </Paragraph>
        </QuestionDialog>
      ) : null}
      <PageAlert message={importError} testid="import-error" wrap />
      <PageAlert message={imported} testid="import-result" tone="success" wrap />
      {state.status === "error" && !fresh ? <LoadError message={state.error.message} onRetry={reload} /> : null}
      {councils === null && state.status === "loading" ? <Loading /> : null}
      {councils && councils.length === 0 ? (
        <EmptyState
          onNew={newCouncil}
          onLoaded={(loaded) => {
            setFresh(loaded);
            setImported(t("list.demoLoaded", { count: loaded.length }));
          }}
          onImport={() => void importPackage()}
          importing={importing}
        />
      ) : null}
      {councils && councils.length > 0 ? (
        <>
          <Paragraph className="muted">{t("list.intro")}</Paragraph>
          <ShowAllRows rows={shown} count={councils.length} />
          <CouncilTable councils={councils} shown={shown} onOpen={(id) => navigate({ name: "council", id })} />
        </>
      ) : null}
    </Page>
  );
}

function EmptyState({
  onNew,
  onLoaded,
  onImport,
  importing,
}: {
  onNew: () => void;
  onLoaded: (c: CouncilSummary[]) => void;
  onImport: () => void;
  importing: boolean;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[]>([]);
  const job = useJob();
  const loadDemo = async () => {
    setBusy(true);
    setError([]);
    try {
      await job.run(t("progress.title.demo"), "councils", (j) => backend.loadDemo(j));
      onLoaded(await backend.listCouncils());
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setError([report.message]);
      setBusy(false);
    }
  };
  return (
    <Card className="empty-state" data-color="neutral" variant="tinted">
      <Heading level={2} data-size="sm">
        {t("list.empty.title")}
      </Heading>
      <Paragraph>{t("list.empty.text")}</Paragraph>
      <FormError messages={error} />
      {job.view}
      <div className="button-row">
        <Button data-color="accent" data-testid="new-council" onClick={onNew}>
          {t("list.new")}
        </Button>
        <Button variant="secondary" data-color="accent" data-testid="import-package" onClick={onImport} loading={importing} disabled={busy}>
          {t("list.import")}
        </Button>
        <Button variant="secondary" data-color="accent" data-testid="load-demo" onClick={loadDemo} loading={busy} disabled={importing}>
          {t("list.empty.demo")}
        </Button>
      </div>
    </Card>
  );
}
