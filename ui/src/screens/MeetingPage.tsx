import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import type { MeetingDetail } from "../bindings/MeetingDetail";
import type { ExportResult } from "../bindings/ExportResult";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import type { Navigate } from "../navigation";
import { Page } from "../components/Page";
import { Loading, LoadError } from "../components/Loading";
import { Confirmation, ExportDone, useConfirmation } from "../components/Confirmation";
import { MeetingContext, type Act, type Done, type MeetingCtx } from "../meetings/context";
import { pickItem } from "../meetings/meetingModel";
import { MeetingHeader } from "../meetings/MeetingHeader";
import { AttendanceSection } from "../meetings/AttendanceSection";
import { Completeness } from "../meetings/Completeness";
import { AgendaSection } from "../meetings/AgendaSection";
import { ApprovalSection } from "../meetings/ApprovalSection";
import { DocumentsSection } from "../meetings/DocumentsSection";
import { MeetingDialog } from "../meetings/MeetingDialog";
import { ApproveDialog } from "../meetings/ApproveDialog";

type Open = "edit" | "approve" | null;

/**
 * One meeting, built for use during the meeting: attendance, then the agenda one item at a time.
 * `item`: the agenda item to open first (from a search hit); otherwise the first one not withdrawn.
 */
export function MeetingPage({ id, item, navigate }: { id: string; item?: string | undefined; navigate: Navigate }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string[] | null>(null);
  const [exported, setExported] = useState<{ title: string; message: string } | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [selected, setSelected] = useState<string | null>(item ?? null);
  const [busy, setBusy] = useState(false);
  const { confirm, clear } = useConfirmation();

  // Answers can come back out of order: only the newest request's answer is shown.
  const issued = useRef(0);
  const shown = useRef(0);

  const show = useCallback((n: number, d: MeetingDetail, itemsBefore: readonly string[] | null) => {
    if (n < shown.current) return false;
    shown.current = n;
    setDetail(d);
    setSelected((cur) => pickItem(d.items, cur, itemsBefore));
    return true;
  }, []);

  const load = useCallback(async () => {
    const n = ++issued.current;
    try {
      const d = await backend.getMeeting(id);
      show(n, d, null);
      setLoadError(null);
    } catch (e) {
      setLoadError(toErrorReport(e).message);
    }
  }, [backend, id, show]);

  useEffect(() => {
    void load();
  }, [load]);

  // Opened on an item (from a search hit): the agenda in view, the focus on that item.
  const broughtIntoView = useRef(false);
  useEffect(() => {
    if (!item || !detail || broughtIntoView.current) return;
    broughtIntoView.current = true;
    document.getElementById("agenda-title")?.closest("section")?.scrollIntoView({ block: "start" });
    document.querySelector<HTMLElement>(`[data-testid=item-row][data-item-id="${CSS.escape(item)}"]`)?.focus({ preventScroll: true });
  }, [item, detail]);

  const itemIds = useMemo(() => detail?.items.map((i) => i.id) ?? [], [detail]);

  const act: Act = useCallback(
    async (call, done) => {
      const n = ++issued.current;
      const before = itemIds;
      clear();
      setExported(null);
      try {
        const d = await call();
        if (!show(n, d, before)) void load();
        setActionError(null);
        if (done) confirm(typeof done === "string" ? done : done(d));
        return null;
      } catch (e) {
        return toErrorReport(e);
      }
    },
    [itemIds, show, load, clear, confirm],
  );

  const actOrAlert = useCallback(
    async (call: () => Promise<MeetingDetail>, done?: Done) => {
      const report = await act(call, done);
      // A refusal without a form: the message, and what the fields say (e.g. "place" on send_notice).
      if (report) setActionError([...new Set([report.message, ...report.fields.map((f) => f.message)])]);
    },
    [act],
  );

  const runExport = async (call: () => Promise<ExportResult>) => {
    setBusy(true);
    setActionError(null);
    setExported(null);
    clear();
    try {
      const result = await call();
      const date = formatDate(detail?.meeting.date);
      const title = result.document.kind === "notice" ? t("exported.notice", { date }) : t("exported.minutes", { date });
      setExported({ title, message: result.message });
      void load(); // the archive list has a new document
    } catch (e) {
      const report = toErrorReport(e);
      if (report.code !== "cancelled") setActionError([report.message]);
    } finally {
      setBusy(false);
    }
  };

  const lifecycle = async (action: "send-notice" | "mark-held" | "approve-minutes") => {
    if (action === "approve-minutes") return setOpen("approve");
    setBusy(true);
    const date = (d: MeetingDetail) => ({ date: formatDate(d.meeting.date) });
    await actOrAlert(
      () => (action === "send-notice" ? backend.sendNotice(id) : backend.markHeld(id)),
      (d) => (action === "send-notice" ? t("confirm.noticeSent", date(d)) : t("confirm.meetingHeld", date(d))),
    );
    setBusy(false);
  };

  const ctx: MeetingCtx | null = useMemo(
    () =>
      detail
        ? { detail, act, actOrAlert, locked: detail.meeting.status === "approved", selectItem: setSelected }
        : null,
    [detail, act, actOrAlert],
  );

  return (
    <Page screen="meeting" ready={detail !== null}>
      <nav aria-label={t("meeting.back")} className="back-nav">
        <Button
          variant="tertiary"
          data-size="sm"
          data-testid="back-to-council"
          onClick={() => navigate(detail ? { name: "council", id: detail.meeting.councilId } : { name: "list" })}
        >
          ← {detail ? t("meeting.backTo", { name: detail.council.name }) : t("meeting.back")}
        </Button>
      </nav>
      {!detail && !loadError ? <Loading /> : null}
      {!detail && loadError ? <LoadError message={loadError} onRetry={() => void load()} /> : null}
      {ctx ? (
        <MeetingContext.Provider value={ctx}>
          <MeetingHeader
            busy={busy}
            onAction={(a) => void lifecycle(a)}
            onEdit={() => setOpen("edit")}
            onExportNotice={() => void runExport(() => backend.exportNotice(id))}
            onExportMinutes={() => void runExport(() => backend.exportMinutes(id))}
          />
          {actionError ? (
            <Alert data-color="danger" role="alert" data-testid="action-error" className="page-alert">
              {actionError.map((m, i) => (
                <Paragraph key={i}>{m}</Paragraph>
              ))}
            </Alert>
          ) : null}
          {exported ? <ExportDone title={exported.title} message={exported.message} /> : null}
          <Confirmation />
          <div className="meeting-top">
            <AttendanceSection />
            <Completeness />
          </div>
          <AgendaSection selected={selected} />
          <ApprovalSection />
          <DocumentsSection />
          {open === "edit" ? (
            <MeetingDialog
              mode="edit"
              meeting={ctx.detail.meeting}
              onClose={() => setOpen(null)}
              onSave={async (input) => {
                const report = await act(
                  () => backend.updateMeeting(id, input),
                  (d) => t("confirm.meetingSaved", { date: formatDate(d.meeting.date) }),
                );
                if (!report) setOpen(null);
                return report;
              }}
            />
          ) : null}
          {open === "approve" ? <ApproveDialog onClose={() => setOpen(null)} /> : null}
        </MeetingContext.Provider>
      ) : null}
    </Page>
  );
}
