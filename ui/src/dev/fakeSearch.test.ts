// The fake backend's search and handover, roughly those of the Rust core:
// enough that the screenshots and the screen tests show believable states.
import { describe, expect, it } from "vitest";
import { createFakeBackend, demoState } from "./fakeBackend";
import { excerpt, matches } from "./fakeSearch";

const fresh = () => createFakeBackend(demoState({ userName: "Kari", language: "nb" }), { today: "2026-11-22" });
const q = (text: string, councilId: string | null = null, year: number | null = null) => ({ text, councilId, year });

describe("fake search", () => {
  it("matches every word as the start of a word, in any case, with ø not o", () => {
    expect(matches(["bøke"], "Sti gjennom Bøkeskogen")).toBe(true);
    expect(matches(["BØKESKOGEN", "sti"], "Sti gjennom Bøkeskogen")).toBe(true);
    expect(matches(["bokeskogen"], "Sti gjennom Bøkeskogen")).toBe(false);
    expect(matches(["skogen"], "Sti gjennom Bøkeskogen")).toBe(false);
    expect(matches(["sti", "dugnad"], "Sti gjennom Bøkeskogen")).toBe(false);
  });

  it("cuts long text like the core", () => {
    expect(excerpt("  kort  ")).toBe("kort");
    expect(excerpt("a".repeat(200))).toBe(`${"a".repeat(160)} …`);
  });

  it("finds items and applications, newest first, and narrows by council and year", async () => {
    const b = fresh();
    const { hits, more } = await b.search(q("lysløypa"));
    expect(more).toBe(false);
    expect(hits.map((h) => [h.kind, h.label])).toEqual([
      ["item", "Sak 08/26"],
      ["application", "Søknad 1"],
    ]);
    expect(hits[0]).toMatchObject({ parentId: "mt-nov", councilName: "Stavern nærmiljøutvalg", date: "2026-11-12" });
    expect(hits[1]!.title).toBe("Stavern IL: Lyspunkter i lysløypa ved Bergeløkka");
    expect((await b.search(q("lysløypa", "c-lyngvik"))).hits).toEqual([]);
    expect((await b.search(q("lysløypa", "c-stavern", 2025))).hits).toEqual([]);
    expect((await b.search(q("  "))).hits).toEqual([]);
  });

  it("stops at 50 hits and says there are more", async () => {
    const b = fresh();
    const item = b.state.meetings.items[0]!;
    for (let n = 0; n < 60; n++) b.state.meetings.items.push({ ...item, id: `i-x${n}`, title: `Dugnad nummer ${n}` });
    const { hits, more } = await b.search(q("dugnad"));
    expect(hits).toHaveLength(50);
    expect(more).toBe(true);
  });
});

describe("fake handover", () => {
  it("adds the package's council once, then reports it unchanged", async () => {
    const b = fresh();
    expect((await b.importPackage()).message).toContain("er lagt til");
    expect((await b.listCouncils()).map((c) => c.name)).toContain("Kvelde grendeutvalg");
    expect((await b.importPackage()).message).toContain("allerede lest inn");
    expect((await b.listCouncils()).filter((c) => c.name === "Kvelde grendeutvalg")).toHaveLength(1);
  });

  it("refuses a package whose name another council has, and a cancelled dialog", async () => {
    const b = fresh();
    b.state.handover!.incoming = { ...b.state.councils[1]!, id: "c-other" };
    await expect(b.importPackage()).rejects.toMatchObject({ code: "conflict" });
    b.state.handover!.incoming = null;
    await expect(b.importPackage()).rejects.toMatchObject({ code: "cancelled" });
    expect(await b.listCouncils()).toHaveLength(2);
  });

  it("packs a council and makes the kommune's folder once", async () => {
    const b = fresh();
    expect((await b.exportPackage("c-stavern")).path).toMatch(/Stavern nærmiljøutvalg\.grendebok$/);
    const sent = await b.exportForKommune("c-stavern", 2026);
    expect(sent.message).toContain("1 protokoller");
    await expect(b.exportForKommune("c-stavern", 2026)).rejects.toMatchObject({ code: "already_exists" });
  });
});
