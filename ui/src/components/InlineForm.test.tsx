// @vitest-environment happy-dom
// One form on a page as every inline form is kept (useDraftForm in an
// InlineForm): a fault shows at its field and goes when the field is edited,
// a refusal shows above the fields, a save starts the form over.
import { describe, expect, it } from "vitest";
import { act } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";
import { useDraftForm } from "../lib/useDraftForm";
import { $, mount, setUpDom, text, type, waitFor } from "../testing/app";
import { TextField } from "./fields";
import { InlineForm } from "./InlineForm";

setUpDom();

function AddForm({ write }: { write: (what: string) => Promise<ErrorReport | null> }) {
  const form = useDraftForm({ what: "" }, ["follow-up-what"], { what: "follow-up-what" });
  const submit = form.submit(
    () => (form.draft.what.trim() ? { ok: true, input: form.draft.what } : { ok: false, errors: { "follow-up-what": "Skriv hva som skal gjøres." } }),
    write,
    { what: "" },
  );
  return (
    <InlineForm onSubmit={submit} form={form} row="follow-up" submit={{ label: "Legg til", testId: "add-follow-up" }}>
      <TextField {...form.field("what", "follow-up-what")} label="Hva" />
    </InlineForm>
  );
}

const add = () => act(async () => $<HTMLButtonElement>("[data-testid=add-follow-up]")!.click());
const field = () => $<HTMLInputElement>("#follow-up-what")!;

describe("an inline form", () => {
  it("shows a fault at its field, forgets it when the field is edited, and starts over after a save", async () => {
    const saved: string[] = [];
    mount(<AddForm write={async (what) => (saved.push(what), null)} />);
    await add();
    expect(text("#follow-up-what-error")).toBe("Skriv hva som skal gjøres.");
    expect(field().getAttribute("aria-invalid")).toBe("true");
    expect(saved).toEqual([]);
    await type(field(), "Bestille container");
    expect($("#follow-up-what-error")).toBeNull();
    await add();
    await waitFor(() => saved.length === 1, "the save");
    expect(saved).toEqual(["Bestille container"]);
    expect(field().value).toBe("");
    expect($("[data-testid=form-error]")).toBeNull();
  });

  it("shows a refusal above the fields and keeps what was typed", async () => {
    mount(<AddForm write={async () => ({ code: "conflict", message: "Møtet er godkjent.", fields: [] })} />);
    await type(field(), "Bestille container");
    await add();
    const alert = await waitFor(() => $("[data-testid=form-error]"), "the refusal");
    expect(alert.textContent).toContain("Møtet er godkjent.");
    expect(field().value).toBe("Bestille container");
  });
});
