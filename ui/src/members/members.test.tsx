// @vitest-environment happy-dom
// The member form against the in-memory fake backend: an already registered
// person is found by typing part of the name, not picked from everyone.
import { describe, expect, it } from "vitest";
import { act } from "react";
import { App } from "../App";
import { createFakeBackend, demoState } from "../dev/fakeBackend";
import { $, mountAsync, setUpDom, type, waitFor } from "../testing/app";

setUpDom();

const options = () => [...document.querySelectorAll<HTMLOptionElement>("#member-person option")].map((o) => o.textContent);

describe("the member form's people search", () => {
  it("narrows the people as a name is typed, ignoring case, and says when none match", async () => {
    const backend = createFakeBackend(demoState({ userName: "Kari Nordmann", language: "nb" }), { today: "2026-11-22" });
    await mountAsync(<App backend={backend} initialView={{ name: "council", id: "c-lyngvik" }} />);
    const add = await waitFor(() => $<HTMLButtonElement>("[data-testid=add-member]"), "the add button");
    await act(async () => add.click());
    await act(async () => $<HTMLInputElement>("#member-person-existing")!.click());

    await waitFor(() => options().length > 5, "everyone, by name, before anything is typed");
    expect(options()[0]).toBe("Velg person");

    await type($<HTMLInputElement>("#member-person-search")!, "ÅSH");
    await waitFor(() => options().length === 2, "the one match");
    expect(options()[1]).toBe("Bjørn Åsheim (bjorn@frivillig.no)");

    await type($<HTMLInputElement>("#member-person-search")!, "ingen slik");
    await waitFor(() => $("[data-testid=people-found]")?.textContent === "Ingen personer passer med søket.", "no match said");
    expect(options()).toEqual(["Velg person"]);
  });
});
