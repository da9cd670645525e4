// @vitest-environment happy-dom
// Every action says what it did, naming the thing, in a polite live region
// that does not take the focus; the next action or another screen takes it
// away. Exports name their document; the council page and the overview print.
// On the core's answers (demo scenario, 22 November 2026): each write answers
// what the core answered to it, and the screens then read what it read after.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act } from "react";
import type { Lang } from "../bindings/Lang";
import type { View } from "../navigation";
import type { CouncilDetail } from "../bindings/CouncilDetail";
import type { MeetingSummary } from "../bindings/MeetingSummary";
import type { SchemeDetail } from "../bindings/SchemeDetail";
import type { SchemeSummary } from "../bindings/SchemeSummary";
import { councilId, playback } from "../dev/playback";
import { $, choose, plain, renderApp, setUpDom, text, type, waitFor } from "../testing/app";

setUpDom();

// The day the scenario was made for: the forms' dates start from it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T12:00:00"));
});
afterEach(() => {
  vi.useRealTimers();
});

const render = (view: View, language: Lang = "nb") => renderApp(view, playback(language === "nb" ? "demo" : "english"));

const demo = playback("demo");
const lyngvik = councilId(demo, "Lyngvik nærmiljøutvalg");
const meetings = demo.answer<MeetingSummary[]>("listMeetings", lyngvik);
/** 6 December 2026, its notice sent. */
const upcoming = meetings.find((m) => m.status === "notice_sent")!.id;
/** 1 November 2026, its minutes approved. */
const approved = meetings.find((m) => m.date === "2026-11-01")!.id;
const member = demo.answer<CouncilDetail>("getCouncil", lyngvik).current.find((m) => m.person.name === "Torbjørn Leirvåg")!.id;
const scheme = demo.answer<SchemeDetail>("getScheme", demo.answer<SchemeSummary[]>("listSchemes", lyngvik)[0]!.scheme.id);
/** Granted kr 20 000, kr 10 000 paid. */
const pensjonister = scheme.rows.find((r) => r.application.organisation === "Lyngvik pensjonistforening")!.application.id;

const click = (css: string) => act(async () => $<HTMLButtonElement>(css)!.click());
const confirmation = () => $("[data-testid=confirmation]");
/** The confirmation's words once it says something. */
const said = async () => plain((await waitFor(confirmation, "the confirmation")).textContent);

describe("confirmations on the council page", () => {
  it("names the member just added and their role, politely and without taking the focus", async () => {
    const backend = await render({ name: "council", id: lyngvik });
    expect(confirmation()).toBeNull();
    await click("[data-testid=add-member]");
    await type(await waitFor(() => $<HTMLInputElement>("#member-name"), "the name field"), "Olav Haugen");
    await choose($<HTMLSelectElement>("#member-role")!, "leder");
    await click("[data-testid=save-member]");

    expect(await said()).toBe("Olav Haugen er lagt til som leder.");
    expect(backend.callsOf("addMembership")).toHaveLength(1);
    const alert = confirmation()!;
    expect(alert.closest("[aria-live=polite]")).not.toBeNull();
    expect(alert.contains(document.activeElement)).toBe(false);
    await waitFor(() => [...document.querySelectorAll("[data-membership-id]")].some((r) => r.textContent?.includes("Olav Haugen")), "Olav among the members");

    // Another screen: the confirmation is gone.
    await click("[data-testid=back-to-list]");
    await waitFor(() => $("main[data-screen=council-list]"), "the council list");
    expect(confirmation()).toBeNull();
  });

  it("says the seat of a member has ended, and a failed action leaves no old confirmation", async () => {
    await render({ name: "council", id: lyngvik });
    const row = `[data-testid=member-row][data-membership-id='${member}']`;
    await waitFor(() => $(`${row} [data-testid=end-member]`), "the end button");
    const name = plain($(`${row} .cell-name`)!.textContent);
    expect(name).not.toBe("");
    await click(`${row} [data-testid=end-member]`);
    await click("[data-testid=confirm-end]");
    expect(await said()).toBe(`Vervet til ${name} er avsluttet.`);

    // The next action starts: the old words go, even when it is refused.
    await click("[data-testid=add-member]");
    await click("[data-testid=save-member]");
    await waitFor(() => $("#member-name-error"), "the name's field message");
    expect(confirmation()).toBeNull();
  });

  it("says the council's changes are saved on the page the form leads back to", async () => {
    await render({ name: "edit-council", id: lyngvik });
    await click("[data-testid=save-council]");
    await waitFor(() => $("main[data-screen=council][data-ready=true]"), "the council page");
    expect(await said()).toBe("Endringene i Lyngvik nærmiljøutvalg er lagret.");
  });

  it("says which duty was waived, in the duties section", async () => {
    await render({ name: "council", id: lyngvik });
    const waive = await waitFor(() => $<HTMLButtonElement>("[data-testid=duty-row] [data-testid=waive-duty]"), "a duty to waive");
    await act(async () => waive.click());
    await type(await waitFor(() => $<HTMLTextAreaElement>("#waive-reason"), "the reason field"), "Ingen møter i år på grunn av ombygging.");
    await click("[data-testid=save-waiver]");
    const alert = await waitFor(() => $("[data-testid=duties-section] [data-testid=confirmation]"), "the duties' confirmation");
    expect(plain(alert.textContent)).toMatch(/^Plikten «.+» er fritatt for \d{4}\.$/);
  });
});

describe("confirmations on the meeting page", () => {
  /** Plans a meeting on 14.01.2027 from Lyngvik's page and lands on the new meeting's page. */
  async function planMeeting() {
    const backend = await render({ name: "council", id: lyngvik });
    await click("[data-testid=new-meeting]");
    await type(await waitFor(() => $<HTMLInputElement>("#meeting-date"), "the date field"), "14.01.2027");
    await type($<HTMLInputElement>("#meeting-starts-at")!, "18:00");
    await type($<HTMLInputElement>("#meeting-place")!, "Grendehuset");
    await click("[data-testid=save-meeting]");
    await waitFor(() => $("main[data-screen=meeting][data-ready=true]"), "the meeting page");
    return backend;
  }

  it("says a new meeting was created, on the meeting's own page", async () => {
    await planMeeting();
    expect(await said()).toBe("Møtet 14.01.2027 er opprettet.");
  });

  it("asks before sending the notice, then says it was sent", async () => {
    const backend = await planMeeting();
    await click("[data-testid=add-item]");
    await type(await waitFor(() => $<HTMLInputElement>("#item-title"), "the title field"), "Julegrantenning på torget");
    await click("[data-testid=save-item]");
    await said();
    await click("[data-testid=send-notice]");
    const question = await waitFor(() => $("[data-testid=step-dialog]"), "the question");
    expect(plain(question.textContent)).toContain("sakene på sakslisten");
    expect(backend.callsOf("sendNotice")).toHaveLength(0);
    await click("[data-testid=confirm-step]");
    expect(await said()).toBe("Innkallingen til møtet 14.01.2027 er sendt.");
    expect(backend.callsOf("sendNotice")).toHaveLength(1);
    expect(confirmation()!.contains(document.activeElement)).toBe(false);
  });

  it("names a new agenda item by the case number it got", async () => {
    await render({ name: "meeting", id: upcoming });
    await click("[data-testid=add-item]");
    await type(await waitFor(() => $<HTMLInputElement>("#item-title"), "the title field"), "Julegrantenning på torget");
    await click("[data-testid=save-item]");
    expect(await said()).toBe("Sak 14/26 er lagt til i sakslisten.");
  });

  it("names the document an export made, says where in plain words, and opens it", async () => {
    const backend = await render({ name: "meeting", id: approved });
    await click("[data-testid=export-minutes]");
    await waitFor(() => $("[data-testid=export-result]"), "the export's result");
    expect(text("[data-testid=export-title]")).toBe("Protokollen for møtet 01.11.2026 er eksportert.");
    expect(text("[data-testid=export-message]")).toBe("Protokollen er lagret i Dokumenter som «Protokoll Lyngvik nærmiljøutvalg 2026-11-01.pdf».");
    // The checksums are folded away, under their own summary.
    expect($<HTMLDetailsElement>("[data-testid=export-details]")!.open).toBe(false);
    expect(text("[data-testid=export-details] summary")).toBe("Sjekksum og kontrollnummer");
    await click("[data-testid=open-saved-file]");
    await click("[data-testid=open-saved-folder]");
    await waitFor(() => backend.callsOf("openSaved").length === 2, "both opened");
    expect(backend.callsOf("openSaved")).toEqual([
      ["/home/kari/Dokumenter/Protokoll Lyngvik nærmiljøutvalg 2026-11-01.pdf", false],
      ["/home/kari/Dokumenter/Protokoll Lyngvik nærmiljøutvalg 2026-11-01.pdf", true],
    ]);
  });
});

describe("confirmations on the application page", () => {
  it("says the payout was recorded, with the amount in kroner and øre", async () => {
    const backend = await render({ name: "application", id: pensjonister });
    await type(await waitFor(() => $<HTMLInputElement>("#payout-amount"), "the payout form"), "5000");
    await click("[data-testid=add-payout]");
    expect(await said()).toBe("Utbetaling på kr 5 000,00 er registrert.");
    expect(backend.callsOf("addPayout")).toHaveLength(1);
  });
});

describe("the print button", () => {
  let print: ReturnType<typeof vi.fn>;
  const original = Object.getOwnPropertyDescriptor(window, "print");
  beforeEach(() => {
    print = vi.fn();
    Object.defineProperty(window, "print", { value: print, configurable: true, writable: true });
  });
  afterEach(() => {
    if (original) Object.defineProperty(window, "print", original);
    else delete (window as { print?: unknown }).print;
  });

  it("prints the council page", async () => {
    await render({ name: "council", id: lyngvik });
    const button = await waitFor(() => $<HTMLButtonElement>("[data-testid=print]"), "the print button");
    expect(plain(button.textContent)).toBe("Skriv ut");
    expect(button.closest(".page-title")).not.toBeNull();
    expect(button.classList.contains("print-hidden")).toBe(true);
    await act(async () => button.click());
    expect(print).toHaveBeenCalledTimes(1);
  });

  it("prints the overview, in the user's language", async () => {
    await render({ name: "overview", year: 2026 }, "en");
    const button = await waitFor(() => $<HTMLButtonElement>("[data-testid=print]"), "the print button");
    expect(plain(button.textContent)).toBe("Print");
    await act(async () => button.click());
    expect(print).toHaveBeenCalledTimes(1);
  });
});

describe("the date fields' placeholder", () => {
  it("comes from the catalogue", async () => {
    await render({ name: "council", id: lyngvik }, "en");
    await click("[data-testid=add-member]");
    const from = await waitFor(() => $<HTMLInputElement>("#member-term-from"), "the term field");
    expect(from.placeholder).toBe("dd.mm.yyyy");
  });
});
