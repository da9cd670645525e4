// The house rules of the source tree, checked: one module talks to Tauri, the
// dev-only play-back never reaches the production entry, and no raw HTML is set.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL(".", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sources(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, "utf8") }));

describe("source boundaries", () => {
  it("only api.ts imports @tauri-apps", () => {
    const importers = files.filter((f) => /from\s+["']@tauri-apps\//.test(f.text)).map((f) => f.path);
    expect(importers).toEqual(["api.ts"]);
  });
  it("no module outside src/dev imports from src/dev", () => {
    const offenders = files
      .filter((f) => !f.path.startsWith("dev/") && /from\s+["'][./]*dev\//.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
  it("never sets raw HTML", () => {
    const offenders = files.filter((f) => /dangerouslySetInnerHTML|innerHTML\s*=/.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
