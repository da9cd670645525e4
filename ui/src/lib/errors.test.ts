import { describe, expect, it } from "vitest";
import { firstInvalid, refusal, refusalMessage, splitErrors, toErrorReport } from "./errors";

describe("toErrorReport", () => {
  it("keeps a backend report", () => {
    const r = { code: "invalid", message: "Feil", fields: [{ field: "name", message: "Mangler" }] };
    expect(toErrorReport(r)).toEqual(r);
  });
  it("wraps anything else", () => {
    expect(toErrorReport(new Error("boom"))).toEqual({ code: "internal", message: "boom", fields: [] });
    expect(toErrorReport("ipc down").message).toBe("ipc down");
  });
});

describe("splitErrors", () => {
  it("maps known fields to input ids and leaves the rest for the alert", () => {
    const { fields, other } = splitErrors(
      {
        code: "invalid",
        message: "x",
        fields: [
          { field: "seatPlan.volunteer", message: "Negativt" },
          { field: "councilId", message: "Ukjent utvalg" },
        ],
      },
      { "seatPlan.volunteer": "seats-volunteer" },
    );
    expect(fields).toEqual({ "seats-volunteer": "Negativt" });
    expect(other).toEqual(["Ukjent utvalg"]);
  });
  it("finds the first invalid field in form order", () => {
    expect(firstInvalid(["a", "b", "c"], { c: "x", b: "y" })).toBe("b");
    expect(firstInvalid(["a"], {})).toBeUndefined();
  });
});

describe("refusal", () => {
  it("answers null for a write that went through, and the report of one refused", async () => {
    expect(await refusal(async () => "saved")).toBeNull();
    const report = await refusal(async () => {
      throw { code: "invalid", message: "Skriv navnet.", fields: [] };
    });
    expect(report).toEqual({ code: "invalid", message: "Skriv navnet.", fields: [] });
  });
  it("says nothing of an export the user cancelled in the save dialog", async () => {
    expect(await refusalMessage(async () => Promise.reject({ code: "cancelled", message: "Avbrutt", fields: [] }))).toBeNull();
    expect(await refusalMessage(async () => Promise.reject({ code: "io", message: "Mappen finnes ikke.", fields: [] }))).toBe("Mappen finnes ikke.");
  });
});
