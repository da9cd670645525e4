import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useProfileLabels } from "../lib/profileLabels";
import { Alert, Button, Checkbox, Dialog, Fieldset, Heading, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { ProfileChange } from "../bindings/ProfileChange";
import type { ProfileDuty } from "../bindings/ProfileDuty";
import type { ProfileEntry } from "../bindings/ProfileEntry";
import type { ProfileOutcome } from "../bindings/ProfileOutcome";
import { useI18n } from "../i18n/context";
import type { MessageKey, T } from "../i18n/translate";
import { toErrorReport } from "../lib/errors";
import { useFormErrors } from "../lib/useFormErrors";
import { useLoad } from "../lib/useLoad";
import { useLeaveGuard } from "../lib/leaveGuard";
import { useReturnFocus } from "../lib/useReturnFocus";
import { Page } from "../components/Page";
import { Loading, LoadError } from "../components/Loading";
import { ExportDone, useConfirmation, Confirmation } from "../components/Confirmation";
import { FormError } from "../components/FormError";
import { SelectField, TextField, errorId } from "../components/fields";
import { RowAction } from "../components/InlineForm";
import {
  EVIDENCE_KINDS,
  LANG_PARTS,
  blankDuty,
  blankEntry,
  fieldIds,
  inputId,
  moved,
  toDraft,
  toProfile,
  type Draft,
  type Row,
  type Section,
} from "./profileModel";

const NAME_LABEL: Record<(typeof LANG_PARTS)[number], MessageKey> = { nb: "profile.nameNb", nn: "profile.nameNn", en: "profile.nameEn" };
const SECTION_LABEL: Record<Section, MessageKey> = {
  seatCategories: "profile.section.seatCategories",
  duties: "profile.section.duties",
  meetingKinds: "profile.section.meetingKinds",
};

/** A change listed before reading a profile in: "Plasskategori «Grend»: lagt til". */
function changeLine(t: T, c: ProfileChange): string {
  return t("profile.changeLine", {
    section: t(SECTION_LABEL[c.section]),
    name: c.name,
    what: t(`profile.change.${c.change}` as MessageKey, { old: c.oldName ?? "" }),
  });
}

/** Why a file was refused: each fault with the field it is at, or the one message. */
function refusal(report: ErrorReport): string[] {
  return report.fields.length > 0 ? report.fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)) : [report.message];
}

/**
 * «Kommunens oppsett»: the coordinator edits the kommune profile — seat
 * categories, yearly duties and meeting kinds — saves it (core checks it
 * whole and names every fault at its field), saves it as a file for the
 * secretaries, and reads in a newer one from a file after seeing what it
 * changes.
 */
export function ProfileScreen() {
  const backend = useBackend();
  const { t } = useI18n();
  const { confirm, clear } = useConfirmation();
  const [state, reload] = useLoad(() => backend.getProfile(), "profile");
  const labels = useProfileLabels();
  const [draft, setDraft] = useState<Draft | null>(null);
  // The profile as last loaded or saved: leaving with other text asks first.
  const [base, setBase] = useState<string>("");
  const [builtIn, setBuiltIn] = useState(false);
  const [issued, setIssued] = useState("");
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [exported, setExported] = useState<{ message: string; path: string; details: string } | null>(null);
  const [refused, setRefused] = useState<string[] | null>(null);
  const [preview, setPreview] = useState<ProfileOutcome | null>(null);

  useEffect(() => {
    if (state.status === "ready") {
      setDraft(toDraft(state.data.profile));
      setBase(JSON.stringify(state.data.profile));
      setBuiltIn(state.data.builtIn);
      setIssued(state.data.issued);
    }
  }, [state]);

  useLeaveGuard({
    unsaved: () => (draft && JSON.stringify(toProfile(draft)) !== base ? [t("profile.title")] : []),
    discard: () => {},
    stay: () => document.getElementById("profile-kommune")?.focus(),
  });

  const ids = draft ? fieldIds(draft) : { order: [], map: {} };
  const errors = useFormErrors(ids.order, ids.map);
  const err = (id: string) => errors.fields[id];

  const quiet = () => {
    clear();
    setWarnings([]);
    setExported(null);
    setRefused(null);
  };

  const update = (next: Draft, touched?: string) => {
    setDraft(next);
    if (touched) errors.clearField(touched);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    quiet();
    setSaving(true);
    try {
      const outcome = await backend.saveProfile(toProfile(draft));
      errors.clear();
      setDraft(toDraft(outcome.profile));
      setBase(JSON.stringify(outcome.profile));
      setBuiltIn(false);
      setIssued(outcome.issued);
      setWarnings(outcome.removedInUse.map((r) => r.message));
      await labels.reload();
      confirm(outcome.changes.length > 0 ? t("profile.saved") : t("profile.unchanged"));
    } catch (x) {
      errors.showReport(toErrorReport(x));
    } finally {
      setSaving(false);
    }
  };

  /**
   * One step with the profile's file (save it, pick one, read it in) while
   * the file buttons are busy: a refusal shows in the alert, in the lines
   * `said` finds in it (a cancelled save dialog says nothing); `failed` runs
   * first.
   */
  const fileStep = async (step: () => Promise<void>, said: (report: ErrorReport) => string[], failed?: () => void) => {
    setBusy(true);
    try {
      await step();
    } catch (x) {
      failed?.();
      const report = toErrorReport(x);
      if (report.code !== "cancelled") setRefused(said(report));
    } finally {
      setBusy(false);
    }
  };

  const exportFile = () => {
    quiet();
    return fileStep(async () => setExported(await backend.exportProfile()), (report) => [report.message]);
  };

  const pickFile = () => {
    quiet();
    return fileStep(async () => setPreview(await backend.previewProfileImport()), refusal);
  };

  const importFile = () =>
    fileStep(
      async () => {
        const outcome = await backend.importProfile();
        setPreview(null);
        errors.clear();
        setWarnings(outcome.removedInUse.map((r) => r.message));
        await reload();
        await labels.reload();
        confirm(t("profile.imported", { issuer: outcome.profile.kommune }));
      },
      refusal,
      () => setPreview(null),
    );

  return (
    <Page screen="profile" ready={draft !== null || state.status === "error"}>
      <div className="page-title page-title--compact">
        <Heading level={1} data-size="md" tabIndex={-1}>
          {t("profile.title")}
        </Heading>
        <div className="button-row">
          <Button variant="secondary" data-testid="export-profile" loading={busy} disabled={!draft} onClick={() => void exportFile()}>
            {t("profile.exportFile")}
          </Button>
          <Button variant="secondary" data-testid="import-profile" loading={busy} disabled={!draft} onClick={() => void pickFile()}>
            {t("profile.importFile")}
          </Button>
        </div>
      </div>
      <Confirmation />
      {exported ? <ExportDone title={t("profile.exported")} {...exported} /> : null}
      {refused ? (
        <Alert data-color="danger" role="alert" data-testid="profile-refused" className="page-alert">
          <Paragraph>
            <strong>{t("profile.importRefused")}</strong>
          </Paragraph>
          {refused.map((m, i) => (
            <Paragraph key={i} className="break">
              {m}
            </Paragraph>
          ))}
        </Alert>
      ) : null}
      {warnings.length > 0 ? (
        <Alert data-color="warning" data-testid="profile-warnings" className="page-alert">
          {warnings.map((w, i) => (
            <Paragraph key={i}>{w}</Paragraph>
          ))}
        </Alert>
      ) : null}
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <LoadError message={state.error.message} onRetry={reload} /> : null}
      {draft ? (
        <form onSubmit={save} noValidate className="form profile-form">
          <Paragraph>{t("profile.intro")}</Paragraph>
          <Paragraph data-size="sm" className="muted" data-testid="profile-issued">
            {builtIn ? t("profile.builtIn") : t("profile.issued", { issued })}
          </Paragraph>
          <FormError messages={errors.general} />
          <TextField
            id="profile-kommune"
            label={t("profile.kommune")}
            value={draft.kommune}
            onChange={(v) => update({ ...draft, kommune: v }, "profile-kommune")}
            error={err("profile-kommune")}
          />
          {SECTIONS.map((section) => (
            <EntryList key={section} section={section} draft={draft} update={update} err={err} />
          ))}
          <div className="button-row">
            <Button type="submit" data-testid="save-profile" loading={saving}>
              {t("profile.save")}
            </Button>
          </div>
        </form>
      ) : null}
      {preview ? <ImportPreview preview={preview} busy={busy} onConfirm={() => void importFile()} onClose={() => setPreview(null)} /> : null}
    </Page>
  );
}

type ListProps = {
  section: Section;
  draft: Draft;
  update: (next: Draft, touched?: string) => void;
  err: (id: string) => string | undefined;
};

/** The profile's lists, in the order the screen shows them. */
const SECTIONS: Section[] = ["seatCategories", "duties", "meetingKinds"];
const ADD_KEY: Record<Section, MessageKey> = { seatCategories: "profile.addSeat", duties: "profile.addDuty", meetingKinds: "profile.addKind" };

/** One of the profile's lists: each entry with its key, its three names, and buttons to move or remove it. */
function EntryList({ section, draft, update, err }: ListProps) {
  const { t, lang } = useI18n();
  const rows = draft[section] as Row<ProfileEntry | ProfileDuty>[];
  const setRows = (next: Row<ProfileEntry | ProfileDuty>[], touched?: string) => update({ ...draft, [section]: next } as Draft, touched);
  const setValue = (i: number, value: ProfileEntry | ProfileDuty, touched: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, value } : r)), touched);
  const titleKey: Record<Section, MessageKey> = { seatCategories: "profile.seatCategories", duties: "profile.duties", meetingKinds: "profile.meetingKinds" };
  const helpKey: Record<Section, MessageKey> = { seatCategories: "profile.seatCategoriesHelp", duties: "profile.dutiesHelp", meetingKinds: "profile.meetingKindsHelp" };
  const listId = `profile-${section}`;
  // Adding a seat category or a meeting kind clears the list's fault; adding a duty leaves it.
  const add = () => setRows([...rows, section === "duties" ? blankDuty() : blankEntry()], section === "duties" ? undefined : listId);
  return (
    <Fieldset data-size="sm" id={listId} tabIndex={-1} data-testid={listId} aria-describedby={err(listId) ? errorId(listId) : undefined}>
      <Fieldset.Legend>{t(titleKey[section])}</Fieldset.Legend>
      <Fieldset.Description>{t(helpKey[section])}</Fieldset.Description>
      <ol className="profile-list">
        {rows.map((r, i) => {
          const name = r.value.names[lang] || r.value.key || t("profile.unnamed");
          const id = (part: string) => inputId(section, i, part);
          return (
            <li key={r.uid} className="profile-entry" data-testid={`${section}-entry`}>
              <div className="field-row field-row--4">
                <TextField
                  id={id("key")}
                  label={t("profile.key")}
                  description={r.locked ? undefined : t("profile.keyHelp")}
                  value={r.value.key}
                  readOnly={r.locked}
                  onChange={(v) => setValue(i, { ...r.value, key: v }, id("key"))}
                  error={err(id("key"))}
                />
                {LANG_PARTS.map((l) => (
                  <TextField
                    key={l}
                    id={id(`name-${l}`)}
                    label={t(NAME_LABEL[l])}
                    value={r.value.names[l]}
                    onChange={(v) => setValue(i, { ...r.value, names: { ...r.value.names, [l]: v } }, id(`name-${l}`))}
                    error={err(id(`name-${l}`))}
                  />
                ))}
              </div>
              {section === "duties" ? (
                <DutyFields duty={r.value as ProfileDuty} i={i} draft={draft} err={err} onChange={(d, touched) => setValue(i, d, touched)} />
              ) : null}
              <div className="button-row profile-entry__actions">
                <Button type="button" variant="tertiary" data-size="sm" aria-label={t("profile.upLabel", { name })} disabled={i === 0} onClick={() => setRows(moved(rows, i, -1))}>
                  {t("profile.up")}
                </Button>
                <Button type="button" variant="tertiary" data-size="sm" aria-label={t("profile.downLabel", { name })} disabled={i === rows.length - 1} onClick={() => setRows(moved(rows, i, 1))}>
                  {t("profile.down")}
                </Button>
                <RowAction testId="remove-entry" label={t("profile.remove")} ariaLabel={t("profile.removeLabel", { name })} onClick={() => setRows(rows.filter((_, j) => j !== i))} />
              </div>
            </li>
          );
        })}
      </ol>
      {err(listId) ? <ValidationMessage id={errorId(listId)}>{err(listId)}</ValidationMessage> : null}
      <Button type="button" variant="secondary" data-size="sm" data-testid={`add-${section}`} onClick={add}>
        + {t(ADD_KEY[section])}
      </Button>
    </Fieldset>
  );
}

/** A duty's due day and month, whether it falls in the following year, and what fulfils it. */
function DutyFields({
  duty,
  i,
  draft,
  err,
  onChange,
}: {
  duty: ProfileDuty;
  i: number;
  draft: Draft;
  err: (id: string) => string | undefined;
  onChange: (d: ProfileDuty, touched: string) => void;
}) {
  const { t, lang } = useI18n();
  const id = (part: string) => inputId("duties", i, part);
  const months = Array.from({ length: 12 }, (_, m) => ({ value: String(m + 1), label: t(`month.${m + 1}` as MessageKey) }));
  const kinds = draft.meetingKinds.map((k) => ({ value: k.value.key, label: k.value.names[lang] || k.value.key }));
  const evidence: ReactNode =
    duty.evidence.kind === "meetingOfKind" ? (
      <SelectField
        id={id("meeting-kind")}
        label={t("profile.meetingKind")}
        value={duty.evidence.meetingKind ?? ""}
        options={[{ value: "", label: t("profile.chooseKind") }, ...kinds]}
        onChange={(v) => onChange({ ...duty, evidence: { kind: "meetingOfKind", meetingKind: v } }, id("meeting-kind"))}
        error={err(id("meeting-kind"))}
      />
    ) : null;
  return (
    <>
      <div className="field-row profile-duty">
      <TextField
        id={id("day")}
        label={t("profile.dueDay")}
        inputMode="numeric"
        width="narrow"
        value={duty.dueDate.day ? String(duty.dueDate.day) : ""}
        onChange={(v) => onChange({ ...duty, dueDate: { ...duty.dueDate, day: Number.parseInt(v, 10) || 0 } }, id("day"))}
        error={err(id("day"))}
      />
      <SelectField
        id={id("month")}
        label={t("profile.dueMonth")}
        value={String(duty.dueDate.month)}
        options={months}
        onChange={(v) => onChange({ ...duty, dueDate: { ...duty.dueDate, month: Number(v) } }, id("day"))}
      />
      <SelectField
        id={id("evidence")}
        label={t("profile.evidence")}
        value={duty.evidence.kind}
        options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`profile.evidence.${k}` as MessageKey) }))}
        onChange={(v) => onChange({ ...duty, evidence: v === "meetingOfKind" ? { kind: v, meetingKind: "" } : { kind: v } }, id("evidence"))}
        error={err(id("evidence"))}
      />
      {evidence}
      </div>
      <Checkbox
        id={id("next-year")}
        data-size="sm"
        label={t("profile.nextYear")}
        checked={duty.dueDate.nextYear}
        onChange={(e) => onChange({ ...duty, dueDate: { ...duty.dueDate, nextYear: e.target.checked } }, id("day"))}
      />
    </>
  );
}

/** What reading the picked profile in would change; read in only on «Les inn». */
function ImportPreview({ preview, busy, onConfirm, onClose }: { preview: ProfileOutcome; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useI18n();
  useReturnFocus();
  const p = preview.profile;
  return (
    <Dialog open onClose={onClose} closeButton={t("form.close")} aria-labelledby="profile-preview-title" className="form-dialog" data-testid="profile-preview">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="profile-preview-title">
          {t("profile.previewTitle", { issuer: p.kommune })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph data-size="sm">
          {t("profile.previewIssued", { issued: preview.issued, current: preview.previous })}
        </Paragraph>
        {preview.changes.length > 0 ? (
          <>
            <Paragraph data-size="sm">{t("profile.previewChanges")}</Paragraph>
            <ul className="profile-changes" data-testid="profile-changes">
              {preview.changes.map((c, i) => (
                <li key={i}>{changeLine(t, c)}</li>
              ))}
            </ul>
          </>
        ) : (
          <Paragraph data-size="sm">{t("profile.noChanges")}</Paragraph>
        )}
        {preview.removedInUse.length > 0 ? (
          <Alert data-color="warning">
            {preview.removedInUse.map((r) => (
              <Paragraph key={r.key}>{r.message}</Paragraph>
            ))}
          </Alert>
        ) : null}
        <div className="button-row">
          <Button data-testid="confirm-profile-import" loading={busy} onClick={onConfirm}>
            {t("profile.confirmImport")}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t("form.cancel")}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
