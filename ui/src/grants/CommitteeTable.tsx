import { Paragraph, Tag } from "@digdir/designsystemet-react";
import { LinkButton } from "../components/LinkButton";
import { DataTable } from "../components/DataTable";
import { EmptyOr, Section } from "../components/Section";
import type { SchemeDetail } from "../bindings/SchemeDetail";
import type { Inhabil } from "../bindings/Inhabil";
import { useI18n } from "../i18n/context";
import { formatKr, formatScore } from "./format";
import { statusColor, statusLabel } from "./grantModel";

/** The committee's side-by-side view: one row per application; a click opens it. */
export function CommitteeTable({ detail, onOpen }: { detail: SchemeDetail; onOpen: (applicationId: string) => void }) {
  const { t } = useI18n();
  const { rows, budget, reviewers } = detail;
  const committee = reviewers.length;
  const dash = <span className="muted">–</span>;
  const inhabilText = (i: Inhabil) =>
    i.source === "organisation" ? t("inhabil.organisationShort", { name: i.personName, organisation: i.reason }) : t("inhabil.declaredShort", { name: i.personName, reason: i.reason });
  return (
    <Section id="committee-title" title={t("committee.title")}>
      <EmptyOr empty={rows.length === 0} note={t("committee.none")}>
        <div className="table-scroll">
          <DataTable
            rows={rows}
            rowKey={(r) => r.application.id}
            row={({ application: a }) => ({
              "data-testid": "committee-row",
              "data-application-id": a.id,
              "data-status": a.status,
              className: "clickable-row",
              onClick: () => onOpen(a.id),
            })}
            caption={t("committee.title")}
            className="committee-table"
            columns={[
              { head: t("committee.col.number"), headClassName: "num", className: "num", cell: (r) => r.application.number },
              {
                head: t("committee.col.applicant"),
                className: "break",
                cell: ({ application: a }) => (
                  <>
                    <LinkButton
                      testid="open-application"
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(a.id);
                      }}
                    >
                      {a.organisation}
                    </LinkButton>
                    <div className="muted committee-table__title">{a.title}</div>
                  </>
                ),
              },
              {
                head: t("committee.col.status"),
                cell: ({ application: a }) => (
                  <div className="tag-stack">
                    <Tag data-size="sm" data-color={statusColor(a.status)} data-testid="application-status">
                      {statusLabel(t, a.status)}
                    </Tag>
                    {a.late ? (
                      <Tag data-size="sm" data-color="warning" data-testid="late-flag">
                        {t("application.late")}
                      </Tag>
                    ) : null}
                  </div>
                ),
              },
              {
                head: (
                  <>
                    <span className="wide-only">{t("committee.col.asked")}</span>
                    <span className="narrow-only">{t("committee.col.amounts")}</span>
                  </>
                ),
                headClassName: "num",
                className: "num nowrap",
                cell: ({ application: a }) => (
                  <>
                    {formatKr(a.amountAskedOre)}
                    {/* On a narrow window the proposed and granted amounts stand under the asked one. */}
                    <div className="narrow-only muted committee-table__more">
                      {a.proposedOre !== null ? <div>{t("committee.proposedShort", { amount: formatKr(a.proposedOre) })}</div> : null}
                      {a.decision ? <div>{t("committee.grantedShort", { amount: formatKr(a.decision.grantedOre) })}</div> : null}
                    </div>
                  </>
                ),
              },
              {
                head: t("committee.col.proposed"),
                headClassName: "num wide-only",
                className: "num nowrap wide-only",
                testid: "row-proposed",
                cell: ({ application: a }) => (a.proposedOre !== null ? formatKr(a.proposedOre) : dash),
              },
              {
                head: t("committee.col.granted"),
                headClassName: "num wide-only",
                className: "num nowrap wide-only",
                testid: "row-granted",
                cell: ({ application: a }) => (a.decision ? formatKr(a.decision.grantedOre) : dash),
              },
              { head: t("committee.col.score"), headClassName: "num", className: "num", testid: "row-score", cell: (r) => formatScore(r.weightedScore) },
              {
                head: t("committee.col.reviews"),
                headClassName: "num",
                className: "num nowrap",
                cell: (r) => t("committee.reviewsOf", { done: r.reviewsComplete, of: Math.max(0, committee - r.inhabil.length) }),
              },
              {
                head: t("committee.col.inhabil"),
                testid: "row-inhabil",
                cell: ({ inhabil, overruled }) =>
                  inhabil.length || overruled.length ? (
                    <ul className="plain-list inhabil-list">
                      {inhabil.map((i) => (
                        <li key={i.membershipId}>{inhabilText(i)}</li>
                      ))}
                      {overruled.map((o) => (
                        <li key={o.membershipId} data-testid="row-overruled">
                          {t("inhabil.overruledShort", { name: o.personName, reason: o.reason })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    dash
                  ),
              },
            ]}
          />
        </div>
      </EmptyOr>
      {rows.length > 0 ? (
        <Paragraph data-size="sm" className="committee-sum" data-testid="committee-sum">
          {t("committee.sum", {
            proposed: formatKr(budget.proposedOre),
            granted: formatKr(budget.grantedOre),
            total: formatKr(budget.proposedOre + budget.grantedOre),
            budget: formatKr(budget.budgetOre),
          })}
        </Paragraph>
      ) : null}
    </Section>
  );
}
