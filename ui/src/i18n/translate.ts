import nb from "./nb.json";
import nn from "./nn.json";
import en from "./en.json";
import type { Lang } from "../bindings/Lang";

export type Catalogue = Record<string, string>;
/** Every key the UI may ask for: the bokmål catalogue is the reference. */
export type MessageKey = keyof typeof nb;
export type Params = Record<string, string | number>;

export const catalogues: Record<Lang, Catalogue> = { nb, nn, en };

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The text for `key` in `lang`; falls back to bokmål, then to the key itself.
 * With a `count` of 1 the singular `<key>.one` is taken where the catalogue
 * has one ("1 søknad", not "1 søknader").
 */
export function translate(lang: Lang, key: string, params?: Params): string {
  const lookup = (k: string): string | undefined => catalogues[lang]?.[k] ?? catalogues.nb[k];
  const one = params !== undefined && String(params.count) === "1";
  const text = (one ? lookup(`${key}.one`) : undefined) ?? lookup(key) ?? key;
  return fill(text, params);
}

export type T = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): T {
  return (key, params) => translate(lang, key, params);
}
