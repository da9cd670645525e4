// DEV ONLY: entry of the screenshot build (`npm run build:shots`, shots.html).
// Renders the real App against the in-memory fake backend, in the state named
// by `?shot=...`, and clicks through to dialogs where a shot needs one.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../styles";
import { App } from "../App";
import type { View } from "../navigation";
import type { Lang } from "../bindings/Lang";
import { createFakeBackend, demoFiles, demoState, type FakeState } from "./fakeBackend";
import { emptyMeetings } from "./fakeMeetings";
import { emptyGrants } from "./fakeGrants";

const params = new URLSearchParams(location.search);
const shot = params.get("shot") ?? "list";
const lang = (params.get("lang") ?? "nb") as Lang;

const empty = (userName: string | null): FakeState => ({
  settings: { userName, language: lang },
  councils: [],
  people: [],
  memberships: [],
  meetings: emptyMeetings(),
  grants: emptyGrants(),
  files: demoFiles(),
});

let state: FakeState = demoState({ userName: "Kari Nordmann", language: lang });
let view: View = { name: "list" };
let steps: Array<() => void> = [];

const click = (selector: string) => () => (document.querySelector(selector) as HTMLElement | null)?.click();
const type = (selector: string, value: string) => () => {
  const el = document.querySelector(selector) as HTMLInputElement | null;
  if (!el) return;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  setter.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
};

const select = (selector: string, value: string) => () => {
  const el = document.querySelector(selector) as HTMLSelectElement | null;
  if (!el) return;
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!;
  setter.call(el, value);
  el.dispatchEvent(new Event("change", { bubbles: true }));
};

const damaged = () => {
  state.files.error = {
    code: "damaged",
    message: `Databasefilen er skadet (${state.files.dbPath}). Grendebok har ikke endret filen. Gjenopprett den nyeste sikkerhetskopien som er i orden.`,
    fields: [],
  };
};

switch (shot) {
  case "startup-error":
    damaged();
    break;
  case "startup-error-none":
    damaged();
    state.files.backups = [];
    break;
  case "startup-restore":
    damaged();
    steps = [click("[data-testid=restore-backup]")];
    break;
  case "startup-restore-refused":
    damaged();
    state.files.damaged = [state.files.backups[0]!.fileName];
    steps = [click("[data-testid=restore-backup]"), click("[data-testid=confirm-restore]")];
    break;
  case "startup-restored":
    damaged();
    steps = [click("[data-testid=restore-backup]"), click("[data-testid=confirm-restore]")];
    break;
  case "read-only":
    state.files.readOnly = true;
    break;
  case "backups":
    view = { name: "backups" };
    break;
  case "backups-taken":
    view = { name: "backups" };
    steps = [click("[data-testid=backup-now]")];
    break;
  case "backups-restore":
    view = { name: "backups" };
    steps = [click("[data-testid=backup-row]:nth-child(3) [data-testid=restore-backup]")];
    break;
  case "backups-restored":
    view = { name: "backups" };
    steps = [click("[data-testid=backup-row]:nth-child(3) [data-testid=restore-backup]"), click("[data-testid=confirm-restore]")];
    break;
  case "welcome":
    state = empty(null);
    break;
  case "list-empty":
    state = empty("Kari Nordmann");
    break;
  case "council-new":
    view = { name: "new-council" };
    break;
  case "council-new-errors":
    view = { name: "new-council" };
    steps = [type("#council-contact-email", "kari@"), type("#seats-volunteer", "-1"), click("[data-testid=save-council]")];
    break;
  case "council-edit":
    view = { name: "edit-council", id: "c-stavern" };
    break;
  case "council":
    view = { name: "council", id: "c-stavern" };
    break;
  case "council-lyngvik":
    view = { name: "council", id: "c-lyngvik" };
    break;
  case "add-member":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=add-member]")];
    break;
  case "add-member-errors":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=add-member]"), type("#member-term-from", "31.02.2026"), click("[data-testid=save-member]")];
    break;
  case "edit-member":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=edit-member]")];
    break;
  case "meetings-new":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=new-meeting]")];
    break;
  case "meetings-new-errors":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=new-meeting]"), type("#meeting-date", "31.11.2026"), type("#meeting-starts-at", "25.00"), click("[data-testid=save-meeting]")];
    break;
  case "meeting":
    view = { name: "meeting", id: "mt-nov" };
    break;
  case "meeting-item2":
    view = { name: "meeting", id: "mt-nov" };
    steps = [click("[data-item-id=i-n2]")];
    break;
  case "meeting-planned":
    view = { name: "meeting", id: "mt-dec" };
    break;
  case "meeting-send-refused":
    view = { name: "meeting", id: "mt-new" };
    state.meetings.meetings.push({ ...state.meetings.meetings.find((m) => m.id === "mt-dec")!, id: "mt-new", place: "", date: "2027-01-14" });
    steps = [click("[data-testid=send-notice]")];
    break;
  case "meeting-approved":
    view = { name: "meeting", id: "mt-sep" };
    break;
  case "meeting-add-item":
    view = { name: "meeting", id: "mt-dec" };
    steps = [click("[data-testid=add-item]")];
    break;
  case "meeting-approve":
    view = { name: "meeting", id: "mt-nov" };
    steps = [click("[data-testid=approve-minutes]")];
    break;
  case "meeting-approve-refused":
    view = { name: "meeting", id: "mt-nov" };
    steps = [click("[data-testid=approve-minutes]"), select("#signatory-1", "m1"), select("#signatory-2", "m3"), click("[data-testid=confirm-approve]")];
    break;
  case "meeting-approve-later":
  case "meeting-approve-later-refused":
  case "meeting-approved-later": {
    // September's minutes left unsigned, approved by a decision in November.
    view = { name: "meeting", id: "mt-sep" };
    const sep = state.meetings.meetings.find((m) => m.id === "mt-sep")!;
    Object.assign(sep, { status: "held", approved: null, approval: null });
    const n1 = state.meetings.items.find((i) => i.id === "i-n1")!;
    state.meetings.items.push({ ...n1, id: "i-n5", position: 5, caseNumber: { year: 2026, number: 11 }, kind: "vedtak", title: "Godkjenning av protokoll", background: "", proposal: "", decision: "Protokollen fra møtet 10.09.2026 er godkjent.", votes: { for: 3, against: 0, blank: 0 }, followUps: [], recusals: [] });
    steps = [click("[data-testid=approve-minutes]"), click("#approval-mode-later")];
    if (shot === "meeting-approve-later-refused") steps.push(click("[data-testid=confirm-approve]"));
    else steps.push(select("#approval-item", "i-n5"));
    if (shot === "meeting-approved-later") steps.push(click("[data-testid=confirm-approve]"));
    break;
  }
  case "meeting-record-errors":
    view = { name: "meeting", id: "mt-nov" };
    steps = [click("[data-item-id=i-n2]"), type("#votes-for", "tre"), click("#item-closed"), click("[data-testid=save-record]")];
    break;
  case "scheme":
    view = { name: "scheme", id: "gs-2026" };
    break;
  case "scheme-new":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=new-scheme]")];
    break;
  case "scheme-new-errors":
    view = { name: "council", id: "c-stavern" };
    steps = [
      click("[data-testid=new-scheme]"),
      type("#scheme-name", "Nærmiljøtilskudd 2027"),
      type("#scheme-budget", "150.000"),
      type("#scheme-deadline", "15.03.2027"),
      type("#scheme-report-deadline", "01.02.2027"),
      type("#criterion-weight-0", "12"),
      click("[data-testid=save-scheme]"),
    ];
    break;
  case "scheme-edit":
    view = { name: "scheme", id: "gs-2026" };
    steps = [click("[data-testid=edit-scheme]")];
    break;
  case "application-new":
    view = { name: "scheme", id: "gs-2026" };
    steps = [click("[data-testid=add-application]")];
    break;
  case "application":
    view = { name: "application", id: "ga3" };
    break;
  case "application-inhabil":
    view = { name: "application", id: "ga2" };
    break;
  case "application-decided":
    view = { name: "application", id: "ga1" };
    break;
  case "application-refused":
    view = { name: "application", id: "ga3" };
    steps = [type("#decision-granted", "30 000"), select("#decision-item", "i-n2"), click("[data-testid=decide]")];
    break;
  case "end-member":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=end-member]")];
    break;
  case "overview":
    view = { name: "overview", year: 2026 };
    break;
  case "overview-behind":
    view = { name: "overview", year: 2026 };
    steps = [click("[data-testid=filter-behind]"), click("[data-testid=sort-overdue] button")];
    break;
  case "overview-exported":
    view = { name: "overview", year: 2026 };
    steps = [click("[data-testid=export-calendar]")];
    break;
  case "council-duties":
    view = { name: "council", id: "c-stavern" };
    steps = [() => document.querySelector("[data-testid=duties-section]")?.scrollIntoView({ block: "start" })];
    break;
  case "waive-duty":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=duty-row][data-kind=open_meeting] [data-testid=waive-duty]")];
    break;
  case "waive-duty-refused":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=duty-row][data-kind=open_meeting] [data-testid=waive-duty]"), click("[data-testid=save-waiver]")];
    break;
  case "search":
    view = { name: "search", text: "lysløypa" };
    break;
  case "search-more": {
    view = { name: "search", text: "dugnad" };
    const item = state.meetings.items[0]!;
    for (let n = 1; n <= 60; n++) state.meetings.items.push({ ...item, id: `i-dugnad-${n}`, title: `Dugnad i parken, runde ${n}` });
    break;
  }
  case "search-none":
    view = { name: "search", text: "bøkeskogen" };
    break;
  case "council-handover":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=export-for-kommune]"), () => document.querySelector("[data-testid=handover-section]")?.scrollIntoView({ block: "start" })];
    break;
  case "list-imported":
    steps = [click("[data-testid=import-package]")];
    break;
  case "list-import-refused":
    state.handover = { incoming: { ...state.councils[0]!, id: "c-copy" }, imported: [], folders: [] };
    steps = [click("[data-testid=import-package]")];
    break;
  case "change-due":
    view = { name: "council", id: "c-lyngvik" };
    steps = [click("[data-testid=duty-row][data-kind=joint_meeting] [data-testid=change-due]")];
    break;
}

// No settings can be read while the file is not open: pick the language the way a person would.
if (state.files.error && lang !== "nb") steps.unshift(select("#language", lang));

// A crash shows in the screenshot (and in --dump-dom) instead of a blank page.
const showError = (what: unknown) => {
  const pre = document.createElement("pre");
  pre.id = "shot-error";
  pre.textContent = what instanceof Error ? `${what.message}\n${what.stack ?? ""}` : String(what);
  document.body.prepend(pre);
};
window.addEventListener("error", (e) => showError(e.error ?? e.message));
window.addEventListener("unhandledrejection", (e) => showError(e.reason));

const backend = createFakeBackend(state, { today: "2026-11-22" });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App backend={backend} initialView={view} />
  </StrictMode>,
);

// Run the steps one by one once the screen is ready.
const timer = setInterval(() => {
  if (!document.querySelector("main[data-ready=true]")) return;
  const step = steps.shift();
  if (step) step();
  else clearInterval(timer);
}, 150);
