import { useState } from "react";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { LedgerFormat } from "../bindings/LedgerFormat";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import { useLoad } from "../lib/useLoad";
import type { Navigate } from "../navigation";
import { Page } from "../components/Page";
import { Loading, LoadError } from "../components/Loading";
import { Confirmation, ExportDone, useConfirmation } from "../components/Confirmation";
import { ImportApplications } from "../grants/ImportApplications";
import { BudgetBar } from "../grants/BudgetBar";
import { CommitteeTable } from "../grants/CommitteeTable";
import { ReviewSheets } from "../grants/ReviewSheets";
import { Reminders } from "../grants/Reminders";
import { SchemeDialog } from "../grants/SchemeDialog";
import { ApplicationDialog } from "../grants/ApplicationDialog";
import { formatKr } from "../grants/format";
import { KeptElsewhereNote } from "../council/KeptElsewhere";

type Open = "edit" | "add" | null;

/** One grant scheme: the budget bar, reminders, and the committee's side-by-side table. */
export function SchemePage({ id, navigate }: { id: string; navigate: Navigate }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [state, reload] = useLoad(() => backend.getScheme(id), id);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState<LedgerFormat | null>(null);
  const [exported, setExported] = useState<{ title: string; message: string; path: string; details: string } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const { confirm, clear } = useConfirmation();
  const detail = state.status === "ready" ? state.data : null;
  const openApplication = (applicationId: string) => navigate({ name: "application", id: applicationId });

  const exportLedger = async (format: LedgerFormat) => {
    setBusy(format);
    setExported(null);
    setActionError(null);
    clear();
    try {
      const saved = await backend.exportLedger(id, format);
      const title = t("exported.ledger", { name: detail?.scheme.name ?? "", format: format === "csv" ? "CSV" : "Excel" });
      setExported({ title, ...saved });
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setActionError(report.message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page screen="scheme" ready={detail !== null}>
      <nav aria-label={t("scheme.back")} className="back-nav">
        <Button
          variant="tertiary"
          data-size="sm"
          data-testid="back-to-council"
          onClick={() => navigate(detail ? { name: "council", id: detail.council.id } : { name: "list" })}
        >
          ← {detail ? t("meeting.backTo", { name: detail.council.name }) : t("scheme.back")}
        </Button>
      </nav>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <LoadError message={state.error.message} onRetry={reload} /> : null}
      {detail ? (
        <>
          <div className="page-title page-title--compact">
            <div>
              <Heading level={1} data-size="md" tabIndex={-1} className="break">
                {detail.scheme.name}
              </Heading>
              <Paragraph data-size="sm" className="muted" data-testid="scheme-facts">
                {[
                  t("scheme.deadline", { date: formatDate(detail.scheme.deadline) }),
                  t("scheme.reportDeadline", { date: formatDate(detail.scheme.reportDeadline) }),
                  detail.scheme.maxPerApplicationOre !== null ? t("scheme.max", { amount: formatKr(detail.scheme.maxPerApplicationOre) }) : null,
                  detail.scheme.enkeltvedtak ? t("scheme.enkeltvedtak") : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Paragraph>
            </div>
            {detail.council.keptElsewhere ? null : (
            <div className="button-row">
              <Button variant="secondary" data-testid="edit-scheme" onClick={() => setOpen("edit")}>
                {t("scheme.edit")}
              </Button>
              <Button data-testid="add-application" onClick={() => setOpen("add")}>
                + {t("scheme.addApplication")}
              </Button>
              <ImportApplications
                schemeId={id}
                onImported={(message) => {
                  clear();
                  setExported(null);
                  confirm(message);
                  void reload();
                }}
              />
            </div>
            )}
          </div>
          <Confirmation />
          <KeptElsewhereNote council={detail.council} />
          <section aria-labelledby="budget-title" className="section section--tight">
            <div className="section-head">
              <Heading level={2} data-size="2xs" id="budget-title">
                {t("budget.title")}
              </Heading>
              <div className="button-row">
                <Button variant="tertiary" data-size="sm" data-testid="export-ledger-csv" loading={busy === "csv"} disabled={busy !== null} onClick={() => void exportLedger("csv")}>
                  {t("scheme.exportCsv")}
                </Button>
                <Button variant="tertiary" data-size="sm" data-testid="export-ledger-xlsx" loading={busy === "xlsx"} disabled={busy !== null} onClick={() => void exportLedger("xlsx")}>
                  {t("scheme.exportXlsx")}
                </Button>
              </div>
            </div>
            <BudgetBar budget={detail.budget} />
          </section>
          {actionError ? (
            <Alert data-color="danger" role="alert" data-testid="action-error" className="page-alert">
              <Paragraph>{actionError}</Paragraph>
            </Alert>
          ) : null}
          {exported ? <ExportDone {...exported} /> : null}
          <Reminders reminders={detail.reminders} onOpen={openApplication} />
          <CommitteeTable detail={detail} onOpen={openApplication} />
          <ReviewSheets detail={detail} onImported={() => void reload()} />
          {open === "edit" ? (
            <SchemeDialog
              mode="edit"
              scheme={detail.scheme}
              criteriaLocked={detail.scoringStarted}
              onClose={() => setOpen(null)}
              onSave={async (input) => {
                clear();
                setExported(null);
                try {
                  const saved = await backend.updateScheme(id, input);
                  setOpen(null);
                  confirm(t("confirm.changesSaved", { name: saved.scheme.name }));
                  void reload();
                  return null;
                } catch (e) {
                  return toErrorReport(e);
                }
              }}
            />
          ) : null}
          {open === "add" ? (
            <ApplicationDialog
              schemeId={id}
              onClose={() => setOpen(null)}
              onSave={async (input) => {
                clear();
                setExported(null);
                try {
                  const { application: a } = await backend.addApplication(input);
                  setOpen(null);
                  confirm(t("confirm.applicationAdded", { number: a.number, organisation: a.organisation }));
                  void reload();
                  return null;
                } catch (e) {
                  return toErrorReport(e);
                }
              }}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
