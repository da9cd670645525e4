import { useEffect, useState } from "react";
import { Paragraph } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { formatDate } from "../lib/dates";
import { itemKindLabel } from "../lib/labels";
import { added } from "../lib/added";
import { draftsUnder, meetingDraftPrefix, onDraftsChanged, recordDraftKey } from "../lib/drafts";
import { useMeeting } from "./context";
import { AddButton } from "../components/AddButton";
import { Section } from "../components/Section";
import { itemName } from "./meetingModel";
import { ItemDialog } from "./ItemDialog";
import { ItemPanel } from "./ItemPanel";
import { QuorumBadge } from "./Quorum";

/** The agenda: the items in order on the left, the selected item on the right. */
export function AgendaSection({ selected }: { selected: string | null }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act, locked, selectItem } = useMeeting();
  const [adding, setAdding] = useState(false);
  const item = detail.items.find((i) => i.id === selected) ?? null;
  const unsaved = useUnsavedItems(detail.meeting.id);
  return (
    <Section
      id="agenda-title"
      title={t("agenda.title")}
      actions={
        !locked ? (
          <AddButton testid="add-item" onClick={() => setAdding(true)}>
            {t("agenda.add")}
          </AddButton>
        ) : null
      }
    >
      {detail.items.length === 0 ? (
        <Paragraph className="muted meeting-card">{t("agenda.empty")}</Paragraph>
      ) : (
        <div className="agenda">
          <nav aria-label={t("agenda.title")} className="agenda__list">
            <ol className="item-list">
              {detail.items.map((i) => (
                <ItemLink key={i.id} item={i} current={i.id === selected} unsaved={unsaved.has(recordDraftKey(detail.meeting.id, i.id))} onSelect={() => selectItem(i.id)} />
              ))}
            </ol>
          </nav>
          {item ? <ItemPanel key={item.id} item={item} /> : null}
        </div>
      )}
      {adding ? (
        <ItemDialog
          mode="new"
          onClose={() => setAdding(false)}
          onSave={async (input) => {
            const before = detail.items;
            const report = await act(
              () => backend.addItem(detail.meeting.id, input),
              (d) => t("confirm.itemAdded", { item: itemName(t, added(d.items, before) ?? { caseLabel: null, title: input.title.trim() }) }),
            );
            if (!report) setAdding(false);
            return report;
          }}
        />
      ) : null}
    </Section>
  );
}

const unsavedKeys = (meetingId: string) => new Set(draftsUnder(meetingDraftPrefix(meetingId)).map((d) => d.key));

/** The draft keys of the meeting's items that hold unsaved text, kept up to date. */
function useUnsavedItems(meetingId: string): Set<string> {
  const [keys, setKeys] = useState<Set<string>>(() => unsavedKeys(meetingId));
  useEffect(() => {
    setKeys(unsavedKeys(meetingId));
    return onDraftsChanged(() => setKeys(unsavedKeys(meetingId)));
  }, [meetingId]);
  return keys;
}

function ItemLink({ item, current, unsaved, onSelect }: { item: AgendaItem; current: boolean; unsaved: boolean; onSelect: () => void }) {
  const { t } = useI18n();
  return (
    <li>
      <button
        type="button"
        className="item-link"
        data-testid="item-row"
        data-item-id={item.id}
        data-withdrawn={item.withdrawn ? "true" : undefined}
        aria-current={current ? "true" : undefined}
        onClick={onSelect}
      >
        <span className="item-link__top">
          <span className="item-link__case">{item.caseLabel ?? t("agenda.noNumberShort")}</span>
          <span className="item-link__kind">{itemKindLabel(t, item.kind)}</span>
        </span>
        <span className="item-link__title">{item.title}</span>
        {item.statement ? (
          <span className="item-link__statement" data-testid="item-row-statement">
            {t("agenda.statementLine", { caseRef: item.statement.caseRef, deadline: formatDate(item.statement.deadline) })}
          </span>
        ) : null}
        <span className="item-link__bottom">
          {item.withdrawn ? (
            <span className="item-link__withdrawn">{t("agenda.withdrawn")}</span>
          ) : (
            <>
              <QuorumBadge quorum={item.quorum} />
              {unsaved ? (
                <span className="item-link__unsaved" data-testid="item-unsaved">
                  {t("agenda.unsaved")}
                </span>
              ) : item.decision.trim() ? (
                <span className="item-link__done">✓ {t("agenda.recorded")}</span>
              ) : null}
            </>
          )}
        </span>
      </button>
    </li>
  );
}
