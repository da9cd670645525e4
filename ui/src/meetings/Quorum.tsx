import { Tag } from "@digdir/designsystemet-react";
import type { Quorum } from "../bindings/Quorum";
import { useI18n } from "../i18n/context";
import { quorumParams } from "./meetingModel";
import { useMeeting } from "./context";

/**
 * "Vedtaksført: 4 av 6 plasser kan stemme (3 trengs)", or the warning when
 * not; before the meeting is held (not judged yet), only how many are needed.
 */
export function QuorumLine({ quorum }: { quorum: Quorum }) {
  const { t } = useI18n();
  const { detail } = useMeeting();
  const p = quorumParams(quorum);
  if (!detail.lifecycle.judged) {
    return (
      <p className="quorum quorum--pending" data-testid="quorum" data-quorate="pending">
        {t("quorum.pending", p)}
      </p>
    );
  }
  return (
    <p className={quorum.quorate ? "quorum quorum--ok" : "quorum quorum--no"} data-testid="quorum" data-quorate={quorum.quorate ? "true" : "false"}>
      <strong>{quorum.quorate ? t("quorum.yes") : t("quorum.no")}</strong>{" "}
      {t("quorum.detail", p)}
      {quorum.inhabil > 0 ? ` ${t("quorum.inhabil", p)}` : ""}
      {!quorum.quorate ? ` ${t("quorum.notDecided")}` : ""}
    </p>
  );
}

/** The short form in the item list. */
export function QuorumBadge({ quorum }: { quorum: Quorum }) {
  const { t } = useI18n();
  const { detail } = useMeeting();
  if (!detail.lifecycle.judged) return null;
  return (
    <Tag data-size="sm" data-color={quorum.quorate ? "success" : "warning"} data-testid="quorum-badge" data-quorate={quorum.quorate ? "true" : "false"}>
      {quorum.quorate ? t("quorum.badgeYes", quorumParams(quorum)) : t("quorum.badgeNo", quorumParams(quorum))}
    </Tag>
  );
}
