import { useEffect, useState } from "react";
import { useProfileLabels } from "../lib/profileLabels";
import { PersonDataButton } from "./PersonDataButton";
import { Fieldset, Paragraph, Radio } from "@digdir/designsystemet-react";
import type { Membership } from "../bindings/Membership";
import type { PeopleFound } from "../bindings/PeopleFound";
import type { Person } from "../bindings/Person";
import type { SeatCategory } from "../bindings/SeatCategory";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { dateWords } from "../lib/dates";
import { useDialogFocus } from "../lib/useReturnFocus";
import { refusal, toErrorReport } from "../lib/errors";
import { useDraftForm } from "../lib/useDraftForm";
import { GENDERS, ROLES, genderLabel, options, roleLabel } from "../lib/labels";
import { DateField, SelectField, TextField } from "../components/fields";
import { FormDialog } from "../components/FormDialog";
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
  useDialogFocus("member-name");
  // The profile's categories; an edited seat keeps its own, even one the profile has removed.
  const own = props.mode === "edit" ? props.membership.category : null;
  const categories = seatCategories.filter((c) => !c.removed || c.key === own).map((c) => c.key);
  const form = useDraftForm<MemberDraft>(() => (props.mode === "add" ? newMemberDraft(props.category) : editMemberDraft(props.membership)), MEMBER_FIELD_ORDER, MEMBER_FIELD_IDS);
  const { draft: d, set, field, err, errors } = form;
  // The member form's people search: what was typed, and what it found.
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<PeopleFound | null>(null);
  const [chosen, setChosen] = useState<Person | null>(null);
  const { clear } = useConfirmation();

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

  const msg = {
    ...dateWords(t),
    personRequired: t("member.personRequired"),
  };

  const saveWith = (write: () => Promise<Membership>) =>
    form.save(() => {
      clear();
      return refusal(async () => props.onSaved(await write()));
    });
  const submit = form.onSubmit(() => {
    if (props.mode === "add") {
      const r = toMembershipInput(d, props.councilId, msg);
      return r.ok ? saveWith(() => backend.addMembership(r.input)) : errors.showLocal(r.errors);
    }
    const { id } = props.membership;
    const r = toMembershipEdit(d, msg);
    return r.ok ? saveWith(() => backend.updateMembership(id, r.edit)) : errors.showLocal(r.errors);
  });

  const title = props.mode === "add" ? t("member.addTitle") : t("member.editTitle");
  // The chosen person stays in the list while another search is typed.
  const results = found?.people ?? [];
  const shown = chosen && !results.some((p) => p.id === chosen.id) ? [chosen, ...results] : results;
  const existing = props.mode === "add" && d.personMode === "existing";

  return (
    <FormDialog
      title={title}
      width="member"
      size="sm"
      onClose={props.onClose}
      onSubmit={submit}
      form={form}
      submit={{ label: t("member.save"), testId: "save-member" }}
      footer={props.mode === "edit" ? <PersonDataButton personId={props.membership.person.id} name={props.membership.person.name} /> : null}
    >
      {props.mode === "add" ? (
        <Fieldset>
          <Fieldset.Legend>{t("member.who")}</Fieldset.Legend>
          <div className="radio-row">
            {(["new", "existing"] as const).map((mode) => (
              <Radio
                key={mode}
                id={`member-person-${mode}`}
                name="member-person-mode"
                label={mode === "new" ? t("member.newPerson") : t("member.existingPerson")}
                value={mode}
                checked={d.personMode === mode}
                onChange={() => set("personMode", "member-person")(mode)}
              />
            ))}
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
        <PersonFields field={field} />
      )}

      <Fieldset>
        <Fieldset.Legend>{t("member.seat")}</Fieldset.Legend>
        <div className="field-row field-row--2">
          <SelectField {...field("category", "member-category")} label={t("member.category")} options={options(categories, (c) => categoryName(c))} />
          <SelectField {...field("role", "member-role")} label={t("member.role")} options={options(ROLES, (r) => roleLabel(t, r))} />
        </div>
        <div className="field-row field-row--org-dates">
          <TextField {...field("organisation", "member-organisation")} label={t("member.organisation")} />
          <DateField {...field("termFrom", "member-term-from")} label={t("member.termFrom")} description={t("date.help")} />
          <DateField {...field("termTo", "member-term-to")} label={t("member.termTo")} description={t("date.help")} />
        </div>
      </Fieldset>

    </FormDialog>
  );
}

function PersonFields({ field }: { field: ReturnType<typeof useDraftForm<MemberDraft>>["field"] }) {
  const { t } = useI18n();
  return (
    <Fieldset>
      <Fieldset.Legend>{t("member.person")}</Fieldset.Legend>
      <TextField {...field("name", "member-name")} label={t("member.name")} />
      <div className="field-row field-row--contact">
        <TextField {...field("email", "member-email")} type="email" label={t("member.email")} />
        <TextField {...field("phone", "member-phone")} type="tel" label={t("member.phone")} />
        <SelectField
          {...field("gender", "member-gender")}
          label={t("member.gender")}
          description={t("member.genderHelp")}
          options={[{ value: "", label: genderLabel(t, null) }, ...options(GENDERS, (g) => genderLabel(t, g))]}
        />
      </div>
    </Fieldset>
  );
}
