import { Tag } from "@digdir/designsystemet-react";
import type { Quorum } from "../bindings/Quorum";
import { useI18n } from "../i18n/context";
import { quorumParams } from "./meetingModel";

/** "Vedtaksført: 4 av 6 plasser kan stemme (3 trengs)", or the warning when not. */
export function QuorumLine({ quorum }: { quorum: Quorum }) {
  const { t } = useI18n();
  const p = quorumParams(quorum);
  return (
    <p className={quorum.quorate ? "quorum quorum--ok" : "quorum quorum--no"} data-testid="quorum" data-quorate={quorum.quorate ? "true" : "false"}>
      <strong>{quorum.quorate ? t("quorum.yes") : t("quorum.no")}</strong>{" "}
      {t("quorum.detail", p)}
      {quorum.inhabil > 0 ? ` ${t("quorum.inhabil", p)}` : ""}
    </p>
  );
}

/** The short form in the item list. */
export function QuorumBadge({ quorum }: { quorum: Quorum }) {
  const { t } = useI18n();
  return (
    <Tag data-size="sm" data-color={quorum.quorate ? "success" : "warning"} data-testid="quorum-badge" data-quorate={quorum.quorate ? "true" : "false"}>
      {quorum.quorate ? t("quorum.badgeYes", quorumParams(quorum)) : t("quorum.badgeNo", quorumParams(quorum))}
    </Tag>
  );
}
