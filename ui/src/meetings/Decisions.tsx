import { ActingChair } from "./MeetingRoles";
import { useMemo, useState, type FormEvent } from "react";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import type { ItemDecision } from "../bindings/ItemDecision";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useFormErrors } from "../lib/useFormErrors";
import { SelectField, TextAreaField, TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import { useMeeting } from "./context";
import { EmptyOr, Section } from "../components/Section";
import { QuorumLine } from "./Quorum";
import { VotesLine } from "./RecordForm";
import { decides } from "../lib/labels";
import { presentRows, toDecisionRecord, type DecisionDraft, decisionDraft } from "./meetingModel";

/**
 * The decisions inside a vedtak item — one per application in a grant round —
 * each with its proposal, who left for it, its votes and what was decided.
 */
export function Decisions({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const { locked } = useMeeting();
  const readOnly = locked || item.withdrawn;
  if (!decides(item.kind) || (readOnly && item.decisions.length === 0)) return null;
  return (
    <Section id={`decisions-${item.id}`} title={t("decisions.title")} level={4} className="item-sub decisions" testid="decisions">
      <EmptyOr empty={item.decisions.length === 0} note={t("decisions.none")}>
        <ol className="plain-list decisions__list">
          {item.decisions.map((d) => (
            <li key={d.id}>
              <DecisionCard decision={d} readOnly={readOnly} election={item.kind === "valg"} />
            </li>
          ))}
        </ol>
      </EmptyOr>
      {!readOnly ? <AddDecision item={item} /> : null}
    </Section>
  );
}

function DecisionCard({ decision: d, readOnly, election }: { decision: ItemDecision; readOnly: boolean; election: boolean }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act, actOrAlert } = useMeeting();
  const ids = useMemo(
    () => ({
      decision: `decision-text-${d.id}`,
      "votes.for": `decision-for-${d.id}`,
      "votes.against": `decision-against-${d.id}`,
      "votes.blank": `decision-blank-${d.id}`,
      membershipId: `decision-member-${d.id}`,
      reason: `decision-reason-${d.id}`,
    }),
    [d.id],
  );
  const order = useMemo(() => Object.values(ids), [ids]);
  const errors = useFormErrors(order, ids);
  const [draft, setDraft] = useState<DecisionDraft>(() => decisionDraft(d));
  const [member, setMember] = useState("");
  const [reason, setReason] = useState("");
  const title = t("decisions.heading", { position: d.position, title: d.title });
  const leftIds = new Set(d.inhabilMembers.map((r) => r.membershipId));
  const candidates = presentRows(detail.attendance).filter((r) => !leftIds.has(r.membershipId));
  const set = (key: keyof DecisionDraft, id: string) => (value: string) => {
    setDraft((old) => ({ ...old, [key]: value }));
    errors.clearField(id);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = toDecisionRecord(draft, t("form.integer"), ids);
    if (!r.ok) return errors.showLocal(r.errors);
    const report = await act(() => backend.recordDecision(d.id, r.record), t("confirm.decisionInItemRecorded", { title: d.title }));
    if (report) errors.showReport(report);
    else errors.clear();
  };
  const leave = async (membershipId: string, why: string) => {
    const name = detail.attendance.find((r) => r.membershipId === membershipId)?.personName ?? "";
    const report = await act(() => backend.setDecisionInhabil(d.id, membershipId, why), t("confirm.decisionInhabilAdded", { name, title: d.title }));
    if (report) return errors.showReport(report);
    errors.clear();
    setMember("");
    setReason("");
  };
  const addInhabil = (e: FormEvent) => {
    e.preventDefault();
    if (!member) return errors.showLocal({ [ids.membershipId]: t("itemInhabil.chooseMember") });
    void leave(member, reason.trim());
  };

  return (
    <article className="decision meeting-card" data-testid="decision" data-decision-id={d.id} data-application-id={d.applicationId ?? ""} aria-label={title}>
      <Heading level={5} data-size="2xs" className="break">
        {title}
      </Heading>
      <QuorumLine quorum={d.quorum} />
      {d.proposal ? (
        <Paragraph data-size="sm" className="pre-line break">
          <strong>{t("item.proposal")}:</strong> {d.proposal}
        </Paragraph>
      ) : null}
      <FormError messages={errors.general} />
      {d.proposedInhabil.map((r) => (
        <div key={r.membershipId} className="decision__proposed" data-testid="proposed-inhabil" data-membership-id={r.membershipId}>
          <Paragraph data-size="sm">{t("decisions.proposed", { name: r.personName, reason: r.reason })}</Paragraph>
          {!readOnly ? (
            <Button variant="secondary" data-size="sm" data-testid="confirm-inhabil" onClick={() => void leave(r.membershipId, r.reason)}>
              {t("decisions.confirmLeft", { name: r.personName })}
            </Button>
          ) : null}
        </div>
      ))}
      {d.inhabilOverruled.map((o) => (
        <Paragraph key={o.membershipId} data-size="sm" className="break" data-testid="decision-overruled" data-membership-id={o.membershipId}>
          {t("decisions.overruled", { name: o.personName, reason: o.reason })}
        </Paragraph>
      ))}
      <div data-testid="decision-left">
        <strong className="decision__label">{t("decisions.left")}</strong>{" "}
        {d.inhabilMembers.length === 0 ? <span className="muted">{t("decisions.nobodyLeft")}</span> : null}
        <ul className="plain-list">
          {d.inhabilMembers.map((r) => (
            <li key={r.membershipId} data-testid="decision-inhabil" data-membership-id={r.membershipId}>
              <span>
                <strong>{r.personName}</strong>
                {r.reason ? ` – ${r.reason}` : <span className="missing-inline"> – {t("itemInhabil.noReason")}</span>}
              </span>
              {!readOnly ? (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  data-testid="remove-decision-inhabil"
                  aria-label={t("itemInhabil.removeLabel", { name: r.personName })}
                  onClick={() => void actOrAlert(() => backend.removeDecisionInhabil(d.id, r.membershipId), t("confirm.itemInhabilRemoved", { name: r.personName, item: d.title }))}
                >
                  {t("itemInhabil.remove")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <ActingChair
        chairId={d.chairId}
        left={[...detail.items.filter((i) => i.id === d.itemId).flatMap((i) => i.inhabilMembers.map((r) => r.membershipId)), ...leftIds]}
        onChange={(id) => void actOrAlert(() => backend.setDecisionChair(d.id, id), t("confirm.chairSaved", { item: d.title }))}
        testId="decision-chair"
      />
      {readOnly ? (
        <>
          {d.votes ? <VotesLine votes={d.votes} outcome={d.outcome} /> : null}
          <Paragraph data-size="sm" className="pre-line break" data-testid="decision-text">
            <strong>{t("record.decision")}:</strong> {d.decision || <span className="muted">{t("record.none")}</span>}
          </Paragraph>
        </>
      ) : (
        <>
          <form onSubmit={addInhabil} noValidate className="inline-form">
            <div className="inline-form__row inline-form__row--inhabil">
              <SelectField
                id={ids.membershipId}
                label={t("decisions.leftMember")}
                value={member}
                onChange={(v) => {
                  setMember(v);
                  errors.clearField(ids.membershipId);
                }}
                options={[{ value: "", label: candidates.length ? t("itemInhabil.choose") : t("itemInhabil.nobodyPresent") }, ...candidates.map((r) => ({ value: r.membershipId, label: r.personName }))]}
                error={errors.fields[ids.membershipId]}
              />
              <TextField id={ids.reason} label={t("itemInhabil.reason")} placeholder={t("itemInhabil.reasonPlaceholder")} value={reason} onChange={setReason} error={errors.fields[ids.reason]} />
              <Button type="submit" variant="secondary" data-size="sm" data-testid="add-decision-inhabil" className="inline-form__button">
                {t("decisions.addLeft")}
              </Button>
            </div>
          </form>
          <form onSubmit={save} noValidate className="record-form">
            <TextAreaField id={ids.decision} rows={3} label={t("record.decision")} value={draft.decision} onChange={set("decision", ids.decision)} error={errors.fields[ids.decision]} />
            {d.proposal && !draft.decision.trim() ? (
              <div className="use-proposal">
                <Button type="button" variant="tertiary" data-size="sm" data-testid="decision-use-proposal" onClick={() => set("decision", ids.decision)(d.proposal)}>
                  {t("record.useProposal")}
                </Button>
              </div>
            ) : null}
            <fieldset className="votes">
              <legend className="votes__legend">{t("record.votes")}</legend>
              <div className="votes__fields">
                <TextField id={ids["votes.for"]} label={t("record.for")} value={draft.votesFor} onChange={set("votesFor", ids["votes.for"])} inputMode="numeric" width="narrow" error={errors.fields[ids["votes.for"]]} />
                <TextField id={ids["votes.against"]} label={t("record.against")} value={draft.votesAgainst} onChange={set("votesAgainst", ids["votes.against"])} inputMode="numeric" width="narrow" error={errors.fields[ids["votes.against"]]} />
                {election || draft.votesBlank.trim() ? (
                  <TextField id={ids["votes.blank"]} label={t("record.blank")} value={draft.votesBlank} onChange={set("votesBlank", ids["votes.blank"])} inputMode="numeric" width="narrow" error={errors.fields[ids["votes.blank"]]} />
                ) : null}
                {d.quorum.voting > 0 ? (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    data-testid="decision-unanimous"
                    className="votes__unanimous"
                    onClick={() => setDraft((old) => ({ ...old, votesFor: String(d.quorum.voting), votesAgainst: "0", votesBlank: "" }))}
                  >
                    {t("record.unanimous", { count: d.quorum.voting })}
                  </Button>
                ) : null}
              </div>
            </fieldset>
            <div className="button-row">
              <Button type="submit" data-size="sm" data-testid="save-decision">
                {t("decisions.save")}
              </Button>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                data-color="danger"
                data-testid="remove-decision"
                onClick={() => void actOrAlert(() => backend.removeDecision(d.id), t("confirm.decisionRemoved", { title: d.title }))}
              >
                {t("decisions.remove")}
              </Button>
            </div>
          </form>
        </>
      )}
    </article>
  );
}

const ADD_IDS = { applicationId: "decision-application", title: "decision-title", proposal: "decision-proposal" };
const ADD_ORDER = Object.values(ADD_IDS);

function AddDecision({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useMeeting();
  const [application, setApplication] = useState("");
  const [title, setTitle] = useState("");
  const [proposal, setProposal] = useState("");
  const errors = useFormErrors(ADD_ORDER, ADD_IDS);
  const taken = new Set(item.decisions.map((d) => d.applicationId));
  const open = detail.applications.filter((a) => !taken.has(a.applicationId));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { title: title.trim(), proposal: proposal.trim(), applicationId: application || null };
    const label = title.trim() || open.find((a) => a.applicationId === application)?.label || "";
    const report = await act(() => backend.addDecision(item.id, input), t("confirm.decisionAdded", { title: label }));
    if (report) return errors.showReport(report);
    errors.clear();
    setApplication("");
    setTitle("");
    setProposal("");
  };

  return (
    <form onSubmit={submit} noValidate className="inline-form decisions__add" aria-labelledby={`add-decision-${item.id}`}>
      <Heading level={5} data-size="2xs" id={`add-decision-${item.id}`}>
        {t("decisions.addTitle")}
      </Heading>
      <FormError messages={errors.general} />
      <SelectField
        // A fresh list after each decision added: the application just added is no longer offered.
        key={item.decisions.length}
        id={ADD_IDS.applicationId}
        label={t("decisions.application")}
        description={t("decisions.applicationHelp")}
        value={application}
        onChange={(v) => {
          setApplication(v);
          errors.clearField(ADD_IDS.applicationId);
        }}
        options={[{ value: "", label: t("decisions.noApplication") }, ...open.map((a) => ({ value: a.applicationId, label: a.label }))]}
        error={errors.fields[ADD_IDS.applicationId]}
      />
      <TextField id={ADD_IDS.title} label={t("decisions.decisionTitle")} description={application ? t("decisions.titleFromApplication") : undefined} value={title} onChange={setTitle} error={errors.fields[ADD_IDS.title]} />
      <TextAreaField id={ADD_IDS.proposal} rows={2} label={t("item.proposal")} value={proposal} onChange={setProposal} error={errors.fields[ADD_IDS.proposal]} />
      <div className="button-row">
        <Button type="submit" variant="secondary" data-size="sm" data-testid="add-decision">
          {t("decisions.add")}
        </Button>
      </div>
    </form>
  );
}
