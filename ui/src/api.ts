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
};
