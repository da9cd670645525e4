import { describe, expect, it } from "vitest";
import { firstInvalid, splitErrors, toErrorReport } from "./errors";

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
