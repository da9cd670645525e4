import { useState } from "react";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { CouncilDetail } from "../bindings/CouncilDetail";
import type { Membership } from "../bindings/Membership";
import type { SeatCategory } from "../bindings/SeatCategory";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useLoad } from "../lib/useLoad";
import type { Navigate } from "../navigation";
import { Page } from "../components/Page";
import { BackNav } from "../components/BackNav";
import { LoadError, LoadingLine, ScreenLoad } from "../components/Loading";
import { Lazy } from "../components/Lazy";
import { VIRTUAL_FROM } from "../lib/virtualRows";
import { Confirmation, useConfirmation } from "../components/Confirmation";
import { CouncilFacts } from "../council/CouncilFacts";
import { Notices } from "../council/Notices";
import { SeatPlan } from "../council/SeatPlan";
import { SeatTable } from "../council/SeatTable";
import { MemberTable, type MemberActions } from "../council/MemberTable";
import { FormerTable } from "../council/FormerTable";
import { EraseDialog } from "../members/EraseDialog";
import { MemberDialog } from "../members/MemberDialog";
import { EndDialog } from "../members/EndDialog";
import { ImportMembers } from "../members/ImportMembers";
import { MeetingList } from "../meetings/MeetingList";
import { SchemeList } from "../grants/SchemeList";
import { DutiesSection } from "../duties/DutiesSection";
import { HandoverSection } from "../council/HandoverSection";
import { AccountSection } from "../council/AccountSection";
import { KeptElsewhereContext, KeptElsewhereNote } from "../council/KeptElsewhere";
import { AttendanceSection } from "../charts/AttendanceSection";
import { todayIso } from "../lib/dates";
import { roleInSentence } from "../lib/labels";

type Open =
  | { kind: "add" }
  | { kind: "edit"; membership: Membership }
  | { kind: "end"; membership: Membership }
  | { kind: "erase"; membership: Membership }
  | null;

export function CouncilPage({ id, navigate }: { id: string; navigate: Navigate }) {
  const backend = useBackend();
  const { t } = useI18n();
  // Three answers asked for at once: the council, its meetings (the first
  // screenful), and what the sections below them show first.
  const [state, reload] = useLoad(() => backend.getCouncil(id), id);
  const [open, setOpen] = useState<Open>(null);
  const [meetings, reloadMeetings] = useLoad(() => backend.listMeetings(id), id);
  const [sections, reloadSections] = useLoad(() => backend.getCouncilSections(id), id);
  const thisYear = Number(todayIso().slice(0, 4));
  // The year of the duties and the hand-over: core's choice (last year until
  // its annual report is due), or the one picked.
  const [picked, setPicked] = useState<number | null>(null);
  const { confirm } = useConfirmation();

  const detail = state.status === "ready" ? state.data : null;
  const first = sections.status === "ready" ? sections.data : null;
  const year = picked ?? detail?.accountingYear ?? thisYear;
  const years = [...new Set([thisYear, year, thisYear - 1])].sort((a, b) => b - a);
  const close = () => setOpen(null);
  // A council with years of meetings: its page is long, the sections below the meetings wait.
  const long = meetings.status === "ready" && meetings.data.length > VIRTUAL_FROM;
  /** A member dialog saved: close it, say what was done, show the fresh seats. */
  const saved = (done: string) => {
    setOpen(null);
    confirm(done);
    void reload();
  };
  // A council kept in another file is only read here: no buttons that write.
  const readOnly = detail?.council.keptElsewhere != null;
  const actions: MemberActions | undefined = readOnly
    ? undefined
    : {
        onEdit: (membership) => setOpen({ kind: "edit", membership }),
        onEnd: (membership) => setOpen({ kind: "end", membership }),
      };

  return (
    <Page screen="council" ready={detail !== null}>
      <BackNav label={t("council.back")} testid="back-to-list" to={{ name: "list" }} navigate={navigate}>
        {t("council.back")}
      </BackNav>
      <ScreenLoad state={state} onRetry={reload} />
      {detail ? (
        <KeptElsewhereContext.Provider value={detail.council.keptElsewhere ?? null}>
          <div className="page-title page-title--compact">
            <Heading level={1} data-size="md" tabIndex={-1}>
              {detail.council.name}
            </Heading>
            <div className="button-row">
              <Button variant="tertiary" data-testid="print" className="print-hidden" onClick={() => window.print()}>
                {t("app.print")}
              </Button>
              {!readOnly ? (
                <>
                  <Button variant="secondary" data-testid="edit-council" onClick={() => navigate({ name: "edit-council", id })}>
                    {t("council.edit")}
                  </Button>
                  <Button data-testid="add-member" onClick={() => setOpen({ kind: "add" })}>
                    {t("council.addMember")}
                  </Button>
                  <ImportMembers councilId={id} onImported={saved} />
                </>
              ) : null}
            </div>
          </div>
          <KeptElsewhereNote council={detail.council} />
          <Confirmation />
          {/* The meetings first: what a secretary opens most evenings. */}
          <MeetingList
            councilId={id}
            meetings={meetings}
            onOpen={(meetingId) => navigate({ name: "meeting", id: meetingId })}
            onRetry={() => void reloadMeetings()}
          />
          <SeatPlan composition={detail.composition} />
          <Notices notices={detail.composition.notices} />
          <SeatTable detail={detail} actions={actions} />
          {/* Below a long meeting list the sections render when scrolled near or
              when the web view is idle after the first paint (components/Lazy.tsx). */}
          {first && meetings.status !== "loading" ? (
            <>
              <Lazy when={long} idle minHeight={400} testid="attendance-later">
                <AttendanceSection councilId={id} first={first.attendance} />
              </Lazy>
              <Lazy when={long} idle minHeight={200} testid="schemes-later">
                <SchemeList councilId={id} first={first.schemes} onOpen={(schemeId) => navigate({ name: "scheme", id: schemeId })} />
              </Lazy>
              <Lazy when={long} idle minHeight={300} testid="account-later">
                <AccountSection key={`account-${year}`} councilId={id} year={year} years={years} onYear={setPicked} />
              </Lazy>
              <Lazy when={long} idle minHeight={400} testid="duties-later">
                <DutiesSection
                  key={`duties-${year}`}
                  councilId={id}
                  year={year}
                  years={years}
                  onYear={setPicked}
                  navigate={navigate}
                  first={year === first.accountingYear ? first.duties : undefined}
                />
              </Lazy>
            </>
          ) : sections.status === "error" ? (
            <LoadError message={sections.error.message} onRetry={reloadSections} />
          ) : (
            <LoadingLine />
          )}
          {meetings.status !== "loading" ? (
            <>
              <Lazy when={long} idle minHeight={150} testid="handover-later">
                <HandoverSection key={`handover-${year}`} councilId={id} year={year} />
              </Lazy>
              <Lazy when={long} idle minHeight={400} testid="members-later">
                <CouncilFacts council={detail.council} />
                <OtherMembers detail={detail} actions={actions} onErase={readOnly ? undefined : (membership) => setOpen({ kind: "erase", membership })} />
              </Lazy>
            </>
          ) : null}
        </KeptElsewhereContext.Provider>
      ) : null}

      {detail && open?.kind === "add" ? (
        <MemberDialog
          mode="add"
          councilId={id}
          category={firstVacant(detail)}
          onSaved={(m) => saved(t("confirm.memberAdded", { name: m.person.name, role: roleInSentence(t, m.role) }))}
          onClose={close}
        />
      ) : null}
      {open?.kind === "edit" ? (
        <MemberDialog
          key={open.membership.id}
          mode="edit"
          membership={open.membership}
          onSaved={(m) => saved(t("confirm.memberSaved", { name: m.person.name }))}
          onClose={close}
        />
      ) : null}
      {open?.kind === "erase" ? (
        <EraseDialog key={open.membership.id} membership={open.membership} onErased={saved} onClose={close} />
      ) : null}
      {open?.kind === "end" ? (
        <EndDialog
          key={open.membership.id}
          membership={open.membership}
          onSaved={(m) => saved(t("confirm.memberEnded", { name: m.person.name }))}
          onClose={close}
        />
      ) : null}
    </Page>
  );
}

/** The category a new member most likely goes into: the first with a vacant seat. */
function firstVacant(detail: CouncilDetail): SeatCategory {
  const listed = detail.composition.categories;
  return listed.find((c) => c.vacant > 0)?.category ?? listed[0]?.category ?? "";
}

function OtherMembers({
  detail,
  actions,
  onErase,
}: {
  detail: CouncilDetail;
  actions: MemberActions | undefined;
  onErase: ((m: Membership) => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="upcoming-title" className="section section--tight">
        <Heading level={2} data-size="2xs" id="upcoming-title">
          {t("council.upcoming")}
        </Heading>
        {detail.upcoming.length ? (
          <MemberTable
            members={detail.upcoming}
            caption={t("council.upcoming")}
            actions={actions}
            ids={{ row: "upcoming-row", edit: "edit-upcoming", end: "end-upcoming" }}
          />
        ) : (
          <Paragraph className="muted" data-size="sm">
            {t("council.noUpcoming")}
          </Paragraph>
        )}
      </section>
      <section aria-labelledby="former-title" className="section section--tight">
        <Heading level={2} data-size="2xs" id="former-title">
          {t("council.former")}
        </Heading>
        {detail.former.length ? (
          <FormerTable members={detail.former} caption={t("council.former")} onErase={onErase} />
        ) : (
          <Paragraph className="muted" data-size="sm">
            {t("council.noFormer")}
          </Paragraph>
        )}
      </section>
    </>
  );
}
