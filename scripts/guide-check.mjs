#!/usr/bin/env node
// The user guides name the app's buttons, fields and headings in **bold**
// (bokmål) and their nynorsk names in *(italics)* after them. Every such name
// must be a text the app really shows: a value of the UI's catalogue
// (ui/src/i18n/nb.json or nn.json) or of core's (i18n/), where a placeholder
// such as {year} stands for any text. Fails with the names that are not,
// so a renamed button cannot leave the guides behind.
// Usage: node scripts/guide-check.mjs [guide.md …]   (default docs/guide/*.md)
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const values = (lang) =>
  ["ui/src/i18n", "i18n"].flatMap((dir) => Object.values(JSON.parse(readFileSync(join(root, dir, `${lang}.json`), "utf8"))));
const escape = (s) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
const matcher = (texts) => {
  const exact = new Set(texts);
  const patterns = texts
    .filter((t) => /\{\w+\}/.test(t))
    .map((t) => new RegExp("^" + t.split(/\{\w+\}/).map(escape).join(".+?") + "$", "s"));
  return (name) => exact.has(name) || patterns.some((p) => p.test(name));
};
const known = { nb: matcher(values("nb")), nn: matcher(values("nn")) };

// Bold words that are not the app's text: names of things, not of controls.
const notUi = new Set(["Grendebok"]);

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(root, "docs/guide")).filter((f) => f.endsWith(".md")).map((f) => join(root, "docs/guide", f));
let bad = 0;
let checked = 0;
for (const file of files) {
  // The English summary repeats the bokmål names; it is checked like the rest.
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  const names = [];
  for (const m of text.matchAll(/\*\*([^*]+?)\*\*/g)) names.push(["nb", m[1]]);
  for (const m of text.matchAll(/\(\*([^*]+?)\*\)/g)) names.push(["nn", m[1]]);
  for (const [lang, raw] of names) {
    const name = raw.replace(/\s+/g, " ").trim();
    if (notUi.has(name)) continue;
    checked++;
    if (!known[lang](name)) {
      bad++;
      console.error(`${file}: «${name}» is not a ${lang === "nb" ? "bokmål" : "nynorsk"} text of the app`);
    }
  }
}
if (bad) {
  console.error(`guide-check: ${bad} of ${checked} names in the guides are not in the catalogues`);
  process.exit(1);
}
console.log(`guide-check: all ${checked} names in ${files.length} guides are texts of the app`);
