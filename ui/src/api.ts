// The ONLY module of the UI that imports @tauri-apps. Everything else talks to
// the backend through the Backend interface (backend.ts).
import { Channel, invoke } from "@tauri-apps/api/core";
import type { Backend, Job } from "./backend";
import type { ProgressEvent } from "./bindings/ProgressEvent";

let jobs = 0;

/** A long job's arguments: its id and the channel its steps come back on. */
function job(given?: Job): { jobId: string; onProgress: Channel<ProgressEvent> } {
  const id = given?.id ?? `job-${Date.now()}-${++jobs}`;
  return { jobId: id, onProgress: new Channel<ProgressEvent>(given?.onProgress ?? (() => {})) };
}

export const tauriBackend: Backend = {
  getStartup: () => invoke("get_startup"),
  awaitSoundFile: () => invoke("await_sound_file"),
  backupNow: (j) => invoke("backup_now", job(j)),
  cancelJob: (jobId) => invoke("cancel_job", { jobId }),
  restoreBackup: (fileName) => invoke("restore_backup", { fileName }),
  getSettings: () => invoke("get_settings"),
  saveUserName: (name) => invoke("save_user_name", { name }),
  saveLanguage: (language) => invoke("save_language", { language }),
  listCouncils: () => invoke("list_councils"),
  getCouncil: (id) => invoke("get_council", { id }),
  createCouncil: (input) => invoke("create_council", { input }),
  updateCouncil: (id, input) => invoke("update_council", { id, input }),
  findPeople: (query, limit) => invoke("find_people", { query, limit }),
  addMembership: (input) => invoke("add_membership", { input }),
  updateMembership: (id, edit) => invoke("update_membership", { id, edit }),
  endMembership: (id, endedOn, reason) => invoke("end_membership", { id, endedOn, reason }),
  loadDemo: (j) => invoke("load_demo", job(j)),
  listMeetings: (councilId) => invoke("list_meetings", { councilId }),
  getMeeting: (id) => invoke("get_meeting", { id }),
  createMeeting: (input) => invoke("create_meeting", { input }),
  updateMeeting: (id, input) => invoke("update_meeting", { id, input }),
  sendNotice: (id) => invoke("send_notice", { id }),
  markHeld: (id) => invoke("mark_held", { id }),
  listApprovalItems: (id) => invoke("list_approval_items", { id }),
  approveMinutes: (id, approval) => invoke("approve_minutes", { id, approval }),
  addAmendment: (id, text) => invoke("add_amendment", { id, text }),
  addItem: (meetingId, input) => invoke("add_item", { meetingId, input }),
  updateItem: (itemId, input) => invoke("update_item", { itemId, input }),
  recordItem: (itemId, record) => invoke("record_item", { itemId, record }),
  withdrawItem: (itemId) => invoke("withdraw_item", { itemId }),
  moveItem: (itemId, offset) => invoke("move_item", { itemId, offset }),
  setRecusal: (itemId, membershipId, reason) => invoke("set_recusal", { itemId, membershipId, reason }),
  removeRecusal: (itemId, membershipId) => invoke("remove_recusal", { itemId, membershipId }),
  addFollowUp: (itemId, input) => invoke("add_follow_up", { itemId, input }),
  removeFollowUp: (followUpId) => invoke("remove_follow_up", { followUpId }),
  setAttendance: (meetingId, input) => invoke("set_attendance", { meetingId, input }),
  exportNotice: (meetingId) => invoke("export_notice", { meetingId }),
  exportMinutes: (meetingId) => invoke("export_minutes", { meetingId }),
  listSchemes: (councilId) => invoke("list_schemes", { councilId }),
  getScheme: (id) => invoke("get_scheme", { id }),
  createScheme: (input) => invoke("create_scheme", { input }),
  updateScheme: (id, input) => invoke("update_scheme", { id, input }),
  getApplication: (id) => invoke("get_application", { id }),
  addApplication: (input) => invoke("add_application", { input }),
  updateApplication: (id, input) => invoke("update_application", { id, input }),
  withdrawApplication: (id) => invoke("withdraw_application", { id }),
  startReview: (id) => invoke("start_review", { id }),
  proposeAmount: (id, amount) => invoke("propose_amount", { id, amount }),
  declareInhabil: (id, membershipId, reason) => invoke("declare_inhabil", { id, membershipId, reason }),
  clearInhabil: (id, membershipId) => invoke("clear_inhabil", { id, membershipId }),
  saveScores: (id, membershipId, scores) => invoke("save_scores", { id, membershipId, scores }),
  decideApplication: (id, input) => invoke("decide_application", { id, input }),
  markLetterSent: (id) => invoke("mark_letter_sent", { id }),
  amendGrant: (id, input) => invoke("amend_grant", { id, input }),
  addPayout: (id, input) => invoke("add_payout", { id, input }),
  recordReport: (id, input) => invoke("record_report", { id, input }),
  exportLetter: (id) => invoke("export_letter", { id }),
  exportLedger: (schemeId, format) => invoke("export_ledger", { schemeId, format }),
  getOverview: (year) => invoke("get_overview", { year }),
  listDuties: (councilId, year) => invoke("list_duties", { councilId, year }),
  attendanceByMember: (councilId, year) => invoke("attendance_by_member", { councilId, year }),
  editDuty: (councilId, year, kind, edit) => invoke("edit_duty", { councilId, year, kind, edit }),
  exportAnnualReport: (councilId, year) => invoke("export_annual_report", { councilId, year }),
  exportCalendar: (year, councilId) => invoke("export_calendar", { year, councilId }),
  search: (query) => invoke("search", { query }),
  exportPackage: (councilId) => invoke("export_package", { councilId }),
  importPackage: (j) => invoke("import_package", job(j)),
  exportForKommune: (councilId, year, j) => invoke("export_for_kommune", { councilId, year, ...job(j) }),
};
