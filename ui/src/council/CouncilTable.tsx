import { rowClick } from "../lib/rowClick";
import { useCallback } from "react";
import { Tag } from "@digdir/designsystemet-react";
import { DataTable } from "../components/DataTable";
import type { CouncilSummary } from "../bindings/CouncilSummary";
import { useI18n } from "../i18n/context";
import { LinkButton } from "../components/LinkButton";
import { kindLabel } from "../lib/labels";
import { useVirtualRows, type VirtualRows } from "../lib/virtualRows";

/** The rows of the council table as rendered: a kommune's 200 only near the window. */
export function useCouncilRows(councils: CouncilSummary[]): VirtualRows {
  const keyOf = useCallback((i: number) => councils[i]?.id ?? String(i), [councils]);
  return useVirtualRows(councils.length, 45, keyOf);
}

export function CouncilTable({ councils, shown, onOpen }: { councils: CouncilSummary[]; shown: VirtualRows; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <DataTable
      rows={councils}
      shown={shown}
      rowKey={(c) => c.id}
      row={(c) => ({ "data-testid": "council-row", ...rowClick(() => onOpen(c.id)) })}
      caption={t("list.caption")}
      zebra
      className="council-table"
      data-size={undefined}
      columns={[
        {
          head: t("list.col.name"),
          cell: (c) => (
            <LinkButton testid="open-council" onClick={() => onOpen(c.id)}>
              {c.name}
            </LinkButton>
          ),
        },
        { head: t("list.col.kind"), cell: (c) => kindLabel(t, c.kind) },
        { head: t("list.col.area"), cell: (c) => c.area },
        { head: t("list.col.seats"), headClassName: "num", className: "num", cell: (c) => t("list.seats", { filled: c.seatsFilled, planned: c.seatsPlanned }) },
        { head: t("list.col.vacant"), headClassName: "num", className: "num", cell: (c) => c.seatsVacant },
        {
          head: t("list.col.warnings"),
          cell: (c) =>
            c.warningCount > 0 ? (
              <Tag data-color="warning">{c.warningCount === 1 ? t("list.warningsOne") : t("list.warnings", { count: c.warningCount })}</Tag>
            ) : (
              <span className="muted">{t("list.noWarnings")}</span>
            ),
        },
      ]}
    />
  );
}
