import { useState } from "react";
import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { formatDateTime } from "../lib/times";
import { refusalMessage } from "../lib/errors";
import { ExportDone } from "../components/Confirmation";
import { useMeeting } from "./context";

/** A statement to the kommune on its item: the kommune's case number, the
 * deadline (late when before the meeting, as the core says), to whom, and
 * once the minutes are approved the letter to the kommune. */
export function ItemStatement({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useMeeting();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<{ title: string; message: string; path: string; details: string } | null>(null);
  const s = item.statement;
  if (!s) return null;
  const approved = detail.meeting.status === "approved";
  const last = s.letters[s.letters.length - 1];

  const exportLetter = async () => {
    setBusy(true);
    setError(null);
    setExported(null);
    const refused = await refusalMessage(async () => {
      const saved = await backend.exportStatement(item.id);
      setExported({ title: t("exported.statement", { caseRef: s.caseRef }), ...saved });
      // The letter is archived with the item: read the meeting again to list it.
      await act(() => backend.getMeeting(detail.meeting.id));
    });
    setError(refused);
    setBusy(false);
  };

  return (
    <section className="item-text" data-testid="item-statement-facts" aria-labelledby={`statement-${item.id}`}>
      <Heading level={4} data-size="2xs" id={`statement-${item.id}`}>
        {t("item.statement")}
      </Heading>
      <dl className="statement-facts">
        <dt>{t("item.caseRef")}</dt>
        <dd data-testid="statement-case-ref">{s.caseRef}</dd>
        <dt>{t("item.deadline")}</dt>
        <dd data-testid="statement-deadline">
          {formatDate(s.deadline)}{" "}
          {s.late ? (
            <Tag data-size="sm" data-color="warning" data-testid="statement-late">
              {t("statement.late")}
            </Tag>
          ) : null}
        </dd>
        <dt>{t("statement.to")}</dt>
        <dd>{s.recipient || t("statement.toKommune")}</dd>
        {last ? (
          <>
            <dt>{t("statement.lastLetter")}</dt>
            <dd data-testid="statement-letter">
              {last.fileName} ({formatDateTime(last.created.at, t("time.at"))})
            </dd>
          </>
        ) : null}
      </dl>
      {approved ? (
        <div className="button-row">
          <Button variant="secondary" data-size="sm" data-testid="export-statement" loading={busy} onClick={() => void exportLetter()}>
            {t("statement.export")}
          </Button>
        </div>
      ) : !item.withdrawn ? (
        <Paragraph data-size="sm" className="muted" data-testid="statement-after-approval">
          {t("statement.afterApproval")}
        </Paragraph>
      ) : null}
      {error ? (
        <Paragraph data-size="sm" className="field-error" role="alert" data-testid="statement-error">
          {error}
        </Paragraph>
      ) : null}
      {exported ? <ExportDone {...exported} /> : null}
    </section>
  );
}
