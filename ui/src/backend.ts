import { createContext, useContext } from "react";
import type { ApplicationField } from "./bindings/ApplicationField";
import type { ApplicationsPreview } from "./bindings/ApplicationsPreview";
import type { AlternativeInput } from "./bindings/AlternativeInput";
import type { MeetingRoles } from "./bindings/MeetingRoles";
import type { Settings } from "./bindings/Settings";
import type { ProgressEvent } from "./bindings/ProgressEvent";
import type { Lang } from "./bindings/Lang";
import type { CouncilSummary } from "./bindings/CouncilSummary";
import type { CouncilDetail } from "./bindings/CouncilDetail";
import type { CouncilInput } from "./bindings/CouncilInput";
import type { Council } from "./bindings/Council";
import type { PeopleFound } from "./bindings/PeopleFound";
import type { MembershipInput } from "./bindings/MembershipInput";
import type { MembershipEdit } from "./bindings/MembershipEdit";
import type { Membership } from "./bindings/Membership";
import type { MeetingSummary } from "./bindings/MeetingSummary";
import type { MeetingInput } from "./bindings/MeetingInput";
import type { MeetingDetail } from "./bindings/MeetingDetail";
import type { Approval } from "./bindings/Approval";
import type { ApprovalCandidate } from "./bindings/ApprovalCandidate";
import type { AgendaItemInput } from "./bindings/AgendaItemInput";
import type { ItemRecord } from "./bindings/ItemRecord";
import type { ItemDecisionInput } from "./bindings/ItemDecisionInput";
import type { ItemDecisionRecord } from "./bindings/ItemDecisionRecord";
import type { FollowUpInput } from "./bindings/FollowUpInput";
import type { AttendanceInput } from "./bindings/AttendanceInput";
import type { AttendanceSpan } from "./bindings/AttendanceSpan";
import type { ExemptionBasis } from "./bindings/ExemptionBasis";
import type { Startup } from "./bindings/Startup";
import type { BackupInfo } from "./bindings/BackupInfo";
import type { SchemeSummary } from "./bindings/SchemeSummary";
import type { SchemeDetail } from "./bindings/SchemeDetail";
import type { SchemeInput } from "./bindings/SchemeInput";
import type { ApplicationDetail } from "./bindings/ApplicationDetail";
import type { ApplicationInput } from "./bindings/ApplicationInput";
import type { ScoreInput } from "./bindings/ScoreInput";
import type { DecisionInput } from "./bindings/DecisionInput";
import type { GrantAmendmentInput } from "./bindings/GrantAmendmentInput";
import type { PayoutInput } from "./bindings/PayoutInput";
import type { ReportInput } from "./bindings/ReportInput";
import type { LedgerFormat } from "./bindings/LedgerFormat";
import type { SavedFile } from "./bindings/SavedFile";
import type { OverviewQuery } from "./bindings/OverviewQuery";
import type { CouncilSections } from "./bindings/CouncilSections";
import type { OverviewScreen } from "./bindings/OverviewScreen";
import type { YearWheel } from "./bindings/YearWheel";
import type { Duty } from "./bindings/Duty";
import type { DutyKey } from "./bindings/DutyKey";
import type { DutyEdit } from "./bindings/DutyEdit";
import type { AttendanceYear } from "./bindings/AttendanceYear";
import type { SearchQuery } from "./bindings/SearchQuery";
import type { SearchResults } from "./bindings/SearchResults";
import type { KommuneProfile } from "./bindings/KommuneProfile";
import type { ProfileOutcome } from "./bindings/ProfileOutcome";
import type { ProfileView } from "./bindings/ProfileView";
import type { ProfileLabels } from "./bindings/ProfileLabels";
import type { CouncilAccount } from "./bindings/CouncilAccount";
import type { AccountEntry } from "./bindings/AccountEntry";
import type { AccountEntryInput } from "./bindings/AccountEntryInput";

/**
 * Everything the UI asks of the backend, one method per Tauri command.
 * Every method rejects with an ErrorReport. The real implementation is in
 * api.ts (the only module that imports @tauri-apps); the screenshot build
 * and the tests play back the core's recorded answers (src/dev/playback.ts).
 */
export interface Backend {
  /**
   * How start-up went, with the backups (newest first). Answers even when the
   * database could not be opened; then `error` says why and every other
   * method rejects with that same error.
   */
  getStartup(): Promise<Startup>;
  /**
   * Resolves once the database file has been checked page by page (the app
   * opens on a cheaper check to show its first screen sooner); rejects with
   * code `damaged` when it is not sound, after which `getStartup` says so.
   */
  awaitSoundFile(): Promise<void>;
  /** Takes a manual backup now, reporting pages copied to `job` (cancelled: code "cancelled", no backup). */
  backupNow(job?: Job): Promise<BackupInfo>;
  /** Asks the running job `jobId` to stop; it then rejects with code "cancelled" and leaves nothing behind. */
  cancelJob(jobId: string): Promise<boolean>;
  /**
   * Replaces the database with the named backup (the current file is kept
   * beside it, renamed) and opens it again; `error` is null when that worked.
   * Rejects (codes such as "locked", "backup_damaged", "too_new", "disk_full", "invalid") when nothing was replaced;
   * the file in use is then as it was and stays open.
   */
  restoreBackup(fileName: string): Promise<Startup>;
  getSettings(): Promise<Settings>;
  saveUserName(name: string): Promise<Settings>;
  saveLanguage(language: Lang): Promise<Settings>;
  listCouncils(): Promise<CouncilSummary[]>;
  getCouncil(id: string): Promise<CouncilDetail>;
  createCouncil(input: CouncilInput): Promise<Council>;
  updateCouncil(id: string, input: CouncilInput): Promise<Council>;
  /** At most `limit` people whose name or e-mail holds `query` (any case), by name. */
  findPeople(query: string, limit: number): Promise<PeopleFound>;
  addMembership(input: MembershipInput): Promise<Membership>;
  /** Members from a spreadsheet the person picks; `cancelled` when none is picked. */
  importMembers(councilId: string, job?: Job): Promise<SavedFile>;
  /** An access request (GDPR art. 15): everything about one person as JSON, saved where the person chooses. */
  exportPersonData(personId: string): Promise<SavedFile>;
  /** Erases a former member; `message` says what they are shown as now. */
  erasePerson(personId: string): Promise<SavedFile>;
  /** A committee member's review sheet (XLSX), saved where the person chooses. */
  exportReviewSheet(schemeId: string, personId: string): Promise<SavedFile>;
  /** A returned review sheet the person picks; `cancelled` when none is picked. */
  importReviewSheet(schemeId: string): Promise<SavedFile>;
  updateMembership(id: string, edit: MembershipEdit): Promise<Membership>;
  endMembership(id: string, endedOn: string, reason: string): Promise<Membership>;
  /** Fills an empty database with demo councils. The caller reloads the list afterwards. */
  loadDemo(job?: Job): Promise<unknown>;

  // Meetings. Every mutation answers with the whole fresh MeetingDetail.
  listMeetings(councilId: string): Promise<MeetingSummary[]>;
  getMeeting(id: string): Promise<MeetingDetail>;
  createMeeting(input: MeetingInput): Promise<MeetingDetail>;
  updateMeeting(id: string, input: MeetingInput): Promise<MeetingDetail>;
  sendNotice(id: string): Promise<MeetingDetail>;
  markHeld(id: string): Promise<MeetingDetail>;
  /** Takes back the last status change, until the next step is taken. */
  undoStatus(id: string): Promise<MeetingDetail>;
  /** Items with a decision in later meetings of the same council: each can approve meeting `id`'s minutes. */
  listApprovalItems(id: string): Promise<ApprovalCandidate[]>;
  approveMinutes(id: string, approval: Approval): Promise<MeetingDetail>;
  addAmendment(id: string, text: string): Promise<MeetingDetail>;
  addItem(meetingId: string, input: AgendaItemInput): Promise<MeetingDetail>;
  updateItem(itemId: string, input: AgendaItemInput): Promise<MeetingDetail>;
  recordItem(itemId: string, record: ItemRecord): Promise<MeetingDetail>;
  withdrawItem(itemId: string): Promise<MeetingDetail>;
  /** Puts an item not decided on a later meeting; answers with meeting `meetingId` (the item's own). */
  carryOverItem(itemId: string, toMeetingId: string, meetingId: string): Promise<MeetingDetail>;
  moveItem(itemId: string, offset: -1 | 1): Promise<MeetingDetail>;
  setItemInhabil(itemId: string, membershipId: string, reason: string): Promise<MeetingDetail>;
  removeItemInhabil(itemId: string, membershipId: string): Promise<MeetingDetail>;
  /** Decisions inside a vedtak item: one per application in a grant round. */
  addDecision(itemId: string, input: ItemDecisionInput): Promise<MeetingDetail>;
  recordDecision(decisionId: string, record: ItemDecisionRecord): Promise<MeetingDetail>;
  removeDecision(decisionId: string): Promise<MeetingDetail>;
  setDecisionInhabil(decisionId: string, membershipId: string, reason: string): Promise<MeetingDetail>;
  removeDecisionInhabil(decisionId: string, membershipId: string): Promise<MeetingDetail>;
  addFollowUp(itemId: string, input: FollowUpInput): Promise<MeetingDetail>;
  removeFollowUp(followUpId: string): Promise<MeetingDetail>;
  setAttendance(meetingId: string, input: AttendanceInput): Promise<MeetingDetail>;
  /** When a member present arrived and left, by agenda item. */
  setAttendanceSpan(meetingId: string, span: AttendanceSpan): Promise<MeetingDetail>;
  setMeetingRoles(meetingId: string, roles: MeetingRoles): Promise<MeetingDetail>;
  setItemChair(itemId: string, chairId: string | null): Promise<MeetingDetail>;
  setDecisionChair(decisionId: string, chairId: string | null): Promise<MeetingDetail>;
  addAlternative(itemId: string, input: AlternativeInput): Promise<MeetingDetail>;
  updateAlternative(alternativeId: string, input: AlternativeInput): Promise<MeetingDetail>;
  removeAlternative(alternativeId: string): Promise<MeetingDetail>;
  /** Rust shows the save dialog itself; rejects with code "cancelled" when the user cancels. */
  exportNotice(meetingId: string): Promise<SavedFile>;
  exportMinutes(meetingId: string): Promise<SavedFile>;
  /** The public versions: items exempt from public access withheld. */
  exportPublicNotice(meetingId: string): Promise<SavedFile>;
  exportPublicMinutes(meetingId: string): Promise<SavedFile>;
  /** The legal bases for exemption the item form offers a council. */
  exemptionBases(councilId: string): Promise<ExemptionBasis[]>;

  // Grants. Every write to an application answers with its fresh ApplicationDetail.
  listSchemes(councilId: string): Promise<SchemeSummary[]>;
  getScheme(id: string): Promise<SchemeDetail>;
  createScheme(input: SchemeInput): Promise<SchemeDetail>;
  updateScheme(id: string, input: SchemeInput): Promise<SchemeDetail>;
  getApplication(id: string): Promise<ApplicationDetail>;
  /** Checks an application form without saving: rejects with every field's fault at once. */
  checkApplication(input: ApplicationInput): Promise<void>;
  addApplication(input: ApplicationInput): Promise<ApplicationDetail>;
  /**
   * What reading a form's export (XLSX or CSV) into a scheme would do, written
   * nowhere. Without `file` the person picks one (`cancelled` when none is
   * picked); `columns` maps each heading to a field.
   */
  previewApplications(schemeId: string, file?: string, columns?: (ApplicationField | null)[]): Promise<ApplicationsPreview>;
  /** Reads the previewed file in; bad rows refuse it unless `leaveOutBad`. */
  importApplications(schemeId: string, file: string, columns: (ApplicationField | null)[], leaveOutBad: boolean, job?: Job): Promise<SavedFile>;
  updateApplication(id: string, input: ApplicationInput): Promise<ApplicationDetail>;
  withdrawApplication(id: string): Promise<ApplicationDetail>;
  startReview(id: string): Promise<ApplicationDetail>;
  /** The committee's proposal, kroner as typed; empty clears it. */
  proposeAmount(id: string, amount: string): Promise<ApplicationDetail>;
  declareInhabil(id: string, membershipId: string, reason: string): Promise<ApplicationDetail>;
  /** Withdraws a declared inhabilitet, or the overruling of a proposed one. */
  clearInhabil(id: string, membershipId: string): Promise<ApplicationDetail>;
  /** Finds a member proposed inhabil (they represent the applicant) not inhabil, with the reason. */
  overruleInhabil(id: string, membershipId: string, reason: string): Promise<ApplicationDetail>;
  /** One member's scores, every criterion at once. */
  saveScores(id: string, membershipId: string, scores: ScoreInput[]): Promise<ApplicationDetail>;
  decideApplication(id: string, input: DecisionInput): Promise<ApplicationDetail>;
  markLetterSent(id: string): Promise<ApplicationDetail>;
  amendGrant(id: string, input: GrantAmendmentInput): Promise<ApplicationDetail>;
  addPayout(id: string, input: PayoutInput): Promise<ApplicationDetail>;
  recordReport(id: string, input: ReportInput): Promise<ApplicationDetail>;
  /** Rust shows the save dialog itself; rejects with code "cancelled" when the user cancels. */
  exportLetter(id: string): Promise<SavedFile>;
  /** The decision letter as an e-mail draft (.eml) to the applicant, saved where the person chooses. */
  exportLetterMail(id: string): Promise<SavedFile>;
  /** An adopted statement to the kommune as a letter (PDF); refused while the minutes are a draft. */
  exportStatement(itemId: string): Promise<SavedFile>;
  /** The notice as an e-mail draft (.eml) to the members, saved where the person chooses. */
  exportNoticeMail(meetingId: string): Promise<SavedFile>;
  exportLedger(schemeId: string, format: LedgerFormat): Promise<SavedFile>;

  // Duties and the coordinator's overview. Every edit answers with the council's four fresh duties.
  /** The councils `query` lets through in `year`, in its order, as they stand today, and the year in figures for them. */
  getOverview(year: number, query: OverviewQuery): Promise<OverviewScreen>;
  /** The year's meetings and due dates of the councils `query` lets through, month by month. */
  getYearWheel(year: number, query: OverviewQuery): Promise<YearWheel>;
  /** A council page's sections below its meetings and seats, in one answer: its schemes, the duties of its accounting year, this year's attendance. */
  getCouncilSections(id: string): Promise<CouncilSections>;
  listDuties(councilId: string, year: number): Promise<Duty[]>;
  /** Attendance per member over the council's held meetings of `year`, and the years it held any. */
  attendanceByMember(councilId: string, year: number): Promise<AttendanceYear>;
  /** A waiver without a reason is refused (code "invalid", field "reason"). */
  editDuty(councilId: string, year: number, kind: DutyKey, edit: DutyEdit): Promise<Duty[]>;
  /** Rust shows the save dialog itself; rejects with code "cancelled" when the user cancels. */
  exportAnnualReport(councilId: string, year: number): Promise<SavedFile>;
  /** The year's meetings and due dates as .ics, of one council or (null) of all. */
  exportCalendar(year: number, councilId: string | null): Promise<SavedFile>;
  /** Opens a file the app saved (its path as an export answered), or the folder it is in. */
  openSaved(path: string, folder: boolean): Promise<void>;

  // Search and handing councils over.
  /** Every word may be the start of a word; newest first, at most 50 hits (`more` says there are more). */
  search(query: SearchQuery): Promise<SearchResults>;
  /** The whole council as one .grendebok file. Rust shows the save dialog; rejects with code "cancelled". */
  exportPackage(councilId: string): Promise<SavedFile>;
  /**
   * Reads a .grendebok file (Rust shows the open dialog; rejects with code "cancelled"). The message
   * says whether the council was added, replaced or unchanged; a refused package rejects, and nothing is read in.
   * A package that would replace a council kept here, or changes made here since its last package, rejects
   * with code "confirm_replace" and says what would be lost; `replace` then reads the same file in (Rust
   * remembers it; no path crosses from the web view).
   */
  importPackage(job?: Job, replace?: boolean): Promise<SavedFile>;
  /** The year's minutes, letters, annual report and ledgers as a folder. Rust shows the folder dialog; rejects with code "cancelled". */
  exportForKommune(councilId: string, year: number, job?: Job): Promise<SavedFile>;
  /** The kommune profile the file follows (its own, or the built-in one). */
  getProfile(): Promise<ProfileView>;
  /**
   * Every seat category's and meeting kind's name in the person's language: the profile's in its order,
   * then those it removed that rows still hold, marked ("Senior (fjernet)").
   */
  profileLabels(): Promise<ProfileLabels>;
  /** Saves the edited profile, issued now; every fault at its field (`duties[2].dueDate`). */
  saveProfile(profile: KommuneProfile): Promise<ProfileOutcome>;
  /** The profile as a JSON file. Rust shows the save dialog; rejects with code "cancelled". */
  exportProfile(): Promise<SavedFile>;
  /**
   * Picks a profile file (Rust shows the open dialog; rejects with "cancelled") and says what reading it
   * in would change; a faulty one rejects with its faults, an older one with "profile_not_newer".
   */
  previewProfileImport(): Promise<ProfileOutcome>;
  /** Reads in the file the last preview was of. */
  importProfile(): Promise<ProfileOutcome>;

  // The council's own account.
  /** The year summed up (balance carried in, grant, income, expenses, closing balance or deficit) and its entries. */
  councilAccount(councilId: string, year: number): Promise<CouncilAccount>;
  /** A faulty entry rejects with code "invalid" and every field at fault (date, text, amount). */
  addAccountEntry(councilId: string, input: AccountEntryInput): Promise<AccountEntry>;
  updateAccountEntry(id: string, input: AccountEntryInput): Promise<AccountEntry>;
  /** Answers with the entry as it was. */
  deleteAccountEntry(id: string): Promise<AccountEntry>;
}

/** A long job the UI follows: its id (for `cancelJob`) and where its steps go. */
export interface Job {
  id: string;
  onProgress: (event: ProgressEvent) => void;
}

export const BackendContext = createContext<Backend | null>(null);

export function useBackend(): Backend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error("No backend provided");
  return backend;
}
