import type { SavedFile } from "../bindings/SavedFile";
import { useState } from "react";
import { Button } from "@digdir/designsystemet-react";
import type { Duty } from "../bindings/Duty";
import type { DutyEdit } from "../bindings/DutyEdit";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { LinkButton } from "../components/LinkButton";
import type { MessageKey } from "../i18n/translate";
import { formatDate } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import { useLoad } from "../lib/useLoad";
import type { Navigate } from "../navigation";
import { DutyTag } from "./DutyTag";
import { DueDialog } from "./DueDialog";
import { WaiveDialog } from "./WaiveDialog";
import { ConfirmDutyDialog } from "./ConfirmDutyDialog";
import { dueHint } from "./dutyModel";
import { SectionLoad } from "../components/Loading";
import { Section } from "../components/Section";
import { PageAlert } from "../components/PageAlert";
import { YearSelect } from "../components/YearSelect";
import { DataTable, hiddenHead } from "../components/DataTable";
import { RowButton } from "../components/RowButton";
import { useFileAction } from "../components/useFileAction";
import { Confirmation, ExportDone, useConfirmation } from "../components/Confirmation";
import { useReadOnlyCouncil } from "../council/KeptElsewhere";

type Open = { kind: "waive" | "due" | "confirm"; duty: Duty } | null;

/**
 * The council's duties of `year` ("Plikter 2026"), the kommune profile's, each
 * named by the core: due date, status, what fulfilled it, a waiver's reason;
 * waive, lift a waiver, move the due date, confirm by hand a duty the profile
 * says is confirmed so (and undo that); and the annual report's export, which
 * fulfils the årsmelding duty.
 */
export function DutiesSection({
  councilId,
  year,
  years,
  onYear,
  navigate,
  first,
}: {
  councilId: string;
  year: number;
  /** The years a person may pick between (this year and the last). */
  years: readonly number[];
  onYear: (year: number) => void;
  navigate: Navigate;
  /** The duties of `year` as the council's page got them, so they are not asked for again. */
  first?: Duty[] | undefined;
}) {
  const { t } = useI18n();
  const backend = useBackend();
  const [loaded, reload] = useLoad(() => backend.listDuties(councilId, year), `${councilId}/${year}`, first);
  // The answer of the last edit, until the next load.
  const [fresh, setFresh] = useState<Duty[] | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const readOnly = useReadOnlyCouncil();
  const [busy, setBusy] = useState<string | null>(null);
  const [exported, setExported] = useState<SavedFile | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const annual = useFileAction((report) => setActionError(report.message));
  const { confirm, clear } = useConfirmation();
  const duties = fresh ?? (loaded.status === "ready" ? loaded.data : null);

  /** What an edit did, from the fresh duties (a restored due date is only known then). */
  const done = (duty: Duty, change: DutyEdit, after: Duty[]) => {
    const kind = duty.name;
    switch (change.action) {
      case "waive":
        return t("confirm.dutyWaived", { kind, year });
      case "unwaive":
        return t("confirm.dutyUnwaived", { kind });
      case "confirm":
        return t("confirm.dutyConfirmed", { kind, date: formatDate(change.date ?? "") });
      case "unconfirm":
        return t("confirm.dutyUnconfirmed", { kind });
      case "setDue": {
        const date = formatDate(after.find((d) => d.kind === duty.kind)?.due ?? change.due);
        return change.due === null ? t("confirm.dueRestored", { kind, date }) : t("confirm.dueChanged", { kind, date });
      }
    }
  };

  /** Sends one edit; the fresh duties replace the list. Returns the refusal for a dialog to show. */
  const edit = async (duty: Duty, change: DutyEdit) => {
    setActionError(null);
    setExported(null);
    clear();
    try {
      const after = await backend.editDuty(councilId, year, duty.kind, change);
      setFresh(after);
      setOpen(null);
      confirm(done(duty, change, after), "duties");
      return null;
    } catch (e) {
      return toErrorReport(e);
    }
  };

  const undo = async (duty: Duty, action: "unwaive" | "unconfirm") => {
    setBusy(`${action}-${duty.kind}`);
    const report = await edit(duty, { action });
    if (report) setActionError(report.message);
    setBusy(null);
  };

  const exportReport = () => {
    setBusy("export");
    setExported(null);
    setActionError(null);
    clear();
    return annual
      .run(true, () => backend.exportAnnualReport(councilId, year), async (saved) => {
        setExported(saved);
        setFresh(null);
        await reload();
      })
      .finally(() => setBusy(null));
  };

  const openEvidence = (duty: Duty) => {
    const ev = duty.evidence;
    if (!ev) return null;
    if (ev.kind === "annual_report") return <span data-testid="duty-evidence">{ev.label}</span>;
    if (ev.kind === "confirmation")
      return (
        <span data-testid="duty-evidence">
          {t("duties.confirmedOn", { date: formatDate(ev.date ?? ""), note: ev.label })}
          {duty.confirmation ? <DoneBy by={duty.confirmation.confirmed.by} at={duty.confirmation.confirmed.at} /> : null}
        </span>
      );
    const view = ev.kind === "meeting" ? ({ name: "meeting", id: ev.id } as const) : ({ name: "scheme", id: ev.id } as const);
    return (
      <LinkButton testid="duty-evidence" onClick={() => navigate(view)}>
        {ev.label}
      </LinkButton>
    );
  };

  return (
    <Section
      id="duties-title"
      title={t("duties.title", { year })}
      testid="duties-section"
      actions={
        <>
          <YearSelect id="duties-year" label={t("duties.year")} year={year} years={years} onYear={onYear} className="duties-year" />
          <Button
            data-size="sm"
            variant="secondary"
            data-testid="export-annual-report"
            loading={busy === "export"}
            disabled={busy !== null}
            onClick={() => void exportReport()}
          >
            {t("duties.exportAnnual", { year })}
          </Button>
        </>
      }
    >
      <PageAlert message={actionError} testid="action-error" />
      {exported ? <ExportDone title={t("exported.annualReport", { year })} {...exported} /> : null}
      <Confirmation slot="duties" />
      {!duties ? <SectionLoad state={loaded} onRetry={() => void reload()} /> : null}
      {duties ? (
        <DataTable
          rows={duties}
          rowKey={(duty) => duty.kind}
          row={(duty) => ({ "data-testid": "duty-row", "data-kind": duty.kind, "data-status": duty.status })}
          caption={t("duties.title", { year })}
          className="duty-table"
          columns={[
            { head: t("duties.col.duty"), headClassName: "col-duty", className: "cell-name", cell: (duty) => duty.name },
            { head: t("duties.col.due"), headClassName: "col-due", cell: (duty) => <DueCell duty={duty} /> },
            { head: t("duties.col.status"), headClassName: "col-status", cell: (duty) => <DutyTag duty={duty} /> },
            {
              head: t("duties.col.note"),
              className: "break",
              cell: (duty) => (
                <>
                  {duty.evidence ? openEvidence(duty) : null}
                  {!duty.evidence && duty.waivedReason ? (
                    <span data-testid="waived-reason">
                      {t("duties.waivedBecause", { reason: duty.waivedReason })}
                      {duty.waived ? <DoneBy by={duty.waived.by} at={duty.waived.at} /> : null}
                    </span>
                  ) : null}
                  {!duty.evidence && !duty.waivedReason ? (
                    <span className="muted">{duty.beforeCouncil ? t("duties.beforeCouncil") : duty.status === "not_applicable" ? t("duties.notApplicable", { year }) : t("duties.noEvidence")}</span>
                  ) : null}
                </>
              ),
            },
            {
              head: hiddenHead(t("duties.col.actions")),
              headClassName: "col-actions",
              className: "cell-actions",
              cell: (duty) => (
                <div className="action-buttons">
                  {readOnly ? null : <DutyButtons duty={duty} busy={busy} onUndo={(action) => void undo(duty, action)} onOpen={(kind) => setOpen({ kind, duty })} />}
                </div>
              ),
            },
          ]}
        />
      ) : null}
      {open?.kind === "waive" ? (
        <WaiveDialog
          key={open.duty.kind}
          duty={open.duty}
          onClose={() => setOpen(null)}
          onSave={(reason) => edit(open.duty, { action: "waive", reason })}
        />
      ) : null}
      {open?.kind === "confirm" ? (
        <ConfirmDutyDialog
          key={open.duty.kind}
          duty={open.duty}
          onClose={() => setOpen(null)}
          onSave={(date, note) => edit(open.duty, { action: "confirm", date, note })}
        />
      ) : null}
      {open?.kind === "due" ? (
        <DueDialog
          key={open.duty.kind}
          duty={open.duty}
          onClose={() => setOpen(null)}
          onSave={(due) => edit(open.duty, { action: "setDue", due })}
        />
      ) : null}
    </Section>
  );
}

/** Who waived or confirmed a duty by hand, and on which day. */
function DoneBy({ by, at }: { by: string; at: string }) {
  const { t } = useI18n();
  return (
    <span className="muted duty-waived-by">
      {" "}
      {t("duties.waivedBy", { by, date: formatDate(at.slice(0, 10)) })}
    </span>
  );
}

/** The due date, whether it is the profile's or was moved, and how near it is. */
function DueCell({ duty }: { duty: Duty }) {
  const { t } = useI18n();
  const hint = dueHint(duty);
  return (
    <>
      <span className="nowrap" data-testid="duty-due">
        {formatDate(duty.due)}
      </span>{" "}
      <span className="muted duty-due-note">{duty.defaultDue ? t("duties.defaultDue") : t("duties.changedDue")}</span>
      {hint ? <span className={`duty-hint duty-hint--${duty.status}`}>{t(hint.key, hint.params)}</span> : null}
    </>
  );
}

type DutyButton = { testid: string; label: MessageKey; text: MessageKey } & (
  | { undo: "unwaive" | "unconfirm" }
  | { open: "waive" | "due" | "confirm" }
);

/**
 * What may be done to a duty in its state: lift a waiver, confirm it by hand
 * (or undo that), waive it, move its due date.
 */
function DutyButtons({
  duty,
  busy,
  onUndo,
  onOpen,
}: {
  duty: Duty;
  busy: string | null;
  onUndo: (action: "unwaive" | "unconfirm") => void;
  onOpen: (kind: "waive" | "due" | "confirm") => void;
}) {
  const { t } = useI18n();
  const kind = duty.name;
  const open = duty.status === "overdue" || duty.status === "due_soon" || duty.status === "open";
  const buttons: (DutyButton | false | null)[] = [
    duty.status === "waived" && { testid: "unwaive-duty", label: "duties.unwaiveLabel", text: "duties.unwaive", undo: "unwaive" },
    duty.evidenceKind === "manual" && duty.status !== "waived" && !duty.confirmation && { testid: "confirm-duty", label: "duties.confirmLabel", text: "duties.confirm", open: "confirm" },
    duty.confirmation && { testid: "unconfirm-duty", label: "duties.unconfirmLabel", text: "duties.unconfirm", undo: "unconfirm" },
    open && { testid: "waive-duty", label: "duties.waiveLabel", text: "duties.waive", open: "waive" },
    duty.status !== "fulfilled" && duty.status !== "not_applicable" && { testid: "change-due", label: "duties.changeDueLabel", text: "duties.changeDue", open: "due" },
  ];
  return (
    <>
      {buttons.map((b) =>
        b ? (
          <RowButton
            key={b.testid}
            testid={b.testid}
            label={t(b.label, { kind })}
            loading={"undo" in b ? busy === `${b.undo}-${duty.kind}` : undefined}
            disabled={busy !== null}
            onClick={() => ("undo" in b ? onUndo(b.undo) : onOpen(b.open))}
          >
            {t(b.text)}
          </RowButton>
        ) : null,
      )}
    </>
  );
}
