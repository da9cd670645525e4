import { createContext, useContext } from "react";
import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Council } from "../bindings/Council";
import type { KeptElsewhere } from "../bindings/KeptElsewhere";
import { useI18n } from "../i18n/context";
import { formatLocalDateTime } from "../lib/backups";

/**
 * Where the council on screen is kept, when that is another file: core
 * refuses every write to it, and the screens hide their edit buttons.
 * `null` for a council kept here.
 */
export const KeptElsewhereContext = createContext<KeptElsewhere | null>(null);

/** Whether the council on screen is only read here. */
export function useReadOnlyCouncil(): boolean {
  return useContext(KeptElsewhereContext) !== null;
}

/** The note on a council kept in another file: who keeps it, and the package it came from. */
export function KeptElsewhereNote({ council }: { council: Council }) {
  const { t } = useI18n();
  const kept = council.keptElsewhere;
  if (!kept) return null;
  return (
    <Alert data-color="info" data-testid="kept-elsewhere" className="page-alert">
      <Heading level={2} data-size="2xs">
        {t("council.keptElsewhereTitle")}
      </Heading>
      <Paragraph className="break">
        {t("council.keptElsewhere", {
          council: council.name,
          who: kept.keptBy,
          file: kept.fileName,
          date: kept.exportedAt ? formatLocalDateTime(kept.exportedAt) : "",
        })}
      </Paragraph>
    </Alert>
  );
}
