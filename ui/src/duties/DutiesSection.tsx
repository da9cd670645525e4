import type { SavedFile } from "../bindings/SavedFile";
import { useState } from "react";
import { Alert, Button, Heading, Link, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Duty } from "../bindings/Duty";
import type { DutyEdit } from "../bindings/DutyEdit";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import { useLoad } from "../lib/useLoad";
import type { Navigate } from "../navigation";
import { DutyTag } from "./DutyTag";
import { DueDialog } from "./DueDialog";
import { WaiveDialog } from "./WaiveDialog";
import { ConfirmDutyDialog } from "./ConfirmDutyDialog";
import { dueHint } from "./dutyModel";
import { LoadingLine } from "../components/Loading";
import { Confirmation, ExportDone, useConfirmation } from "../components/Confirmation";
import { SelectField } from "../components/fields";
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

  const exportReport = async () => {
    setBusy("export");
    setExported(null);
    setActionError(null);
    clear();
    try {
      setExported(await backend.exportAnnualReport(councilId, year));
      setFresh(null);
      await reload();
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setActionError(report.message);
    } finally {
      setBusy(null);
    }
  };

  const openEvidence = (duty: Duty) => {
    const ev = duty.evidence;
    if (!ev) return null;
    if (ev.kind === "annual_report") return <span data-testid="duty-evidence">{ev.label}</span>;
    if (ev.kind === "confirmation")
      return (
        <span data-testid="duty-evidence">
          {t("duties.confirmedOn", { date: formatDate(ev.date ?? ""), note: ev.label })}
          {duty.confirmation ? (
            <span className="muted duty-waived-by">
              {" "}
              {t("duties.waivedBy", { by: duty.confirmation.confirmed.by, date: formatDate(duty.confirmation.confirmed.at.slice(0, 10)) })}
            </span>
          ) : null}
        </span>
      );
    const view = ev.kind === "meeting" ? ({ name: "meeting", id: ev.id } as const) : ({ name: "scheme", id: ev.id } as const);
    return (
      <Link asChild data-color="accent">
        <button type="button" className="link-button" data-testid="duty-evidence" onClick={() => navigate(view)}>
          {ev.label}
        </button>
      </Link>
    );
  };

  return (
    <section aria-labelledby="duties-title" className="section section--tight" data-testid="duties-section">
      <div className="section-head">
        <Heading level={2} data-size="2xs" id="duties-title">
          {t("duties.title", { year })}
        </Heading>
        <div className="duties-year">
          <SelectField
            id="duties-year"
            label={t("duties.year")}
            value={String(year)}
            onChange={(v) => onYear(Number(v))}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
        </div>
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
      </div>
      {actionError ? (
        <Alert data-color="danger" role="alert" data-testid="action-error" className="page-alert">
          <Paragraph>{actionError}</Paragraph>
        </Alert>
      ) : null}
      {exported ? <ExportDone title={t("exported.annualReport", { year })} {...exported} /> : null}
      <Confirmation slot="duties" />
      {loaded.status === "loading" && !duties ? <LoadingLine /> : null}
      {loaded.status === "error" && !duties ? (
        <Paragraph className="muted">
          {loaded.error.message}{" "}
          <Button variant="tertiary" data-size="sm" onClick={() => void reload()}>
            {t("app.retry")}
          </Button>
        </Paragraph>
      ) : null}
      {duties ? (
        <Table border data-color="neutral" data-size="sm" className="duty-table">
          <caption className="visually-hidden">{t("duties.title", { year })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell className="col-duty">{t("duties.col.duty")}</Table.HeaderCell>
              <Table.HeaderCell className="col-due">{t("duties.col.due")}</Table.HeaderCell>
              <Table.HeaderCell className="col-status">{t("duties.col.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duties.col.note")}</Table.HeaderCell>
              <Table.HeaderCell className="col-actions">
                <span className="visually-hidden">{t("duties.col.actions")}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {duties.map((duty) => {
              const kind = duty.name;
              const hint = dueHint(duty);
              return (
                <Table.Row key={duty.kind} data-testid="duty-row" data-kind={duty.kind} data-status={duty.status}>
                  <Table.Cell className="cell-name">{kind}</Table.Cell>
                  <Table.Cell>
                    <span className="nowrap" data-testid="duty-due">
                      {formatDate(duty.due)}
                    </span>{" "}
                    <span className="muted duty-due-note">{duty.defaultDue ? t("duties.defaultDue") : t("duties.changedDue")}</span>
                    {hint ? <span className={`duty-hint duty-hint--${duty.status}`}>{t(hint.key, hint.params)}</span> : null}
                  </Table.Cell>
                  <Table.Cell>
                    <DutyTag duty={duty} />
                  </Table.Cell>
                  <Table.Cell className="break">
                    {duty.evidence ? openEvidence(duty) : null}
                    {!duty.evidence && duty.waivedReason ? (
                      <span data-testid="waived-reason">
                        {t("duties.waivedBecause", { reason: duty.waivedReason })}
                        {duty.waived ? (
                          <span className="muted duty-waived-by">
                            {" "}
                            {t("duties.waivedBy", { by: duty.waived.by, date: formatDate(duty.waived.at.slice(0, 10)) })}
                          </span>
                        ) : null}
                      </span>
                    ) : null}
                    {!duty.evidence && !duty.waivedReason ? (
                      <span className="muted">{duty.beforeCouncil ? t("duties.beforeCouncil") : duty.status === "not_applicable" ? t("duties.notApplicable", { year }) : t("duties.noEvidence")}</span>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell className="cell-actions">
                    <div className="action-buttons">
                      {readOnly ? null : duty.status === "waived" ? (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="accent"
                          data-testid="unwaive-duty"
                          aria-label={t("duties.unwaiveLabel", { kind })}
                          loading={busy === `unwaive-${duty.kind}`}
                          disabled={busy !== null}
                          onClick={() => void undo(duty, "unwaive")}
                        >
                          {t("duties.unwaive")}
                        </Button>
                      ) : null}
                      {!readOnly && duty.evidenceKind === "manual" && duty.status !== "waived" && !duty.confirmation ? (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="accent"
                          data-testid="confirm-duty"
                          aria-label={t("duties.confirmLabel", { kind })}
                          disabled={busy !== null}
                          onClick={() => setOpen({ kind: "confirm", duty })}
                        >
                          {t("duties.confirm")}
                        </Button>
                      ) : null}
                      {!readOnly && duty.confirmation ? (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="accent"
                          data-testid="unconfirm-duty"
                          aria-label={t("duties.unconfirmLabel", { kind })}
                          loading={busy === `unconfirm-${duty.kind}`}
                          disabled={busy !== null}
                          onClick={() => void undo(duty, "unconfirm")}
                        >
                          {t("duties.unconfirm")}
                        </Button>
                      ) : null}
                      {!readOnly && (duty.status === "overdue" || duty.status === "due_soon" || duty.status === "open") ? (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="accent"
                          data-testid="waive-duty"
                          aria-label={t("duties.waiveLabel", { kind })}
                          disabled={busy !== null}
                          onClick={() => setOpen({ kind: "waive", duty })}
                        >
                          {t("duties.waive")}
                        </Button>
                      ) : null}
                      {!readOnly && duty.status !== "fulfilled" && duty.status !== "not_applicable" ? (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="accent"
                          data-testid="change-due"
                          aria-label={t("duties.changeDueLabel", { kind })}
                          disabled={busy !== null}
                          onClick={() => setOpen({ kind: "due", duty })}
                        >
                          {t("duties.changeDue")}
                        </Button>
                      ) : null}
                    </div>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
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
    </section>
  );
}
