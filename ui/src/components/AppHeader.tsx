import { useState } from "react";
import { Button, Field, Label, Search, Select } from "@digdir/designsystemet-react";
import type { Lang } from "../bindings/Lang";
import { useI18n } from "../i18n/context";
import { LANGS, langLabel } from "../lib/labels";

export function AppHeader({
  userName,
  onHome,
  onOverview,
  onBackups,
  onSearch,
  onLanguage,
}: {
  userName: string | null;
  onHome?: (() => void) | undefined;
  onOverview?: (() => void) | undefined;
  onBackups?: (() => void) | undefined;
  /** Opens the search screen with what was typed; absent on the search screen itself. */
  onSearch?: ((text: string) => void) | undefined;
  onLanguage: (lang: Lang) => void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState("");
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <span className="app-header__brand">{t("app.name")}</span>
        <nav aria-label={t("header.nav")} className="app-header__nav">
          {onHome ? (
            <Button variant="tertiary" data-size="sm" data-testid="open-councils" onClick={onHome}>
              {t("header.councils")}
            </Button>
          ) : null}
          {onOverview ? (
            <Button variant="tertiary" data-size="sm" data-testid="open-overview" onClick={onOverview}>
              {t("header.overview")}
            </Button>
          ) : null}
          {onBackups ? (
            <Button variant="tertiary" data-size="sm" data-testid="open-backups" onClick={onBackups}>
              {t("header.backups")}
            </Button>
          ) : null}
        </nav>
        <div className="app-header__end">
          {onSearch ? (
            <form
              role="search"
              className="app-header__search"
              onSubmit={(e) => {
                e.preventDefault();
                onSearch(text);
                setText("");
              }}
            >
              <Field data-size="sm" className="app-header__search-field">
                {/* The magnifier and the placeholder say what the field is; the label is for screen readers. */}
                <Label htmlFor="header-search" className="visually-hidden">
                  {t("header.search")}
                </Label>
                <Search>
                  <Search.Input
                    id="header-search"
                    name="q"
                    data-testid="search-input"
                    autoComplete="off"
                    placeholder={t("header.search")}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                  />
                </Search>
              </Field>
            </form>
          ) : null}
          {userName ? <span className="app-header__user">{t("header.user", { name: userName })}</span> : null}
          <Field className="app-header__lang" data-size="sm">
            <Label htmlFor="language">{t("header.language")}</Label>
            <Select
              id="language"
              width="auto"
              value={lang}
              onChange={(e) => onLanguage(e.target.value as Lang)}
            >
              {LANGS.map((l) => (
                <Select.Option key={l} value={l} lang={l === "en" ? "en" : l}>
                  {langLabel(t, l)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
      </div>
    </header>
  );
}
