// @vitest-environment happy-dom
// Limits with counters (issue 16, item 6): a field with a limit says how
// many characters it holds once it nears the limit core enforces, and how
// many too many once past it.
import { describe, expect, it } from "vitest";
import { TEXT_LIMITS } from "../bindings/limits";
import { $, mount, rerender, setUpDom, text } from "../testing/app";
import { TextField, counterOf } from "./fields";

setUpDom();

describe("a field's counter", () => {
  it("shows from 80 % of the limit, and says how many too many", () => {
    const field = (value: string) => <TextField id="item-title" limit="title" label="Tittel" value={value} onChange={() => {}} />;
    mount(field("Budsjett"));
    expect($("[data-testid=field-counter]")).toBeNull();
    rerender(field("x".repeat(170)));
    expect(text("[data-testid=field-counter]")).toBe("170 av 200 tegn");
    expect($("#item-title")!.getAttribute("aria-describedby")).toContain("item-title-counter");
    rerender(field("x".repeat(5000)));
    expect(text("[data-testid=field-counter]")).toBe("5000 av 200 tegn – 4800 for mange");
    expect($("[data-testid=field-counter]")!.className).toContain("field-counter--over");
  });

  it("counts characters as core does, and takes each field's own limit", () => {
    expect(counterOf("reason", "æ".repeat(1600))).toEqual({ length: 1600, max: TEXT_LIMITS.reason });
    expect(counterOf("reason", "æ".repeat(1599))).toBeNull();
    expect(counterOf("title", "👍".repeat(160))).toEqual({ length: 160, max: 200 });
    expect(counterOf(undefined, "x".repeat(9999))).toBeNull();
  });
});
