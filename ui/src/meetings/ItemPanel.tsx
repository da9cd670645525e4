import { useState } from "react";
import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { MeetingDetail } from "../bindings/MeetingDetail";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { itemKindLabel } from "../lib/labels";
import { useMeeting } from "./context";
import { itemName } from "./meetingModel";
import { ItemDialog } from "./ItemDialog";
import { QuorumLine } from "./Quorum";
import { RecordForm, RecordView } from "./RecordForm";
import { ItemInhabil } from "./ItemInhabil";
import { FollowUps } from "./FollowUps";
import { ItemGrants } from "../grants/ItemGrants";
import { Decisions } from "./Decisions";
import { CarryOver } from "./CarryOver";
import { Alternatives } from "./Alternatives";
import { ActingChair } from "./MeetingRoles";
import { decides } from "../lib/labels";
import { ItemStatement } from "./ItemStatement";

/** The selected item: what it is about, what was decided, who was inhabil, what follows up. */
export function ItemPanel({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act, actOrAlert, locked } = useMeeting();
  const [editing, setEditing] = useState(false);
  const index = detail.items.findIndex((i) => i.id === item.id);
  const readOnly = locked || item.withdrawn;
  const name = itemName(t, item);
  /** The item as the fresh meeting has it (an edit can change its title). */
  const fresh = (d: MeetingDetail) => itemName(t, d.items.find((i) => i.id === item.id) ?? item);
  return (
    <article className="item-panel meeting-card" data-testid="item-panel" data-item-id={item.id} aria-labelledby="item-heading">
      <header className="item-panel__head">
        <div className="item-panel__case">
          <span data-testid="case-label" className={item.caseLabel ? "case-label" : "case-label case-label--none"}>
            {item.caseLabel ?? t("agenda.noNumber")}
          </span>
          <Tag data-size="sm" data-color="neutral">
            {itemKindLabel(t, item.kind)}
          </Tag>
          {item.withdrawn ? (
            <Tag data-size="sm" data-color="warning">
              {t("agenda.withdrawn")}
            </Tag>
          ) : null}
          {item.access.exempt ? (
            <Tag data-size="sm" data-color="info" data-testid="exempt-tag" title={item.access.basis}>
              {t("item.exemptTag")}
            </Tag>
          ) : null}
        </div>
        {!locked ? (
          <div className="action-buttons">
            <Button variant="tertiary" data-size="sm" data-testid="move-up" disabled={index <= 0} aria-label={t("item.moveUpLabel", { title: item.title })} onClick={() => void actOrAlert(() => backend.moveItem(item.id, -1), t("confirm.itemMovedUp", { item: name }))}>
              ↑ {t("item.moveUp")}
            </Button>
            <Button variant="tertiary" data-size="sm" data-testid="move-down" disabled={index >= detail.items.length - 1} aria-label={t("item.moveDownLabel", { title: item.title })} onClick={() => void actOrAlert(() => backend.moveItem(item.id, 1), t("confirm.itemMovedDown", { item: name }))}>
              ↓ {t("item.moveDown")}
            </Button>
            {!item.withdrawn ? (
              <>
                <Button variant="tertiary" data-size="sm" data-testid="edit-item" onClick={() => setEditing(true)}>
                  {t("item.edit")}
                </Button>
                <Button variant="tertiary" data-size="sm" data-color="danger" data-testid="withdraw-item" onClick={() => void actOrAlert(() => backend.withdrawItem(item.id), t("confirm.itemWithdrawn", { item: name }))}>
                  {t("item.withdraw")}
                </Button>
              </>
            ) : null}
          </div>
        ) : null}
      </header>
      <Heading level={3} data-size="xs" id="item-heading" tabIndex={-1} className="break">
        {item.title}
      </Heading>
      {!item.withdrawn ? <QuorumLine quorum={item.quorum} /> : <Paragraph className="muted">{t("item.withdrawnHelp")}</Paragraph>}
      <ItemStatement item={item} />
      <ItemText title={t("item.background")} text={item.background} />
      <ItemText title={t("item.proposal")} text={item.proposal} proposal />
      {readOnly ? <RecordView item={item} /> : <RecordForm item={item} />}
      {decides(item.kind) && item.decisions.length === 0 ? <Alternatives item={item} /> : null}
      <Decisions item={item} />
      {!readOnly && detail.lifecycle.judged && decides(item.kind) && item.decisions.length === 0 && !item.quorum.quorate ? <CarryOver item={item} /> : null}
      <ItemGrants item={item} />
      {!item.withdrawn ? <ItemInhabil item={item} /> : null}
      {!item.withdrawn ? (
        <ActingChair
          chairId={item.chairId}
          left={item.inhabilMembers.map((r) => r.membershipId)}
          onChange={(id) => void actOrAlert(() => backend.setItemChair(item.id, id), t("confirm.chairSaved", { item: name }))}
          testId="item-chair"
        />
      ) : null}
      {!item.withdrawn ? <FollowUps item={item} /> : null}
      {editing ? (
        <ItemDialog
          mode="edit"
          item={item}
          onClose={() => setEditing(false)}
          onSave={async (input) => {
            const report = await act(
              () => backend.updateItem(item.id, input),
              (d) => t("confirm.changesSaved", { name: fresh(d) }),
            );
            if (!report) setEditing(false);
            return report;
          }}
        />
      ) : null}
    </article>
  );
}

/** One of an item's texts under its own heading, its lines as written; nothing when it is empty. */
function ItemText({ title, text, proposal = false }: { title: string; text: string; proposal?: boolean }) {
  if (!text) return null;
  return (
    <div className={proposal ? "item-text item-text--proposal" : "item-text"}>
      <Heading level={4} data-size="2xs">
        {title}
      </Heading>
      <Paragraph data-size="sm" className="pre-line break">
        {text}
      </Paragraph>
    </div>
  );
}
