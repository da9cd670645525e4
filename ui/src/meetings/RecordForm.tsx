import { useEffect, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button, Checkbox, Heading, Paragraph, Select } from "@digdir/designsystemet-react";
import type { MessageKey } from "../i18n/translate";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { VoteOutcome } from "../bindings/VoteOutcome";
import type { Votes } from "../bindings/Votes";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useFormErrors } from "../lib/useFormErrors";
import { errorId, TextAreaField, TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import { dropDraft, keepDraft, loadDraft, recordDraftKey } from "../lib/drafts";
import { useMeeting } from "./context";
import { decides, voteOutcomeLabel } from "../lib/labels";
import { RECORD_FIELD_IDS, RECORD_FIELD_ORDER, itemName, recordDraft, sameRecord, toItemRecord, type RecordDraft } from "./meetingModel";

const clock = () => new Date().toTimeString().slice(0, 5);

/** The decision (or note), votes and closed session of one item. Ctrl+Enter saves. */
export function RecordForm({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { act, detail } = useMeeting();
  const key = recordDraftKey(detail.meeting.id, item.id);
  // Text typed earlier and not saved (another item was opened, the window closed) comes back.
  const [d, setD] = useState<RecordDraft>(() => loadDraft<RecordDraft>(key)?.value ?? recordDraft(item));
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const errors = useFormErrors(RECORD_FIELD_ORDER, RECORD_FIELD_IDS);
  const err = (id: string) => errors.fields[id];
  const dirty = !sameRecord(d, recordDraft(item));
  const vedtak = decides(item.kind);
  const label = itemName(t, item);
  const formal = detail.council.legalMode === "formal";

  // Every keystroke is kept as a draft until it is saved or thrown away.
  useEffect(() => {
    if (dirty) keepDraft(key, { label, value: d });
    else dropDraft(key);
  }, [dirty, key, label, d]);

  const discard = () => {
    dropDraft(key);
    setD(recordDraft(item));
    errors.clear();
  };

  const set = <K extends keyof RecordDraft>(key: K, id: string) => (value: RecordDraft[K]) => {
    setD((old) => ({ ...old, [key]: value }));
    setSavedAt(null);
    errors.clearField(id);
  };

  const save = async () => {
    if (saving) return;
    const r = toItemRecord(d, t("form.integer"));
    if (!r.ok) return errors.showLocal(r.errors);
    setSaving(true);
    const report = await act(
      () => backend.recordItem(item.id, r.record),
      (fresh) => {
        // The form now shows what was stored (votes left empty are stored as 0), so it is not "unsaved".
        const stored = fresh.items.find((i) => i.id === item.id);
        if (stored) setD(recordDraft(stored));
        return t(vedtak ? "confirm.decisionRecorded" : "confirm.noteRecorded", { item: itemName(t, item) });
      },
    );
    setSaving(false);
    if (report) errors.showReport(report);
    else {
      errors.clear();
      setSavedAt(clock());
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate className="record-form" aria-labelledby="record-title">
      <Heading level={4} data-size="2xs" id="record-title" className="visually-hidden">
        {t("record.title")}
      </Heading>
      <FormError messages={errors.general} />
      <TextAreaField
        id="item-decision"
        rows={vedtak ? 5 : 4}
        label={vedtak ? t("record.decision") : t("record.note")}
        value={d.decision}
        onChange={set("decision", "item-decision")}
        error={err("item-decision")}
      />
      {vedtak && item.proposal && !d.decision.trim() ? (
        <div className="use-proposal">
          <Button type="button" variant="tertiary" data-size="sm" data-testid="use-proposal" onClick={() => set("decision", "item-decision")(item.proposal)}>
            {t("record.useProposal")}
          </Button>
        </div>
      ) : null}
      <div className="record-extras">
      <fieldset className="votes" aria-describedby="votes-help">
        <legend className="votes__legend">{t("record.votes")}</legend>
        <span id="votes-help" className="votes__help muted">
          {t("record.votesHelp")}
        </span>
        <div className="votes__fields">
          <TextField id="votes-for" label={t("record.for")} value={d.votesFor} onChange={set("votesFor", "votes-for")} inputMode="numeric" width="narrow" error={err("votes-for")} />
          <TextField id="votes-against" label={t("record.against")} value={d.votesAgainst} onChange={set("votesAgainst", "votes-against")} inputMode="numeric" width="narrow" error={err("votes-against")} />
          {item.kind === "valg" || d.votesBlank.trim() ? (
            <TextField id="votes-blank" label={t("record.blank")} value={d.votesBlank} onChange={set("votesBlank", "votes-blank")} inputMode="numeric" width="narrow" error={err("votes-blank")} />
          ) : null}
          {vedtak && item.quorum.voting > 0 ? (
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              data-testid="unanimous"
              className="votes__unanimous"
              onClick={() => setD((old) => ({ ...old, votesFor: String(item.quorum.voting), votesAgainst: "0", votesBlank: "" }))}
            >
              {t("record.unanimous", { count: item.quorum.voting })}
            </Button>
          ) : null}
        </div>
      </fieldset>
      {vedtak && item.kind !== "valg" && (d.chairVote !== "" || (d.votesFor.trim() !== "" && d.votesFor.trim() === (d.votesAgainst.trim() || "0"))) ? (
        <label className="meeting-roles__field chair-vote">
          <span>{t("record.chairVote")}</span>
          <Select id="item-chair-vote" data-size="sm" value={d.chairVote} onChange={(e) => set("chairVote", "item-chair-vote")(e.target.value)}>
            <Select.Option value="">{t("roles.choose")}</Select.Option>
            <Select.Option value="for">{t("record.chairVoteFor")}</Select.Option>
            <Select.Option value="against">{t("record.chairVoteAgainst")}</Select.Option>
          </Select>
        </label>
      ) : null}
      <div className="closed">
        <Checkbox
          id="item-closed"
          label={t("record.closed")}
          checked={d.closed}
          onChange={(e) => set("closed", "item-closed")(e.target.checked)}
          aria-describedby={err("item-closed") ? errorId("item-closed") : undefined}
        />
        {d.closed ? (
          <label className="meeting-roles__field">
            <span>{t("record.closedGround")}</span>
            <Select id="item-closed-ground" data-size="sm" value={d.closedGround} onChange={(e) => set("closedGround", "item-closed-ground")(e.target.value)} aria-invalid={err("item-closed-ground") ? true : undefined}>
              <Select.Option value="">{t("roles.choose")}</Select.Option>
              {(formal ? (["must", "may"] as const) : (["statutes"] as const)).map((g) => (
                <Select.Option key={g} value={g}>
                  {t(`closedGround.${g}` as MessageKey)}
                </Select.Option>
              ))}
            </Select>
            {err("item-closed-ground") ? <span className="field-error" data-testid="closed-ground-error">{err("item-closed-ground")}</span> : null}
          </label>
        ) : null}
        {d.closed ? (
          <TextField
            id="item-closed-basis"
            label={t("record.closedBasis")}
            description={t(formal ? "record.closedBasisHelp" : "record.closedBasisHelpStatutes")}
            value={d.closedBasis}
            onChange={set("closedBasis", "item-closed-basis")}
            error={err("item-closed-basis")}
          />
        ) : null}
      </div>
      </div>
      <div className="button-row record-form__actions">
        <Button type="submit" data-testid="save-record" loading={saving}>
          {vedtak ? t("record.saveDecision") : t("record.saveNote")}
        </Button>
        <span className="muted record-form__hint" aria-hidden="true">
          {t("record.shortcut")}
        </span>
        <span role="status" className={dirty ? "record-form__status record-form__status--unsaved" : "record-form__status"} data-testid="record-status" data-dirty={dirty ? "true" : "false"}>
          {dirty ? t("record.unsaved") : savedAt ? t("record.savedAt", { time: savedAt }) : ""}
        </span>
        {dirty ? (
          <Button type="button" variant="tertiary" data-size="sm" data-testid="discard-record" onClick={discard}>
            {t("record.discard")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The recorded decision, read-only (approved minutes, or a withdrawn item). */
export function RecordView({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const vedtak = decides(item.kind);
  return (
    <div className="item-text item-text--record" data-testid="record-view">
      <Heading level={4} data-size="2xs">
        {vedtak ? t("record.decision") : t("record.note")}
      </Heading>
      <Paragraph data-size="sm" className="pre-line break">
        {item.decision || <span className="muted">{t("record.none")}</span>}
      </Paragraph>
      {item.votes ? <VotesLine votes={item.votes} outcome={item.outcome} /> : null}
      {item.closed ? <Paragraph data-size="sm">{t("record.closedText", { basis: item.closedBasis })}</Paragraph> : null}
      {item.chairName ? <Paragraph data-size="sm" data-testid="item-chair-view">{t("roles.actingChairText", { name: item.chairName })}</Paragraph> : null}
    </div>
  );
}

/** "Stemmer: 3 for, 1 mot – vedtatt", blank votes only when there are any. */
export function VotesLine({ votes, outcome }: { votes: Votes; outcome: VoteOutcome | null }) {
  const { t } = useI18n();
  const counted = votes.blank > 0 ? t("record.votesText", { for: votes.for, against: votes.against, blank: votes.blank }) : t("record.votesTextNoBlank", { for: votes.for, against: votes.against });
  return (
    <Paragraph data-size="sm" data-testid="votes-line" data-outcome={outcome ?? ""}>
      {counted.replace(/\.$/, "")}
      {outcome ? ` ${voteOutcomeLabel(t, outcome)}` : ""}
    </Paragraph>
  );
}
