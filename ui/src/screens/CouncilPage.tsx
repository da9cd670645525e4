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
import { Loading, LoadError } from "../components/Loading";
import { CouncilFacts } from "../council/CouncilFacts";
import { Notices } from "../council/Notices";
import { SeatCategorySection } from "../council/SeatCategorySection";
import { MemberTable, type MemberActions } from "../council/MemberTable";
import { FormerTable } from "../council/FormerTable";
import { MemberDialog } from "../members/MemberDialog";
import { EndDialog } from "../members/EndDialog";

type Open = { kind: "add" } | { kind: "edit"; membership: Membership } | { kind: "end"; membership: Membership } | null;

export function CouncilPage({ id, navigate }: { id: string; navigate: Navigate }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [state, reload] = useLoad(() => backend.getCouncil(id), id);
  const [open, setOpen] = useState<Open>(null);

  const detail = state.status === "ready" ? state.data : null;
  const close = () => setOpen(null);
  const saved = () => {
    setOpen(null);
    void reload();
  };
  const actions: MemberActions = {
    onEdit: (membership) => setOpen({ kind: "edit", membership }),
    onEnd: (membership) => setOpen({ kind: "end", membership }),
  };

  return (
    <Page screen="council" ready={detail !== null}>
      <nav aria-label={t("council.back")} className="back-nav">
        <Button variant="tertiary" data-size="sm" data-testid="back-to-list" onClick={() => navigate({ name: "list" })}>
          ← {t("council.back")}
        </Button>
      </nav>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <LoadError message={state.error.message} onRetry={reload} /> : null}
      {detail ? (
        <>
          <div className="page-title">
            <Heading level={1} data-size="lg" tabIndex={-1}>
              {detail.council.name}
            </Heading>
            <div className="button-row">
              <Button variant="secondary" data-testid="edit-council" onClick={() => navigate({ name: "edit-council", id })}>
                {t("council.edit")}
              </Button>
              <Button data-testid="add-member" onClick={() => setOpen({ kind: "add" })}>
                {t("council.addMember")}
              </Button>
            </div>
          </div>
          <CouncilFacts council={detail.council} />
          <Notices notices={detail.composition.notices} />
          <Seats detail={detail} actions={actions} />
          <OtherMembers detail={detail} actions={actions} />
        </>
      ) : null}

      {detail && open?.kind === "add" ? (
        <MemberDialog mode="add" councilId={id} category={firstVacant(detail)} onSaved={saved} onClose={close} />
      ) : null}
      {open?.kind === "edit" ? (
        <MemberDialog key={open.membership.id} mode="edit" membership={open.membership} onSaved={saved} onClose={close} />
      ) : null}
      {open?.kind === "end" ? (
        <EndDialog key={open.membership.id} membership={open.membership} onSaved={saved} onClose={close} />
      ) : null}
    </Page>
  );
}

/** The category a new member most likely goes into: the first with a vacant seat. */
function firstVacant(detail: CouncilDetail): SeatCategory {
  return detail.composition.categories.find((c) => c.vacant > 0)?.category ?? "senior";
}

function Seats({ detail, actions }: { detail: CouncilDetail; actions: MemberActions }) {
  const { t } = useI18n();
  const { composition, current } = detail;
  const g = composition.genders;
  return (
    <section aria-labelledby="seats-title" className="section">
      <Heading level={2} data-size="xs" id="seats-title">
        {t("council.seats")}
      </Heading>
      <Paragraph>
        {t("council.seatsSummary", {
          filled: composition.seatsFilled,
          planned: composition.seatsPlanned,
          vacant: composition.seatsVacant,
        })}{" "}
        <span className="muted">
          {t("council.gender", { female: g.female, male: g.male, other: g.other, unknown: g.unknown })}
        </span>
      </Paragraph>
      {composition.categories.map((status) => (
        <SeatCategorySection
          key={status.category}
          status={status}
          members={current.filter((m) => m.category === status.category && m.role !== "varamedlem")}
          actions={actions}
        />
      ))}
    </section>
  );
}

function OtherMembers({ detail, actions }: { detail: CouncilDetail; actions: MemberActions }) {
  const { t } = useI18n();
  const deputies = detail.current.filter((m) => m.role === "varamedlem");
  return (
    <>
      <section aria-labelledby="deputies-title" className="section">
        <Heading level={2} data-size="xs" id="deputies-title">
          {t("council.deputies")}
        </Heading>
        <Paragraph className="muted" data-size="sm">
          {t("council.deputiesHelp")}
        </Paragraph>
        {deputies.length ? (
          <MemberTable members={deputies} caption={t("council.deputies")} showCategory actions={actions} />
        ) : (
          <Paragraph>{t("council.noDeputies")}</Paragraph>
        )}
      </section>
      <section aria-labelledby="upcoming-title" className="section">
        <Heading level={2} data-size="xs" id="upcoming-title">
          {t("council.upcoming")}
        </Heading>
        {detail.upcoming.length ? (
          <MemberTable
            members={detail.upcoming}
            caption={t("council.upcoming")}
            showCategory
            actions={actions}
            rowTestId="upcoming-row"
            editTestId="edit-upcoming"
            endTestId="end-upcoming"
          />
        ) : (
          <Paragraph className="muted">{t("council.noUpcoming")}</Paragraph>
        )}
      </section>
      <section aria-labelledby="former-title" className="section">
        <Heading level={2} data-size="xs" id="former-title">
          {t("council.former")}
        </Heading>
        {detail.former.length ? (
          <FormerTable members={detail.former} caption={t("council.former")} />
        ) : (
          <Paragraph className="muted">{t("council.noFormer")}</Paragraph>
        )}
      </section>
    </>
  );
}
