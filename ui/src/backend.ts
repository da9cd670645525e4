import { createContext, useContext } from "react";
import type { Settings } from "./bindings/Settings";
import type { Lang } from "./bindings/Lang";
import type { CouncilSummary } from "./bindings/CouncilSummary";
import type { CouncilDetail } from "./bindings/CouncilDetail";
import type { CouncilInput } from "./bindings/CouncilInput";
import type { Council } from "./bindings/Council";
import type { Person } from "./bindings/Person";
import type { MembershipInput } from "./bindings/MembershipInput";
import type { MembershipEdit } from "./bindings/MembershipEdit";
import type { Membership } from "./bindings/Membership";

/**
 * Everything the UI asks of the backend, one method per Tauri command.
 * Every method rejects with an ErrorReport. The real implementation is in
 * api.ts (the only module that imports @tauri-apps); the screenshot build
 * and the tests use an in-memory fake from src/dev/.
 */
export interface Backend {
  getSettings(): Promise<Settings>;
  saveUserName(name: string): Promise<Settings>;
  saveLanguage(language: Lang): Promise<Settings>;
  listCouncils(): Promise<CouncilSummary[]>;
  getCouncil(id: string): Promise<CouncilDetail>;
  createCouncil(input: CouncilInput): Promise<Council>;
  updateCouncil(id: string, input: CouncilInput): Promise<Council>;
  listPeople(): Promise<Person[]>;
  addMembership(input: MembershipInput): Promise<Membership>;
  updateMembership(id: string, edit: MembershipEdit): Promise<Membership>;
  endMembership(id: string, endedOn: string, reason: string): Promise<Membership>;
  /** Fills an empty database with demo councils. The caller reloads the list afterwards. */
  loadDemo(): Promise<unknown>;
}

export const BackendContext = createContext<Backend | null>(null);

export function useBackend(): Backend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error("No backend provided");
  return backend;
}
