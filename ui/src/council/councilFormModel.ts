import type { CouncilInput } from "../bindings/CouncilInput";

/**
 * What the council form holds while the user types: numbers are still text.
 * `seats` holds one field per seat category, in the order the form shows them
 * (the kommune profile's, then a removed category the plan still gives seats).
 */
export type CouncilDraft = Omit<CouncilInput, "seatPlan"> & { seats: Record<string, string> };

/** A new council's draft: one seat in each of the profile's `categories`. */
export const emptyDraft = (categories: readonly string[]): CouncilDraft => ({
  name: "",
  kind: "naermiljoutvalg",
  area: "",
  mandate: "",
  malform: "bokmal",
  legalMode: "voluntary",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  seats: Object.fromEntries(categories.map((c) => [c, "1"])),
});

/**
 * A draft from a saved council (or an input): only the fields of CouncilInput, never the id. A field
 * for each of the profile's `categories`, then for each other category the plan gives seats.
 */
export function draftFrom(c: CouncilInput, categories: readonly string[]): CouncilDraft {
  const planned = Object.keys(c.seatPlan).filter((k) => !categories.includes(k) && (c.seatPlan[k] ?? 0) !== 0);
  const seats = Object.fromEntries([...categories, ...planned].map((k) => [k, String(c.seatPlan[k] ?? 0)]));
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
export const councilFieldOrder = (categories: readonly string[]) => [
  "council-name",
  "council-kind",
  "council-area",
  "council-mandate",
  "council-malform",
  "council-legal-mode",
  "council-contact-name",
  "council-contact-email",
  "council-contact-phone",
  ...categories.map((c) => `seats-${c}`),
];

/** The backend's field paths mapped to the form's input ids. */
export const councilFieldIds = (categories: readonly string[]): Record<string, string> => ({
  name: "council-name",
  kind: "council-kind",
  area: "council-area",
  mandate: "council-mandate",
  malform: "council-malform",
  legalMode: "council-legal-mode",
  contactName: "council-contact-name",
  contactEmail: "council-contact-email",
  contactPhone: "council-contact-phone",
  ...(categories.length ? { seatPlan: `seats-${categories[0]}` } : {}),
  ...Object.fromEntries(categories.map((c) => [`seatPlan.${c}`, `seats-${c}`])),
});

/** A whole number as typed, or null. Negative numbers pass: the backend explains why they are wrong. */
export function parseSeats(text: string): number | null {
  const t = text.trim();
  return /^-?\d{1,4}$/.test(t) ? Number(t) : null;
}

/** The total of the seat plan, counting what cannot be read as zero. */
export function seatTotal(seats: Record<string, string>): number {
  return Object.values(seats).reduce((sum, s) => sum + Math.max(0, parseSeats(s) ?? 0), 0);
}

/**
 * The draft as a CouncilInput, or the ids of seat fields that are not whole numbers.
 */
export function toInput(d: CouncilDraft): { input: CouncilInput } | { badSeats: string[] } {
  const categories = Object.keys(d.seats);
  const bad = categories.filter((c) => parseSeats(d.seats[c] ?? "") === null).map((c) => `seats-${c}`);
  if (bad.length) return { badSeats: bad };
  const seatPlan = Object.fromEntries(categories.map((c) => [c, parseSeats(d.seats[c] ?? "")!]));
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
