import { Heading, Link, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
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
    <section aria-labelledby="committee-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="committee-title">
        {t("committee.title")}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("committee.none")}
        </Paragraph>
      ) : (
        <div className="table-scroll">
          <Table border data-color="neutral" data-size="sm" className="committee-table">
            <caption className="visually-hidden">{t("committee.title")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell className="num">{t("committee.col.number")}</Table.HeaderCell>
                <Table.HeaderCell>{t("committee.col.applicant")}</Table.HeaderCell>
                <Table.HeaderCell>{t("committee.col.status")}</Table.HeaderCell>
                <Table.HeaderCell className="num">
                  <span className="wide-only">{t("committee.col.asked")}</span>
                  <span className="narrow-only">{t("committee.col.amounts")}</span>
                </Table.HeaderCell>
                <Table.HeaderCell className="num wide-only">{t("committee.col.proposed")}</Table.HeaderCell>
                <Table.HeaderCell className="num wide-only">{t("committee.col.granted")}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t("committee.col.score")}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t("committee.col.reviews")}</Table.HeaderCell>
                <Table.HeaderCell>{t("committee.col.inhabil")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map(({ application: a, weightedScore, reviewsComplete, inhabil, overruled }) => (
                <Table.Row
                  key={a.id}
                  data-testid="committee-row"
                  data-application-id={a.id}
                  data-status={a.status}
                  className="clickable-row"
                  onClick={() => onOpen(a.id)}
                >
                  <Table.Cell className="num">{a.number}</Table.Cell>
                  <Table.Cell className="break">
                    <Link asChild data-color="accent">
                      <button
                        type="button"
                        className="link-button"
                        data-testid="open-application"
                        onClick={(e) => {
                          e.stopPropagation();
                          onOpen(a.id);
                        }}
                      >
                        {a.organisation}
                      </button>
                    </Link>
                    <div className="muted committee-table__title">{a.title}</div>
                  </Table.Cell>
                  <Table.Cell>
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
                  </Table.Cell>
                  <Table.Cell className="num nowrap">
                    {formatKr(a.amountAskedOre)}
                    {/* On a narrow window the proposed and granted amounts stand under the asked one. */}
                    <div className="narrow-only muted committee-table__more">
                      {a.proposedOre !== null ? <div>{t("committee.proposedShort", { amount: formatKr(a.proposedOre) })}</div> : null}
                      {a.decision ? <div>{t("committee.grantedShort", { amount: formatKr(a.decision.grantedOre) })}</div> : null}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="num nowrap wide-only" data-testid="row-proposed">{a.proposedOre !== null ? formatKr(a.proposedOre) : dash}</Table.Cell>
                  <Table.Cell className="num nowrap wide-only" data-testid="row-granted">{a.decision ? formatKr(a.decision.grantedOre) : dash}</Table.Cell>
                  <Table.Cell className="num" data-testid="row-score">{formatScore(weightedScore)}</Table.Cell>
                  <Table.Cell className="num nowrap">{t("committee.reviewsOf", { done: reviewsComplete, of: Math.max(0, committee - inhabil.length) })}</Table.Cell>
                  <Table.Cell data-testid="row-inhabil">
                    {inhabil.length || overruled.length ? (
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
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
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
    </section>
  );
}
