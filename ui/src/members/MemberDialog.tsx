import { useEffect, useState, type FormEvent } from "react";
import { useProfileLabels } from "../lib/profileLabels";
import { PersonDataButton } from "./PersonDataButton";
import { Button, Dialog, Fieldset, Heading, Paragraph, Radio } from "@digdir/designsystemet-react";
import type { Membership } from "../bindings/Membership";
import type { PeopleFound } from "../bindings/PeopleFound";
import type { Person } from "../bindings/Person";
import type { SeatCategory } from "../bindings/SeatCategory";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { dateWords } from "../lib/dates";
import { useReturnFocus } from "../lib/useReturnFocus";
import { toErrorReport } from "../lib/errors";
import { useFormErrors } from "../lib/useFormErrors";
import { GENDERS, ROLES, genderLabel, options, roleLabel } from "../lib/labels";
import { DateField, SelectField, TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import { useConfirmation } from "../components/Confirmation";
import {
  MEMBER_FIELD_IDS,
  MEMBER_FIELD_ORDER,
  editMemberDraft,
  newMemberDraft,
  toMembershipEdit,
  toMembershipInput,
  type MemberDraft,
} from "./memberFormModel";

type Props =
  | { mode: "add"; councilId: string; category: SeatCategory; onSaved: (saved: Membership) => void; onClose: () => void }
  | { mode: "edit"; membership: Membership; onSaved: (saved: Membership) => void; onClose: () => void };

/** How many people the member form's search shows at once. */
const PEOPLE_SHOWN = 20;

/** Add a member (a new or an already registered person) or edit a seat and its person. */
export function MemberDialog(props: Props) {
  const backend = useBackend();
  const { t } = useI18n();
  const { categoryName, seatCategories } = useProfileLabels();
  useReturnFocus();
  // The profile's categories; an edited seat keeps its own, even one the profile has removed.
  const own = props.mode === "edit" ? props.membership.category : null;
  const categories = seatCategories.filter((c) => !c.removed || c.key === own).map((c) => c.key);
  const [d, setD] = useState<MemberDraft>(() =>
    props.mode === "add" ? newMemberDraft(props.category) : editMemberDraft(props.membership),
  );
  // The member form's people search: what was typed, and what it found.
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<PeopleFound | null>(null);
  const [chosen, setChosen] = useState<Person | null>(null);
  const [saving, setSaving] = useState(false);
  const { clear } = useConfirmation();
  const errors = useFormErrors(MEMBER_FIELD_ORDER, MEMBER_FIELD_IDS);
  const err = (id: string) => errors.fields[id];

  useEffect(() => {
    document.getElementById("member-name")?.focus();
    // on open only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { showReport } = errors;
  const wantPeople = props.mode === "add" && d.personMode === "existing";
  useEffect(() => {
    if (!wantPeople) return;
    let live = true;
    // Typing waits a moment before asking; the first list comes at once.
    const timer = setTimeout(
      () =>
        backend.findPeople(query, PEOPLE_SHOWN).then(
          (f) => live && setFound(f),
          (e) => live && showReport(toErrorReport(e)),
        ),
      found ? 150 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `found` only sets the delay: a new answer must not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantPeople, query, backend, showReport]);

  const set = <K extends keyof MemberDraft>(key: K, id: string) => (value: MemberDraft[K]) => {
    setD((old) => ({ ...old, [key]: value }));
    errors.clearField(id);
  };

  const msg = {
    ...dateWords(t),
    personRequired: t("member.personRequired"),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      let saved: Membership;
      if (props.mode === "add") {
        const r = toMembershipInput(d, props.councilId, msg);
        if (!r.ok) return errors.showLocal(r.errors);
        clear();
        saved = await backend.addMembership(r.input);
      } else {
        const r = toMembershipEdit(d, msg);
        if (!r.ok) return errors.showLocal(r.errors);
        clear();
        saved = await backend.updateMembership(props.membership.id, r.edit);
      }
      props.onSaved(saved);
    } catch (report) {
      errors.showReport(toErrorReport(report));
    } finally {
      setSaving(false);
    }
  };

  const title = props.mode === "add" ? t("member.addTitle") : t("member.editTitle");
  // The chosen person stays in the list while another search is typed.
  const results = found?.people ?? [];
  const shown = chosen && !results.some((p) => p.id === chosen.id) ? [chosen, ...results] : results;
  const existing = props.mode === "add" && d.personMode === "existing";

  return (
    <Dialog open onClose={props.onClose} closeButton={t("form.close")} aria-labelledby="member-dialog-title" className="form-dialog form-dialog--member" data-size="sm">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="member-dialog-title">
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={submit} noValidate className="form">
          <FormError messages={errors.general} />
          {props.mode === "add" ? (
            <Fieldset>
              <Fieldset.Legend>{t("member.who")}</Fieldset.Legend>
              <div className="radio-row">
                <Radio
                  id="member-person-new"
                  name="member-person-mode"
                  label={t("member.newPerson")}
                  value="new"
                  checked={d.personMode === "new"}
                  onChange={() => set("personMode", "member-person")("new")}
                />
                <Radio
                  id="member-person-existing"
                  name="member-person-mode"
                  label={t("member.existingPerson")}
                  value="existing"
                  checked={d.personMode === "existing"}
                  onChange={() => set("personMode", "member-person")("existing")}
                />
              </div>
            </Fieldset>
          ) : null}

          {existing ? (
            found && found.people.length === 0 && query.trim() === "" ? (
              <Paragraph>{t("member.noPeople")}</Paragraph>
            ) : (
              <>
                <TextField
                  id="member-person-search"
                  label={t("member.findPerson")}
                  description={t("member.findPersonHelp")}
                  value={query}
                  onChange={setQuery}
                />
                <SelectField
                  id="member-person"
                  label={t("member.person")}
                  value={d.personId}
                  onChange={(id) => {
                    setChosen(shown.find((p) => p.id === id) ?? null);
                    set("personId", "member-person")(id);
                  }}
                  options={[
                    { value: "", label: t("member.choosePerson") },
                    ...shown.map((p) => ({ value: p.id, label: p.email ? `${p.name} (${p.email})` : p.name })),
                  ]}
                  error={err("member-person")}
                />
                <Paragraph data-size="sm" role="status" data-testid="people-found">
                  {found === null
                    ? ""
                    : found.people.length === 0
                      ? t("member.noPeopleFound")
                      : found.more
                        ? t("member.morePeople", { count: found.people.length })
                        : ""}
                </Paragraph>
              </>
            )
          ) : (
            <PersonFields d={d} set={set} err={err} />
          )}

          <Fieldset>
            <Fieldset.Legend>{t("member.seat")}</Fieldset.Legend>
            <div className="field-row field-row--2">
              <SelectField
                id="member-category"
                label={t("member.category")}
                value={d.category}
                onChange={(v) => set("category", "member-category")(v as MemberDraft["category"])}
                options={options(categories, (c) => categoryName(c))}
                error={err("member-category")}
              />
              <SelectField
                id="member-role"
                label={t("member.role")}
                value={d.role}
                onChange={(v) => set("role", "member-role")(v as MemberDraft["role"])}
                options={options(ROLES, (r) => roleLabel(t, r))}
                error={err("member-role")}
              />
            </div>
            <div className="field-row field-row--org-dates">
              <TextField
                id="member-organisation"
                label={t("member.organisation")}
                value={d.organisation}
                onChange={set("organisation", "member-organisation")}
                error={err("member-organisation")}
              />
              <DateField id="member-term-from" label={t("member.termFrom")} description={t("date.help")} value={d.termFrom} onChange={set("termFrom", "member-term-from")} error={err("member-term-from")} />
              <DateField id="member-term-to" label={t("member.termTo")} description={t("date.help")} value={d.termTo} onChange={set("termTo", "member-term-to")} error={err("member-term-to")} />
            </div>
          </Fieldset>

          <div className="button-row">
            <Button type="submit" data-testid="save-member" loading={saving}>
              {t("member.save")}
            </Button>
            <Button type="button" variant="secondary" onClick={props.onClose}>
              {t("form.cancel")}
            </Button>
          </div>
        </form>
      </Dialog.Block>
      {props.mode === "edit" ? (
        <Dialog.Block>
          <PersonDataButton personId={props.membership.person.id} name={props.membership.person.name} />
        </Dialog.Block>
      ) : null}
    </Dialog>
  );
}

function PersonFields({
  d,
  set,
  err,
}: {
  d: MemberDraft;
  set: <K extends keyof MemberDraft>(key: K, id: string) => (value: MemberDraft[K]) => void;
  err: (id: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Fieldset>
      <Fieldset.Legend>{t("member.person")}</Fieldset.Legend>
      <TextField id="member-name" label={t("member.name")} value={d.name} onChange={set("name", "member-name")} error={err("member-name")} />
      <div className="field-row field-row--contact">
        <TextField id="member-email" type="email" label={t("member.email")} value={d.email} onChange={set("email", "member-email")} error={err("member-email")} />
        <TextField id="member-phone" type="tel" label={t("member.phone")} value={d.phone} onChange={set("phone", "member-phone")} error={err("member-phone")} />
        <SelectField
          id="member-gender"
          label={t("member.gender")}
          description={t("member.genderHelp")}
          value={d.gender}
          onChange={(v) => set("gender", "member-gender")(v as MemberDraft["gender"])}
          options={[{ value: "", label: genderLabel(t, null) }, ...options(GENDERS, (g) => genderLabel(t, g))]}
          error={err("member-gender")}
        />
      </div>
    </Fieldset>
  );
}
