import type { CouncilKind } from "../bindings/CouncilKind";
import type { Role } from "../bindings/Role";
import type { Malform } from "../bindings/Malform";
import type { LegalMode } from "../bindings/LegalMode";
import type { Gender } from "../bindings/Gender";
import type { Lang } from "../bindings/Lang";
import type { MeetingStatus } from "../bindings/MeetingStatus";
import type { VoteOutcome } from "../bindings/VoteOutcome";
import type { ItemKind } from "../bindings/ItemKind";
import { DECIDING_ITEM_KINDS, ITEM_KINDS } from "../bindings/itemKinds";
import type { AttendanceStatus } from "../bindings/AttendanceStatus";
import type { DocumentKind } from "../bindings/DocumentKind";
import type { BackupKind } from "../bindings/BackupKind";
import type { DutyStatus } from "../bindings/DutyStatus";
import type { CaseNumber } from "../bindings/CaseNumber";
import type { ApprovalCandidate } from "../bindings/ApprovalCandidate";
import { formatDate } from "./dates";
import type { MessageKey, T } from "../i18n/translate";

export const LANGS: readonly Lang[] = ["nb", "nn", "en"];
export const COUNCIL_KINDS: readonly CouncilKind[] = [
  "naermiljoutvalg",
  "grendeutvalg",
  "byutvalg",
  "omradeforum",
  "kommunedelsutvalg",
];
export const ROLES: readonly Role[] = ["leder", "nestleder", "sekretaer", "medlem", "varamedlem"];
export const MALFORMS: readonly Malform[] = ["bokmal", "nynorsk"];
export const LEGAL_MODES: readonly LegalMode[] = ["formal", "voluntary"];
export const GENDERS: readonly Gender[] = ["female", "male", "other"];
export const MEETING_STATUSES: readonly MeetingStatus[] = ["planned", "notice_sent", "held", "approved"];
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ["present", "excused", "absent"];
export const DOCUMENT_KINDS: readonly DocumentKind[] = ["notice", "minutes"];
export const BACKUP_KINDS: readonly BackupKind[] = ["auto", "manual", "pre_migration"];
export const DUTY_STATUSES: readonly DutyStatus[] = ["fulfilled", "waived", "overdue", "due_soon", "open", "not_applicable"];

// The catalogue keys are built from the enum codes; the casts are checked by
// the catalogue test (every code has a label in every language).
export const kindLabel = (t: T, k: CouncilKind) => t(`kind.${k}` as MessageKey);
export const roleLabel = (t: T, r: Role) => t(`role.${r}` as MessageKey);
/** The role inside a sentence: "… er lagt til som leder." */
export const roleInSentence = (t: T, r: Role) => roleLabel(t, r).toLocaleLowerCase();
export const malformLabel = (t: T, m: Malform) => t(`malform.${m}` as MessageKey);
export const legalModeLabel = (t: T, m: LegalMode) => t(`legalMode.${m}` as MessageKey);
export const genderLabel = (t: T, g: Gender | null) => t(`gender.${g ?? "unknown"}` as MessageKey);
export const langLabel = (t: T, l: Lang) => t(`lang.${l}` as MessageKey);
export const meetingStatusLabel = (t: T, s: MeetingStatus) => t(`meetingStatus.${s}` as MessageKey);
export const itemKindLabel = (t: T, k: ItemKind) => t(`itemKind.${k}` as MessageKey);
export const attendanceLabel = (t: T, s: AttendanceStatus) => t(`attendance.${s}` as MessageKey);
export const documentKindLabel = (t: T, k: DocumentKind) => t(`documentKind.${k}` as MessageKey);
export const backupKindLabel = (t: T, k: BackupKind) => t(`backupKind.${k}` as MessageKey);
export const dutyStatusLabel = (t: T, s: DutyStatus) => t(`dutyStatus.${s}` as MessageKey);

export function options<C extends string>(codes: readonly C[], label: (c: C) => string) {
  return codes.map((c) => ({ value: c, label: label(c) }));
}

/** Whether an item ends in a decision that is voted on, as the core says (`ItemKind::decides`). */
export const decides = (k: ItemKind) => DECIDING_ITEM_KINDS.includes(k);
export { ITEM_KINDS };
export const voteOutcomeLabel = (t: T, o: VoteOutcome) => t(`voteOutcome.${o}` as MessageKey);

const twoDigits = (n: number) => String(n).padStart(2, "0");
/** "Sak 03/26" ("Case 03/26"): a case number as the person's language names it. */
export const caseLabel = (t: T, c: CaseNumber) => t("case.label", { number: `${twoDigits(c.number)}/${twoDigits(((c.year % 100) + 100) % 100)}` });
/** "Sak 05/26 – Godkjenning av protokoll (16.04.2026)"; without a case number just the title and the date. */
export const candidateLabel = (t: T, c: ApprovalCandidate) =>
  `${c.caseNumber ? `${caseLabel(t, c.caseNumber)} – ` : ""}${c.title} (${formatDate(c.meetingDate)})`;
