// Pure helpers of the grant screens: form drafts ⇄ backend inputs, status
// labels and colours. Amounts stay text: the core parses and refuses them.
import type { ApplicationInput } from "../bindings/ApplicationInput";
import type { Application } from "../bindings/Application";
import type { ApplicationStatus } from "../bindings/ApplicationStatus";
import type { GrantScheme } from "../bindings/GrantScheme";
import type { SchemeInput } from "../bindings/SchemeInput";
import { dateFault, formatDate, readDateField, type DateWords } from "../lib/dates";
import type { FieldErrors, Parsed } from "../lib/errors";
import type { MessageKey, T } from "../i18n/translate";
import { amountForInput } from "./format";

export const statusLabel = (t: T, s: ApplicationStatus) => t(`applicationStatus.${s}` as MessageKey);

export function statusColor(s: ApplicationStatus): "neutral" | "info" | "success" | "warning" | "danger" {
  switch (s) {
    case "received":
      return "neutral";
    case "in_review":
      return "info";
    case "granted":
    case "partly_granted":
    case "paid":
    case "reported":
      return "success";
    case "refused":
      return "danger";
    case "withdrawn":
      return "warning";
  }
}

/** Whether an application can still be changed, scored or proposed on. */
export const isOpen = (a: Application) => !a.withdrawn && !a.decision;

type DateMessages = Partial<DateWords> & { invalidDate: string; requiredDate: string; integer: string };

function readDate(text: string, id: string, errors: FieldErrors, msg: DateMessages): string {
  const r = readDateField(text, false);
  if (!r.ok) {
    errors[id] = dateFault(r, msg);
    return "";
  }
  return r.iso ?? "";
}

function readInt(text: string, id: string, errors: FieldErrors, msg: DateMessages): number {
  const s = text.trim();
  if (!/^\d{1,4}$/.test(s)) {
    errors[id] = msg.integer;
    return 0;
  }
  return Number(s);
}

/* ---------- the scheme form ---------- */

export type CriterionDraft = { key: number; name: string; weight: string };

export type SchemeDraft = {
  name: string;
  year: string;
  budget: string;
  deadline: string;
  reportDeadline: string;
  maxPerApplication: string;
  criteria: CriterionDraft[];
  enkeltvedtak: boolean;
  appealBody: string;
  appealAddress: string;
  conditions: string;
};

let criterionKey = 0;
export const newCriterion = (name = "", weight = "1"): CriterionDraft => ({ key: ++criterionKey, name, weight });

export function newSchemeDraft(year: number): SchemeDraft {
  return {
    name: "",
    year: String(year),
    budget: "",
    deadline: "",
    reportDeadline: "",
    maxPerApplication: "",
    criteria: [newCriterion()],
    enkeltvedtak: true,
    appealBody: "",
    appealAddress: "",
    conditions: "",
  };
}

export function editSchemeDraft(s: GrantScheme): SchemeDraft {
  return {
    name: s.name,
    year: String(s.year),
    budget: amountForInput(s.budgetOre),
    deadline: formatDate(s.deadline),
    reportDeadline: formatDate(s.reportDeadline),
    maxPerApplication: amountForInput(s.maxPerApplicationOre),
    criteria: s.criteria.map((c) => newCriterion(c.name, String(c.weight))),
    enkeltvedtak: s.enkeltvedtak,
    appealBody: s.appealBody,
    appealAddress: s.appealAddress,
    conditions: s.conditions,
  };
}

/** Input ids of the scheme form, in the order a person meets them. */
export function schemeFieldOrder(d: SchemeDraft): string[] {
  return [
    "scheme-name",
    "scheme-year",
    "scheme-budget",
    "scheme-max",
    "scheme-deadline",
    "scheme-report-deadline",
    ...d.criteria.flatMap((_, i) => [`criterion-name-${i}`, `criterion-weight-${i}`]),
    "scheme-criteria",
    "scheme-appeal-body",
    "scheme-appeal-address",
    "scheme-conditions",
  ];
}

/** The core's field names to the form's input ids. */
export function schemeFieldIds(d: SchemeDraft): Record<string, string> {
  const ids: Record<string, string> = {
    name: "scheme-name",
    year: "scheme-year",
    budget: "scheme-budget",
    maxPerApplication: "scheme-max",
    deadline: "scheme-deadline",
    reportDeadline: "scheme-report-deadline",
    criteria: "scheme-criteria",
    appealBody: "scheme-appeal-body",
    appealAddress: "scheme-appeal-address",
    conditions: "scheme-conditions",
  };
  d.criteria.forEach((_, i) => {
    ids[`criteria.${i}.name`] = `criterion-name-${i}`;
    ids[`criteria.${i}.weight`] = `criterion-weight-${i}`;
  });
  return ids;
}

export function toSchemeInput(
  d: SchemeDraft,
  councilId: string,
  msg: DateMessages,
): Parsed<SchemeInput> {
  const errors: FieldErrors = {};
  const year = readInt(d.year, "scheme-year", errors, msg);
  const deadline = readDate(d.deadline, "scheme-deadline", errors, msg);
  const reportDeadline = readDate(d.reportDeadline, "scheme-report-deadline", errors, msg);
  const criteria = d.criteria.map((c, i) => ({
    name: c.name,
    weight: readInt(c.weight, `criterion-weight-${i}`, errors, msg),
  }));
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      councilId,
      year,
      name: d.name,
      budget: d.budget,
      deadline,
      reportDeadline,
      maxPerApplication: d.maxPerApplication,
      criteria,
      enkeltvedtak: d.enkeltvedtak,
      appealBody: d.appealBody,
      appealAddress: d.appealAddress,
      conditions: d.conditions,
    },
  };
}

/* ---------- the application form ---------- */

export type ApplicationDraft = Omit<ApplicationInput, "schemeId">;

export function newApplicationDraft(todayIso: string): ApplicationDraft {
  return {
    organisation: "",
    orgNumber: "",
    contactName: "",
    email: "",
    phone: "",
    title: "",
    description: "",
    amountAsked: "",
    projectBudget: "",
    received: formatDate(todayIso),
  };
}

export function editApplicationDraft(a: Application): ApplicationDraft {
  return {
    organisation: a.organisation,
    orgNumber: a.orgNumber ?? "",
    contactName: a.contactName,
    email: a.email,
    phone: a.phone,
    title: a.title,
    description: a.description,
    amountAsked: amountForInput(a.amountAskedOre),
    projectBudget: amountForInput(a.projectBudgetOre),
    received: formatDate(a.received),
  };
}

export const APPLICATION_FIELD_IDS: Record<keyof ApplicationDraft, string> = {
  organisation: "application-organisation",
  orgNumber: "application-org-number",
  contactName: "application-contact",
  email: "application-email",
  phone: "application-phone",
  title: "application-title",
  description: "application-description",
  amountAsked: "application-amount",
  projectBudget: "application-project-budget",
  received: "application-received",
};

export const APPLICATION_FIELD_ORDER = Object.values(APPLICATION_FIELD_IDS);

export function toApplicationInput(
  d: ApplicationDraft,
  schemeId: string,
  msg: DateMessages,
): { ok: true; input: ApplicationInput } | { ok: false; errors: FieldErrors; probe: ApplicationInput } {
  const errors: FieldErrors = {};
  const received = readDate(d.received, APPLICATION_FIELD_IDS.received, errors, msg);
  // `probe`: the form with a readable date in place of the unreadable one, for
  // the backend to check every other field in the same round.
  if (Object.keys(errors).length) return { ok: false, errors, probe: { ...d, schemeId, received: PROBE_DAY } };
  return { ok: true, input: { ...d, schemeId, received } };
}

/** Any day that exists, put in the date's place when only the other fields are checked. */
const PROBE_DAY = "2000-01-01";

/* ---------- the scoring grid ---------- */

/** The next cell to focus from (row, col) for a key, skipping rows that cannot be edited. */
export function nextCell(
  editable: readonly boolean[],
  columns: number,
  row: number,
  col: number,
  move: "next" | "prev" | "up" | "down",
): { row: number; col: number } | null {
  if (move === "next") return col + 1 < columns ? { row, col: col + 1 } : null;
  if (move === "prev") return col > 0 ? { row, col: col - 1 } : null;
  const step = move === "down" ? 1 : -1;
  for (let r = row + step; r >= 0 && r < editable.length; r += step) if (editable[r]) return { row: r, col };
  return null;
}
