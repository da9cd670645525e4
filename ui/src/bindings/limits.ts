// Generated from core/src/rules/validate.rs (TEXT_LIMITS) by core/src/bindings.rs. Do not edit.
// Characters are Unicode scalar values: count them with [...text].length.
import type { TextLimits } from "./TextLimits";

export const TEXT_LIMITS: TextLimits = {
  "short": 200,
  "email": 254,
  "phone": 40,
  "reason": 2000,
  "long": 20000
};

/** The limit of a field by the last part of its name; a field not listed holds `TEXT_LIMITS.short`. */
export const FIELD_LIMITS: Record<string, number> = {
  "appealBody": 2000,
  "background": 20000,
  "closedBasis": 2000,
  "comment": 2000,
  "conditions": 20000,
  "contactEmail": 254,
  "contactPhone": 40,
  "decision": 20000,
  "description": 20000,
  "email": 254,
  "endReason": 2000,
  "exemptBasis": 2000,
  "guests": 20000,
  "mandate": 20000,
  "phone": 40,
  "proposal": 20000,
  "reason": 2000,
  "reasons": 20000,
  "reportSummary": 20000,
  "summary": 20000,
  "text": 20000,
  "waivedReason": 2000,
  "what": 2000
};

export function textLimit(field: string): number {
  const name = field.split(".").pop() ?? field;
  return FIELD_LIMITS[name] ?? TEXT_LIMITS.short;
}
