import type { Gender } from "../bindings/Gender";
import type { Membership } from "../bindings/Membership";
import type { MembershipEdit } from "../bindings/MembershipEdit";
import type { MembershipInput } from "../bindings/MembershipInput";
import type { PersonInput } from "../bindings/PersonInput";
import type { Role } from "../bindings/Role";
import type { SeatCategory } from "../bindings/SeatCategory";
import { dateFault, formatDate, readDateField, todayIso, type DateWords } from "../lib/dates";
import type { FieldErrors, Parsed } from "../lib/errors";

export type MemberDraft = {
  personMode: "new" | "existing";
  personId: string;
  name: string;
  email: string;
  phone: string;
  gender: Gender | "";
  category: SeatCategory;
  role: Role;
  organisation: string;
  termFrom: string; // as typed, dd.mm.åååå
  termTo: string;
};

export function newMemberDraft(category: SeatCategory, today: string = todayIso()): MemberDraft {
  return {
    personMode: "new",
    personId: "",
    name: "",
    email: "",
    phone: "",
    gender: "",
    category,
    role: "medlem",
    organisation: "",
    termFrom: formatDate(today),
    termTo: "",
  };
}

export function editMemberDraft(m: Membership): MemberDraft {
  return {
    personMode: "new",
    personId: m.person.id,
    name: m.person.name,
    email: m.person.email,
    phone: m.person.phone,
    gender: m.person.gender ?? "",
    category: m.category,
    role: m.role,
    organisation: m.organisation,
    termFrom: formatDate(m.termFrom),
    termTo: formatDate(m.termTo),
  };
}

export const MEMBER_FIELD_ORDER = [
  "member-person",
  "member-name",
  "member-email",
  "member-phone",
  "member-gender",
  "member-category",
  "member-role",
  "member-organisation",
  "member-term-from",
  "member-term-to",
] as const;

export const MEMBER_FIELD_IDS: Record<string, string> = {
  person: "member-person",
  "person.id": "member-person",
  "person.name": "member-name",
  "person.email": "member-email",
  "person.phone": "member-phone",
  "person.gender": "member-gender",
  category: "member-category",
  role: "member-role",
  organisation: "member-organisation",
  termFrom: "member-term-from",
  termTo: "member-term-to",
};

type Messages = Partial<DateWords> & { invalidDate: string; requiredDate: string; personRequired: string };

type Common = Pick<MembershipInput, "category" | "role" | "organisation" | "termFrom" | "termTo">;

/** Checks what only the UI can check (dates it can read, a chosen person); the rest is the backend's. */
function readCommon(d: MemberDraft, msg: Messages, errors: FieldErrors): Common | null {
  const from = readDateField(d.termFrom, false);
  const to = readDateField(d.termTo, true);
  if (!from.ok) errors["member-term-from"] = dateFault(from, msg);
  if (!to.ok) errors["member-term-to"] = dateFault(to, msg);
  if (!from.ok || !to.ok) return null;
  return { category: d.category, role: d.role, organisation: d.organisation, termFrom: from.iso!, termTo: to.iso };
}

function person(d: MemberDraft): PersonInput {
  return { name: d.name, email: d.email, phone: d.phone, gender: d.gender === "" ? null : d.gender };
}

export function toMembershipInput(
  d: MemberDraft,
  councilId: string,
  msg: Messages,
): Parsed<MembershipInput> {
  const errors: FieldErrors = {};
  if (d.personMode === "existing" && d.personId === "") errors["member-person"] = msg.personRequired;
  const common = readCommon(d, msg, errors);
  if (!common || Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      councilId,
      person: d.personMode === "existing" ? { type: "existing", id: d.personId } : { type: "new", person: person(d) },
      ...common,
    },
  };
}

export function toMembershipEdit(
  d: MemberDraft,
  msg: Messages,
): { ok: true; edit: MembershipEdit } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const common = readCommon(d, msg, errors);
  if (!common) return { ok: false, errors };
  return { ok: true, edit: { person: person(d), ...common } };
}
