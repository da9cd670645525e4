import { rowClick } from "../lib/rowClick";
import { useState } from "react";
import { Tag } from "@digdir/designsystemet-react";
import { DataTable } from "../components/DataTable";
import { EmptyOr, Section } from "../components/Section";
import { useBackend } from "../backend";
import type { SchemeSummary } from "../bindings/SchemeSummary";
import { useI18n } from "../i18n/context";
import { LinkButton } from "../components/LinkButton";
import { useLoad } from "../lib/useLoad";
import { BudgetBar } from "./BudgetBar";
import { SchemeDialog } from "./SchemeDialog";
import { BudgetChart } from "../charts/BudgetChart";
import { SectionLoad } from "../components/Loading";
import { useConfirmation } from "../components/Confirmation";
import { AddButton } from "../components/AddButton";
import { createAndOpen } from "../components/createAndOpen";
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
    <Section
      id="schemes-title"
      title={t("schemes.title")}
      actions={
        !readOnly ? (
          <AddButton testid="new-scheme" onClick={() => setAdding(true)}>
            {t("schemes.new")}
          </AddButton>
        ) : null
      }
    >
      <SectionLoad state={schemes} onRetry={() => void reload()} />
      {schemes.status === "ready" ? (
        <EmptyOr empty={schemes.data.length === 0} note={t("schemes.none")}>
          <DataTable
            rows={schemes.data}
            rowKey={(s) => s.scheme.id}
            row={({ scheme }) => ({ "data-testid": "scheme-row", "data-scheme-id": scheme.id, ...rowClick(() => onOpen(scheme.id)) })}
            caption={t("schemes.title")}
            className="scheme-table"
            columns={[
              {
                head: t("schemes.col.name"),
                className: "break",
                cell: ({ scheme }) => (
                  <LinkButton testid="open-scheme" onClick={() => onOpen(scheme.id)}>
                    {scheme.name}
                  </LinkButton>
                ),
              },
              { head: t("schemes.col.year"), headClassName: "num", className: "num", cell: ({ scheme }) => scheme.year },
              { head: t("schemes.col.budget"), headClassName: "col-budget", cell: ({ budget }) => <BudgetBar budget={budget} compact /> },
              { head: t("schemes.col.applications"), headClassName: "num", className: "num", cell: (s) => s.applicationCount },
              {
                head: t("schemes.col.reports"),
                cell: ({ reportsOverdue }) =>
                  reportsOverdue > 0 ? (
                    <Tag data-size="sm" data-color="warning" data-testid="reports-overdue">
                      {t("schemes.overdue", { count: reportsOverdue })}
                    </Tag>
                  ) : (
                    <span className="muted">{t("schemes.noneOverdue")}</span>
                  ),
              },
            ]}
          />
          <BudgetChart schemes={schemes.data} />
        </EmptyOr>
      ) : null}
      {adding ? (
        <SchemeDialog
          mode="new"
          councilId={councilId}
          year={new Date().getFullYear()}
          onClose={() => setAdding(false)}
          onSave={(input) =>
            createAndOpen(() => backend.createScheme(input), {
              clear,
              confirm,
              close: () => setAdding(false),
              open: (detail) => onOpen(detail.scheme.id),
              said: (detail) => t("confirm.schemeCreated", { name: detail.scheme.name }),
            })
          }
        />
      ) : null}
    </Section>
  );
}
