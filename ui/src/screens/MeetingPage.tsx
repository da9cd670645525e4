import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SavedFile } from "../bindings/SavedFile";
import type { MeetingDetail } from "../bindings/MeetingDetail";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { meetingStatusLabel } from "../lib/labels";
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
import { MeetingContext, type Act, type MeetingCtx } from "../meetings/context";
import { pickItem } from "../meetings/meetingModel";
import { MeetingHeader } from "../meetings/MeetingHeader";
import { AttendanceSection } from "../meetings/AttendanceSection";
import { Completeness } from "../meetings/Completeness";
import { AgendaSection } from "../meetings/AgendaSection";
import { ApprovalSection } from "../meetings/ApprovalSection";
import { KeptElsewhereNote } from "../council/KeptElsewhere";
import { DocumentsSection } from "../meetings/DocumentsSection";
import { MeetingDialog } from "../meetings/MeetingDialog";
import { ApproveDialog } from "../meetings/ApproveDialog";
import { StepDialog, type StatusStep } from "../meetings/StepDialog";
import { dropDraft, draftsUnder, meetingDraftPrefix } from "../lib/drafts";
import { useLeaveGuard } from "../lib/leaveGuard";

type Open = "edit" | "approve" | StatusStep | null;

/**
 * One meeting, built for use during the meeting: attendance, then the agenda one item at a time.
 * `item`: the agenda item to open first (from a search hit); otherwise the first one not withdrawn.
 */
export function MeetingPage({
  id,
  item,
  search,
  navigate,
}: {
  id: string;
  item?: string | undefined;
  /** The search this meeting was opened from: a way back to its hits. */
  search?: SearchState | undefined;
  navigate: Navigate;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string[] | null>(null);
  const [exported, setExported] = useState<{ title: string; message: string; path: string; details: string; openNow?: boolean } | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [selected, setSelected] = useState<string | null>(item ?? null);
  const [changing, setChanging] = useState(false);
  const { confirm, clear } = useConfirmation();
  const files = useFileAction(useCallback((report: ErrorReport) => setActionError([report.message]), []));
  // An export or a status change under way: the others wait.
  const busy = changing || files.busy !== null;

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

  const actOrAlert = useActOrAlert(act, setActionError);

  /** An export, said with `title` once saved; `mail`: a draft opened in the mail program at once, not archived. */
  const saveFile = (title: string, call: () => Promise<SavedFile>, mail = false) => {
    setActionError(null);
    setExported(null);
    clear();
    return files.run(true, call, (saved) => {
      setExported({ title, ...saved, ...(mail ? { openNow: true } : {}) });
      if (!mail) void load(); // the archive list has a new document
    });
  };
  const runExport = (kind: "notice" | "minutes", call: () => Promise<SavedFile>) => {
    const date = formatDate(detail?.meeting.date);
    return saveFile(kind === "notice" ? t("exported.notice", { date }) : t("exported.minutes", { date }), call);
  };

  // The notice as an e-mail draft: saved where the person chooses and opened
  // in the mail program at once; nothing is archived or sent.
  const noticeMail = () => saveFile(t("exported.noticeMail", { date: formatDate(detail?.meeting.date) }), () => backend.exportNoticeMail(id), true);

  // Every status change is asked first (StepDialog); this runs it once confirmed.
  const changeStatus = async (step: StatusStep) => {
    setChanging(true);
    const date = (d: MeetingDetail) => ({ date: formatDate(d.meeting.date) });
    const call = step === "send-notice" ? backend.sendNotice : step === "mark-held" ? backend.markHeld : backend.undoStatus;
    await actOrAlert(
      () => call(id),
      (d) =>
        step === "send-notice"
          ? t("confirm.noticeSent", date(d))
          : step === "mark-held"
            ? t("confirm.meetingHeld", date(d))
            : t("confirm.statusUndone", { status: meetingStatusLabel(t, d.meeting.status) }),
    );
    setChanging(false);
    setOpen(null);
  };
  const lifecycle = (action: "send-notice" | "mark-held" | "approve-minutes") => {
    if (busy || open) return;
    setOpen(action === "approve-minutes" ? "approve" : action);
  };

  // Unsaved referat or decision text: kept as drafts, and asked about before leaving.
  useLeaveGuard({
    unsaved: () => draftsUnder(meetingDraftPrefix(id)).map((d) => d.label),
    discard: () => draftsUnder(meetingDraftPrefix(id)).forEach((d) => dropDraft(d.key)),
    stay: () => {
      const first = draftsUnder(meetingDraftPrefix(id))[0];
      const itemId = first?.key.slice(meetingDraftPrefix(id).length);
      if (itemId) setSelected(itemId);
      requestAnimationFrame(() => document.getElementById("item-decision")?.focus());
    },
  });

  const ctx: MeetingCtx | null = useMemo(
    () =>
      detail
        ? {
            detail,
            act,
            actOrAlert,
            // Approved minutes are locked; a council kept in another file is only read here.
            locked: detail.meeting.status === "approved" || detail.council.keptElsewhere != null,
            selectItem: setSelected,
          }
        : null,
    [detail, act, actOrAlert],
  );

  return (
    <Page screen="meeting" ready={detail !== null}>
      <BackNav
        label={t("meeting.back")}
        testid="back-to-council"
        to={detail ? { name: "council", id: detail.meeting.councilId } : { name: "list" }}
        navigate={navigate}
        search={search}
      >
        {detail ? t("meeting.backTo", { name: detail.council.name }) : t("meeting.back")}
      </BackNav>
      {!detail ? <DetailLoad error={loadError} onRetry={() => void load()} /> : null}
      {ctx ? (
        <MeetingContext.Provider value={ctx}>
          <MeetingHeader
            busy={busy}
            onAction={lifecycle}
            onUndo={() => {
              if (!busy && !open) setOpen("undo");
            }}
            onEdit={() => setOpen("edit")}
            onExportNotice={() => void runExport("notice", () => backend.exportNotice(id))}
            onNoticeMail={() => void noticeMail()}
            onExportMinutes={() => void runExport("minutes", () => backend.exportMinutes(id))}
            onExportPublicNotice={() => void runExport("notice", () => backend.exportPublicNotice(id))}
            onExportPublicMinutes={() => void runExport("minutes", () => backend.exportPublicMinutes(id))}
          />
          <PageAlert message={actionError} testid="action-error" />
          {exported ? <ExportDone {...exported} /> : null}
          <KeptElsewhereNote council={ctx.detail.council} />
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
          {open === "send-notice" || open === "mark-held" || open === "undo" ? (
            <StepDialog step={open} onConfirm={() => changeStatus(open)} onClose={() => setOpen(null)} />
          ) : null}
        </MeetingContext.Provider>
      ) : null}
    </Page>
  );
}
