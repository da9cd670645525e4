import type { CouncilKind } from "../bindings/CouncilKind";
import type { SeatCategory } from "../bindings/SeatCategory";
import type { Role } from "../bindings/Role";
import type { Malform } from "../bindings/Malform";
import type { LegalMode } from "../bindings/LegalMode";
import type { Gender } from "../bindings/Gender";
import type { Lang } from "../bindings/Lang";
import type { MessageKey, T } from "../i18n/translate";

export const LANGS: readonly Lang[] = ["nb", "nn", "en"];
export const COUNCIL_KINDS: readonly CouncilKind[] = [
  "naermiljoutvalg",
  "grendeutvalg",
  "byutvalg",
  "omradeforum",
  "kommunedelsutvalg",
];
export const CATEGORIES: readonly SeatCategory[] = ["senior", "school", "sports", "business", "volunteer"];
export const ROLES: readonly Role[] = ["leder", "nestleder", "sekretaer", "medlem", "varamedlem"];
export const MALFORMS: readonly Malform[] = ["bokmal", "nynorsk"];
export const LEGAL_MODES: readonly LegalMode[] = ["formal", "voluntary"];
export const GENDERS: readonly Gender[] = ["female", "male", "other"];

// The catalogue keys are built from the enum codes; the casts are checked by
// the catalogue test (every code has a label in every language).
export const kindLabel = (t: T, k: CouncilKind) => t(`kind.${k}` as MessageKey);
export const categoryLabel = (t: T, c: SeatCategory) => t(`category.${c}` as MessageKey);
export const roleLabel = (t: T, r: Role) => t(`role.${r}` as MessageKey);
export const malformLabel = (t: T, m: Malform) => t(`malform.${m}` as MessageKey);
export const legalModeLabel = (t: T, m: LegalMode) => t(`legalMode.${m}` as MessageKey);
export const genderLabel = (t: T, g: Gender | null) => t(`gender.${g ?? "unknown"}` as MessageKey);
export const langLabel = (t: T, l: Lang) => t(`lang.${l}` as MessageKey);

export function options<C extends string>(codes: readonly C[], label: (c: C) => string) {
  return codes.map((c) => ({ value: c, label: label(c) }));
}
