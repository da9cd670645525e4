import { createContext, useContext } from "react";
import type { Lang } from "../bindings/Lang";
import { translator, type T } from "./translate";

export type I18n = { lang: Lang; t: T };

export const I18nContext = createContext<I18n>({ lang: "nb", t: translator("nb") });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
