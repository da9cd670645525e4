import { rowClick } from "../lib/rowClick";
import { useState } from "react";
import { Button, Heading, Link, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import type { SchemeSummary } from "../bindings/SchemeSummary";
import { useI18n } from "../i18n/context";
import { toErrorReport } from "../lib/errors";
import { useLoad } from "../lib/useLoad";
import { BudgetBar } from "./BudgetBar";
import { SchemeDialog } from "./SchemeDialog";
import { BudgetChart } from "../charts/BudgetChart";
import { LoadingLine } from "../components/Loading";
import { useConfirmation } from "../components/Confirmation";
import { useReadOnlyCouncil } from "../council/KeptElsewhere";

/** The council's grant schemes ("Tilskudd"), newest year first, and the button that creates one. */
export function SchemeList({
  councilId,
  first,
  onOpen,
}: {
  councilId: string;
  /** The schemes as the council's page got them, so they are not asked for again. */
  first?: SchemeSummary[] | undefined;
  onOpen: (schemeId: string) => void;
}) {
  const { t } = useI18n();
  const backend = useBackend();
  const [schemes, reload] = useLoad(() => backend.listSchemes(councilId), councilId, first);
  const readOnly = useReadOnlyCouncil();
  const [adding, setAdding] = useState(false);
  const { confirm, clear } = useConfirmation();
  return (
    <section aria-labelledby="schemes-title" className="section section--tight">
      <div className="section-head">
        <Heading level={2} data-size="2xs" id="schemes-title">
          {t("schemes.title")}
        </Heading>
        {!readOnly ? (
          <Button data-size="sm" variant="secondary" data-testid="new-scheme" onClick={() => setAdding(true)}>
            + {t("schemes.new")}
          </Button>
        ) : null}
      </div>
      {schemes.status === "loading" ? <LoadingLine /> : null}
      {schemes.status === "error" ? (
        <Paragraph className="muted">
          {schemes.error.message}{" "}
          <Button variant="tertiary" data-size="sm" onClick={() => void reload()}>
            {t("app.retry")}
          </Button>
        </Paragraph>
      ) : null}
      {schemes.status === "ready" && schemes.data.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("schemes.none")}
        </Paragraph>
      ) : null}
      {schemes.status === "ready" && schemes.data.length > 0 ? (
        <Table border data-color="neutral" data-size="sm" className="scheme-table">
          <caption className="visually-hidden">{t("schemes.title")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("schemes.col.name")}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t("schemes.col.year")}</Table.HeaderCell>
              <Table.HeaderCell className="col-budget">{t("schemes.col.budget")}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t("schemes.col.applications")}</Table.HeaderCell>
              <Table.HeaderCell>{t("schemes.col.reports")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {schemes.data.map(({ scheme, budget, applicationCount, reportsOverdue }) => (
              <Table.Row key={scheme.id} data-testid="scheme-row" data-scheme-id={scheme.id} {...rowClick(() => onOpen(scheme.id))}>
                <Table.Cell className="break">
                  <Link asChild data-color="accent">
                    <button type="button" className="link-button" data-testid="open-scheme" onClick={() => onOpen(scheme.id)}>
                      {scheme.name}
                    </button>
                  </Link>
                </Table.Cell>
                <Table.Cell className="num">{scheme.year}</Table.Cell>
                <Table.Cell>
                  <BudgetBar budget={budget} compact />
                </Table.Cell>
                <Table.Cell className="num">{applicationCount}</Table.Cell>
                <Table.Cell>
                  {reportsOverdue > 0 ? (
                    <Tag data-size="sm" data-color="warning" data-testid="reports-overdue">
                      {t("schemes.overdue", { count: reportsOverdue })}
                    </Tag>
                  ) : (
                    <span className="muted">{t("schemes.noneOverdue")}</span>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      {schemes.status === "ready" && schemes.data.length > 0 ? <BudgetChart schemes={schemes.data} /> : null}
      {adding ? (
        <SchemeDialog
          mode="new"
          councilId={councilId}
          year={new Date().getFullYear()}
          onClose={() => setAdding(false)}
          onSave={async (input) => {
            clear();
            try {
              const detail = await backend.createScheme(input);
              setAdding(false);
              onOpen(detail.scheme.id);
              // Said after navigating, so the scheme's own page says it.
              confirm(t("confirm.schemeCreated", { name: detail.scheme.name }));
              return null;
            } catch (e) {
              return toErrorReport(e);
            }
          }}
        />
      ) : null}
    </section>
  );
}
