// DEV ONLY: entry of the screenshot build (`npm run build:shots`, shots.html).
// Renders the real App against the in-memory fake backend, in the state named
// by `?shot=...`, and clicks through to dialogs where a shot needs one.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../styles";
import { App } from "../App";
import type { View } from "../navigation";
import type { Lang } from "../bindings/Lang";
import { createFakeBackend, demoState, type FakeState } from "./fakeBackend";

const params = new URLSearchParams(location.search);
const shot = params.get("shot") ?? "list";
const lang = (params.get("lang") ?? "nb") as Lang;

const empty = (userName: string | null): FakeState => ({
  settings: { userName, language: lang },
  councils: [],
  people: [],
  memberships: [],
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

switch (shot) {
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
  case "end-member":
    view = { name: "council", id: "c-stavern" };
    steps = [click("[data-testid=end-member]")];
    break;
}

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
