import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { ApplicationDetail } from "../bindings/ApplicationDetail";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import type { Navigate, SearchState } from "../navigation";
import { Page } from "../components/Page";
import { DetailLoad } from "../components/Loading";
import { BackNav } from "../components/BackNav";
import { PageAlert } from "../components/PageAlert";
import { useFileAction } from "../components/useFileAction";
import { useActOrAlert } from "../components/useActOrAlert";
import type { ErrorReport } from "../bindings/ErrorReport";
import { Confirmation, ExportDone, useConfirmation } from "../components/Confirmation";
import { ApplicationContext, type ActOnApplication, type ApplicationCtx } from "../grants/context";
import { ApplicationDialog } from "../grants/ApplicationDialog";
import { ScoringGrid } from "../grants/ScoringGrid";
import { ProposalForm } from "../grants/ProposalForm";
import { DecisionSection } from "../grants/DecisionSection";
import { PayoutSection, ReportSection } from "../grants/PayoutSection";
import { LettersList } from "../grants/LettersList";
import { formatKr } from "../grants/format";
import { isOpen, statusColor, statusLabel } from "../grants/grantModel";
import { KeptElsewhereContext, KeptElsewhereNote } from "../council/KeptElsewhere";

/** One application: what was asked, the committee's scores, the decision and what follows it. */
export function ApplicationPage({ id, search, navigate }: { id: string; search?: SearchState | undefined; navigate: Navigate }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string[] | null>(null);
  const [exported, setExported] = useState<{ title: string; message: string; path: string; details: string; openNow?: boolean } | null>(null);
  const [editing, setEditing] = useState(false);
  const { confirm, clear } = useConfirmation();
  const letters = useFileAction(useCallback((report: ErrorReport) => setActionError([report.message]), []));

  // Answers can come back out of order: only the newest request's answer is shown.
  const issued = useRef(0);
  const shown = useRef(0);
  const show = useCallback((n: number, d: ApplicationDetail) => {
    if (n < shown.current) return;
    shown.current = n;
    setDetail(d);
  }, []);

  const load = useCallback(async () => {
    const n = ++issued.current;
    try {
      show(n, await backend.getApplication(id));
      setLoadError(null);
    } catch (e) {
      setLoadError(toErrorReport(e).message);
    }
  }, [backend, id, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const act: ActOnApplication = useCallback(
    async (call, done) => {
      const n = ++issued.current;
      clear();
      setExported(null);
      try {
        const d = await call();
        show(n, d);
        setActionError(null);
        if (done) confirm(typeof done === "string" ? done : done(d));
        return null;
      } catch (e) {
        return toErrorReport(e);
      }
    },
    [show, clear, confirm],
  );

  const actOrAlert = useActOrAlert(act, setActionError);

  const exportLetter = (mail: boolean) => {
    setActionError(null);
    setExported(null);
    clear();
    const a = detail?.application;
    const organisation = a?.organisation ?? "";
    if (mail) {
      // The draft goes straight to the mail program; nothing is archived.
      return letters.run(true, () => backend.exportLetterMail(id), (saved) =>
        setExported({ title: t("exported.letterMail", { organisation }), ...saved, openNow: true }),
      );
    }
    return letters.run(true, () => backend.exportLetter(id), (saved) => {
      const title = a?.decision && a.decision.grantedOre > 0 ? t("exported.grantLetter", { organisation }) : t("exported.refusalLetter", { organisation });
      setExported({ title, ...saved });
      void load(); // the archive has a new letter
    });
  };

  const ctx: ApplicationCtx | null = useMemo(() => (detail ? { detail, act, actOrAlert } : null), [detail, act, actOrAlert]);
  const a = detail?.application;
  const granted = a?.decision && a.decision.grantedOre > 0;
  // A council kept in another file is only read here: core refuses its writes.
  const readOnly = detail?.council.keptElsewhere != null;

  return (
    <Page screen="application" ready={detail !== null}>
      <BackNav
        label={t("application.back")}
        testid="back-to-scheme"
        to={detail ? { name: "scheme", id: detail.scheme.id } : { name: "list" }}
        navigate={navigate}
        search={search}
      >
        {detail ? t("meeting.backTo", { name: detail.scheme.name }) : t("application.back")}
      </BackNav>
      {!detail ? <DetailLoad error={loadError} onRetry={() => void load()} /> : null}
      {ctx && a ? (
        <KeptElsewhereContext.Provider value={ctx.detail.council.keptElsewhere ?? null}>
        <ApplicationContext.Provider value={ctx}>
          <div className="page-title page-title--compact">
            <div>
              <Heading level={1} data-size="md" tabIndex={-1} className="break">
                {t("application.heading", { number: a.number, organisation: a.organisation })}
              </Heading>
              <div className="tag-stack tag-stack--row">
                <Tag data-size="sm" data-color={statusColor(a.status)} data-testid="application-status" data-status={a.status}>
                  {statusLabel(t, a.status)}
                </Tag>
                {a.late ? (
                  <Tag data-size="sm" data-color="warning" data-testid="late-flag">
                    {t("application.lateLong", { deadline: formatDate(ctx.detail.scheme.deadline) })}
                  </Tag>
                ) : null}
              </div>
            </div>
            {isOpen(a) && !readOnly ? (
              <div className="button-row">
                <Button variant="secondary" data-testid="edit-application" onClick={() => setEditing(true)}>
                  {t("application.edit")}
                </Button>
                <Button
                  variant="tertiary"
                  data-color="danger"
                  data-testid="withdraw-application"
                  onClick={() =>
                    void actOrAlert(
                      () => backend.withdrawApplication(id),
                      t("confirm.applicationWithdrawn", { number: a.number, organisation: a.organisation }),
                    )
                  }
                >
                  {t("application.withdraw")}
                </Button>
              </div>
            ) : null}
          </div>
          <PageAlert message={actionError} testid="action-error" />
          {exported ? <ExportDone {...exported} /> : null}
          <Confirmation />
          <KeptElsewhereNote council={ctx.detail.council} />
          <ApplicationFacts detail={ctx.detail} />
          <ScoringGrid />
          {isOpen(a) && !readOnly ? <ProposalForm /> : null}
          <DecisionSection onExportLetter={() => void exportLetter(false)} onLetterMail={() => void exportLetter(true)} exporting={letters.busy !== null} />
          {granted ? <PayoutSection /> : null}
          {granted ? <ReportSection /> : null}
          <LettersList />
          {editing ? (
            <ApplicationDialog
              schemeId={a.schemeId}
              application={a}
              onClose={() => setEditing(false)}
              onSave={async (input) => {
                const report = await act(
                  () => backend.updateApplication(id, input),
                  (d) => t("confirm.applicationSaved", { number: d.application.number, organisation: d.application.organisation }),
                );
                if (!report) setEditing(false);
                return report;
              }}
            />
          ) : null}
        </ApplicationContext.Provider>
        </KeptElsewhereContext.Provider>
      ) : null}
    </Page>
  );
}

function ApplicationFacts({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const a = detail.application;
  const none = <span className="muted">–</span>;
  const facts: [string, ReactNode, string?][] = [
    [t("applicationForm.title"), a.title, "fact-title"],
    [t("applicationForm.orgNumber"), a.orgNumber ?? none],
    [t("applicationForm.contact"), [a.contactName, a.email, a.phone].filter(Boolean).join(" · ") || none],
    [t("applicationForm.amount"), formatKr(a.amountAskedOre), "fact-asked"],
    [t("applicationForm.projectBudget"), formatKr(a.projectBudgetOre)],
    [t("applicationForm.received"), formatDate(a.received)],
  ];
  return (
    <section aria-labelledby="facts-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="facts-title" className="visually-hidden">
        {t("application.facts")}
      </Heading>
      <dl className="facts application-facts">
        {facts.map(([label, value, testid]) => (
          <div key={label} className="facts__item">
            <dt>{label}</dt>
            <dd className="break" data-testid={testid}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {a.description ? (
        <Paragraph data-size="sm" className="pre-line break application-description">
          {a.description}
        </Paragraph>
      ) : null}
      {a.withdrawn ? (
        <Paragraph data-size="sm" className="muted" data-testid="withdrawn-note">
          {t("application.withdrawnAt", { date: formatDate(a.withdrawn.at.slice(0, 10)), by: a.withdrawn.by })}
        </Paragraph>
      ) : null}
    </section>
  );
}
