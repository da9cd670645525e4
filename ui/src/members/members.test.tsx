// @vitest-environment happy-dom
// The member form on the core's answers (demo scenario): an already
// registered person is found by typing part of the name, not picked from everyone.
import { describe, expect, it } from "vitest";
import { act } from "react";
import { App } from "../App";
import { councilId, playback } from "../dev/playback";
import { $, mountAsync, setUpDom, type, waitFor } from "../testing/app";

setUpDom();

const options = () => [...document.querySelectorAll<HTMLOptionElement>("#member-person option")].map((o) => o.textContent);

describe("the member form's people search", () => {
  it("narrows the people as a name is typed, ignoring case, and says when none match", async () => {
    const backend = playback("demo");
    await mountAsync(<App backend={backend} initialView={{ name: "council", id: councilId(backend, "Storlia grendeutval") }} />);
    const add = await waitFor(() => $<HTMLButtonElement>("[data-testid=add-member]"), "the add button");
    await act(async () => add.click());
    await act(async () => $<HTMLInputElement>("#member-person-existing")!.click());

    await waitFor(() => options().length > 5, "everyone, by name, before anything is typed");
    expect(options()[0]).toBe("Velg person");

    await type($<HTMLInputElement>("#member-person-search")!, "ÅSH");
    await waitFor(() => options().length === 2, "the one match");
    expect(options()[1]).toBe("Kjetil Åsheim (kjetil.asheim@eksempel.no)");

    await type($<HTMLInputElement>("#member-person-search")!, "ingen slik");
    await waitFor(() => $("[data-testid=people-found]")?.textContent === "Ingen personer passer med søket.", "no match said");
    expect(options()).toEqual(["Velg person"]);
    expect(backend.callsOf("findPeople").map(([query]) => query)).toEqual(["", "ÅSH", "ingen slik"]);
    expect(backend.unanswered).toEqual([]);
  });
});
