import { useState } from "react";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { LedgerFormat } from "../bindings/LedgerFormat";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import { useLoad } from "../lib/useLoad";
import type { Navigate } from "../navigation";
import { Page } from "../components/Page";
import { ScreenLoad } from "../components/Loading";
import { BackNav } from "../components/BackNav";
import { Section } from "../components/Section";
import { PageAlert } from "../components/PageAlert";
import { useFileAction } from "../components/useFileAction";
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
  const [exported, setExported] = useState<{ title: string; message: string; path: string; details: string } | null>(null);
  const ledger = useFileAction<LedgerFormat>();
  const { confirm, clear } = useConfirmation();
  const detail = state.status === "ready" ? state.data : null;
  const openApplication = (applicationId: string) => navigate({ name: "application", id: applicationId });

  const exportLedger = (format: LedgerFormat) => {
    setExported(null);
    clear();
    return ledger.run(
      format,
      () => backend.exportLedger(id, format),
      (saved) => {
        const title = t("exported.ledger", { name: detail?.scheme.name ?? "", format: format === "csv" ? "CSV" : "Excel" });
        setExported({ title, ...saved });
      },
    );
  };

  return (
    <Page screen="scheme" ready={detail !== null}>
      <BackNav
        label={t("scheme.back")}
        testid="back-to-council"
        to={detail ? { name: "council", id: detail.council.id } : { name: "list" }}
        navigate={navigate}
      >
        {detail ? t("meeting.backTo", { name: detail.council.name }) : t("scheme.back")}
      </BackNav>
      <ScreenLoad state={state} onRetry={reload} />
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
          <Section
            id="budget-title"
            title={t("budget.title")}
            actions={
              <div className="button-row">
                {(["csv", "xlsx"] as const).map((format) => (
                  <Button
                    key={format}
                    variant="tertiary"
                    data-size="sm"
                    data-testid={`export-ledger-${format}`}
                    loading={ledger.busy === format}
                    disabled={ledger.busy !== null}
                    onClick={() => void exportLedger(format)}
                  >
                    {t(format === "csv" ? "scheme.exportCsv" : "scheme.exportXlsx")}
                  </Button>
                ))}
              </div>
            }
          >
            <BudgetBar budget={detail.budget} />
          </Section>
          <PageAlert message={ledger.refused?.message} testid="action-error" />
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
