// DEV ONLY: entry of the screenshot build (`npm run build:shots`, shots.html).
// Renders the real App on the core's recorded answers (src/dev/playback.ts),
// in the scenario and on the screen named by `?shot=...`, and clicks through
// to dialogs where a shot needs one. A shot whose writes the core has not
// recorded (core/src/fixtures.rs) is not offered.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../styles";
import { App } from "../App";
import type { View } from "../navigation";
import type { ApplicationDetail } from "../bindings/ApplicationDetail";
import type { MeetingSummary } from "../bindings/MeetingSummary";
import type { SchemeDetail } from "../bindings/SchemeDetail";
import type { SchemeSummary } from "../bindings/SchemeSummary";
import { councilId, playback, type ScenarioName } from "./playback";

const params = new URLSearchParams(location.search);
const shot = params.get("shot") ?? "list";
const lang = params.get("lang") ?? "nb";

// The demo's councils, meetings and applications, found by name in what the core answered.
const demo = playback("demo");
const lyngvik = councilId(demo, "Lyngvik nærmiljøutvalg");
const storlia = councilId(demo, "Storlia grendeutval");
const meetingsOf = (council: string) => demo.answer<MeetingSummary[]>("listMeetings", council);
/** Storlia's meeting of 1 November 2026: held, its minutes not yet approved. */
const held = meetingsOf(storlia).find((m) => m.status === "held")!.id;
const upcoming = meetingsOf(lyngvik).find((m) => m.status === "notice_sent")!.id;
const approved = meetingsOf(lyngvik).find((m) => m.status === "approved")!.id;
const schemeId = demo.answer<SchemeSummary[]>("listSchemes", lyngvik)[0]!.scheme.id;
const application = (organisation: string) =>
  demo.answer<SchemeDetail>("getScheme", schemeId).rows.find((r) => r.application.organisation === organisation)!.application.id;

let scenario: ScenarioName = lang === "en" ? "english" : "demo";
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

switch (shot) {
  case "startup-error":
    scenario = "damaged";
    break;
  case "startup-restore":
    scenario = "damaged";
    steps = [click("[data-testid=restore-backup]")];
    break;
  case "backups":
    view = { name: "backups" };
    break;
  case "backups-restore":
    view = { name: "backups" };
    steps = [click("[data-testid=backup-row]:nth-child(3) [data-testid=restore-backup]")];
    break;
  case "welcome":
    scenario = "welcome";
    break;
  case "list-empty":
    scenario = "empty";
    break;
  case "council-new":
    view = { name: "new-council" };
    break;
  case "council-edit":
    view = { name: "edit-council", id: lyngvik };
    break;
  case "council":
    view = { name: "council", id: lyngvik };
    break;
  case "council-lyngvik":
  case "council-storlia":
    view = { name: "council", id: storlia };
    break;
  case "add-member":
    view = { name: "council", id: lyngvik };
    steps = [click("[data-testid=add-member]")];
    break;
  case "add-member-errors":
    view = { name: "council", id: lyngvik };
    steps = [click("[data-testid=add-member]"), type("#member-term-from", "31.02.2026"), click("[data-testid=save-member]")];
    break;
  case "edit-member":
    view = { name: "council", id: lyngvik };
    steps = [click("[data-testid=edit-member]")];
    break;
  case "end-member":
    view = { name: "council", id: lyngvik };
    steps = [click("[data-testid=end-member]")];
    break;
  case "meetings-new":
    view = { name: "council", id: lyngvik };
    steps = [click("[data-testid=new-meeting]")];
    break;
  case "meeting":
    view = { name: "meeting", id: held };
    break;
  case "meeting-item2":
    view = { name: "meeting", id: held };
    steps = [click("[data-item-id]:nth-of-type(2)")];
    break;
  case "meeting-planned":
    view = { name: "meeting", id: upcoming };
    break;
  case "meeting-approved":
    view = { name: "meeting", id: approved };
    break;
  case "meeting-add-item":
    view = { name: "meeting", id: upcoming };
    steps = [click("[data-testid=add-item]")];
    break;
  case "meeting-approve":
    view = { name: "meeting", id: held };
    steps = [click("[data-testid=approve-minutes]")];
    break;
  case "scheme":
    view = { name: "scheme", id: schemeId };
    break;
  case "scheme-new":
    view = { name: "council", id: lyngvik };
    steps = [click("[data-testid=new-scheme]")];
    break;
  case "scheme-edit":
    view = { name: "scheme", id: schemeId };
    steps = [click("[data-testid=edit-scheme]")];
    break;
  case "application-new":
    view = { name: "scheme", id: schemeId };
    steps = [click("[data-testid=add-application]")];
    break;
  case "application":
    view = { name: "application", id: application("Lyngvik historielag") };
    break;
  case "application-inhabil":
    view = { name: "application", id: application("Lyngvik frivilligsentral") };
    break;
  case "application-decided":
    view = { name: "application", id: application("Lyngvik IL") };
    break;
  case "application-refused": {
    const id = application("Lyngvik historielag");
    view = { name: "application", id };
    const item = demo.answer<ApplicationDetail>("getApplication", id).decisionItems[0]!.itemId;
    steps = [type("#decision-granted", "30 000"), select("#decision-item", item), click("[data-testid=decide]")];
    break;
  }
  case "overview":
    view = { name: "overview", year: 2026 };
    break;
  case "overview-behind":
    view = { name: "overview", year: 2026 };
    steps = [click("[data-testid=filter-behind]"), click("[data-testid=sort-overdue] button")];
    break;
  case "council-duties":
    view = { name: "council", id: lyngvik };
    steps = [() => document.querySelector("[data-testid=duties-section]")?.scrollIntoView({ block: "start" })];
    break;
  case "waive-duty":
    view = { name: "council", id: lyngvik };
    steps = [click("[data-testid=duty-row][data-kind=open_meeting] [data-testid=waive-duty]")];
    break;
  case "search":
    view = { name: "search", text: "benker" };
    break;
  case "search-more":
    scenario = "crowded";
    view = { name: "search", text: "dugnad" };
    break;
  case "search-none":
    view = { name: "search", text: "bøkeskogen" };
    break;
  case "list-imported":
    steps = [click("[data-testid=import-package]")];
    break;
  case "list-import-refused":
    scenario = "samename";
    steps = [click("[data-testid=import-package]")];
    break;
  case "change-due":
    view = { name: "council", id: storlia };
    steps = [click("[data-testid=duty-row][data-kind=joint_meeting] [data-testid=change-due]")];
    break;
}

// A crash shows in the screenshot (and in --dump-dom) instead of a blank page.
const showError = (what: unknown) => {
  const pre = document.createElement("pre");
  pre.id = "shot-error";
  pre.textContent = what instanceof Error ? `${what.message}\n${what.stack ?? ""}` : String(what);
  document.body.prepend(pre);
};
window.addEventListener("error", (e) => showError(e.error ?? e.message));
window.addEventListener("unhandledrejection", (e) => showError(e.reason));

const backend = playback(scenario);

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
