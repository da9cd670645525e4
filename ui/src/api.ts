// The ONLY module of the UI that imports @tauri-apps. Everything else talks to
// the backend through the Backend interface (backend.ts).
import { invoke } from "@tauri-apps/api/core";
import type { Backend } from "./backend";

export const tauriBackend: Backend = {
  getSettings: () => invoke("get_settings"),
  saveUserName: (name) => invoke("save_user_name", { name }),
  saveLanguage: (language) => invoke("save_language", { language }),
  listCouncils: () => invoke("list_councils"),
  getCouncil: (id) => invoke("get_council", { id }),
  createCouncil: (input) => invoke("create_council", { input }),
  updateCouncil: (id, input) => invoke("update_council", { id, input }),
  listPeople: () => invoke("list_people"),
  addMembership: (input) => invoke("add_membership", { input }),
  updateMembership: (id, edit) => invoke("update_membership", { id, edit }),
  endMembership: (id, endedOn, reason) => invoke("end_membership", { id, endedOn, reason }),
  loadDemo: () => invoke("load_demo"),
  listMeetings: (councilId) => invoke("list_meetings", { councilId }),
  getMeeting: (id) => invoke("get_meeting", { id }),
  createMeeting: (input) => invoke("create_meeting", { input }),
  updateMeeting: (id, input) => invoke("update_meeting", { id, input }),
  sendNotice: (id) => invoke("send_notice", { id }),
  markHeld: (id) => invoke("mark_held", { id }),
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
};
