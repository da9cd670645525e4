import type { CouncilInput } from "../bindings/CouncilInput";
import type { SeatCategory } from "../bindings/SeatCategory";
import { CATEGORIES } from "../lib/labels";

/** What the council form holds while the user types: numbers are still text. */
export type CouncilDraft = Omit<CouncilInput, "seatPlan"> & { seats: Record<SeatCategory, string> };

export const emptyDraft = (): CouncilDraft => ({
  name: "",
  kind: "naermiljoutvalg",
  area: "",
  mandate: "",
  malform: "bokmal",
  legalMode: "voluntary",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  seats: { senior: "1", school: "1", sports: "1", business: "1", volunteer: "1" },
});

/** A draft from a saved council (or an input): only the fields of CouncilInput, never the id. */
export function draftFrom(c: CouncilInput): CouncilDraft {
  const seats = Object.fromEntries(CATEGORIES.map((k) => [k, String(c.seatPlan[k])])) as Record<SeatCategory, string>;
  return {
    name: c.name,
    kind: c.kind,
    area: c.area,
    mandate: c.mandate,
    malform: c.malform,
    legalMode: c.legalMode,
    contactName: c.contactName,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    seats,
  };
}

/** The input ids of the form, in the order they appear (for focusing the first invalid one). */
export const COUNCIL_FIELD_ORDER = [
  "council-name",
  "council-kind",
  "council-area",
  "council-mandate",
  "council-malform",
  "council-legal-mode",
  "council-contact-name",
  "council-contact-email",
  "council-contact-phone",
  ...CATEGORIES.map((c) => `seats-${c}`),
] as const;

/** The backend's field paths mapped to the form's input ids. */
export const COUNCIL_FIELD_IDS: Record<string, string> = {
  name: "council-name",
  kind: "council-kind",
  area: "council-area",
  mandate: "council-mandate",
  malform: "council-malform",
  legalMode: "council-legal-mode",
  contactName: "council-contact-name",
  contactEmail: "council-contact-email",
  contactPhone: "council-contact-phone",
  seatPlan: "seats-senior",
  ...Object.fromEntries(CATEGORIES.map((c) => [`seatPlan.${c}`, `seats-${c}`])),
};

/** A whole number as typed, or null. Negative numbers pass: the backend explains why they are wrong. */
export function parseSeats(text: string): number | null {
  const t = text.trim();
  return /^-?\d{1,4}$/.test(t) ? Number(t) : null;
}

/** The total of the seat plan, counting what cannot be read as zero. */
export function seatTotal(seats: Record<SeatCategory, string>): number {
  return CATEGORIES.reduce((sum, c) => sum + Math.max(0, parseSeats(seats[c]) ?? 0), 0);
}

/**
 * The draft as a CouncilInput, or the ids of seat fields that are not whole numbers.
 */
export function toInput(d: CouncilDraft): { input: CouncilInput } | { badSeats: string[] } {
  const bad = CATEGORIES.filter((c) => parseSeats(d.seats[c]) === null).map((c) => `seats-${c}`);
  if (bad.length) return { badSeats: bad };
  const seatPlan = Object.fromEntries(CATEGORIES.map((c) => [c, parseSeats(d.seats[c])!])) as CouncilInput["seatPlan"];
  return {
    input: {
      name: d.name,
      kind: d.kind,
      area: d.area,
      mandate: d.mandate,
      malform: d.malform,
      legalMode: d.legalMode,
      contactName: d.contactName,
      contactEmail: d.contactEmail,
      contactPhone: d.contactPhone,
      seatPlan,
    },
  };
}
