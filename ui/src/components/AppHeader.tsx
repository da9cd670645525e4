import { useState } from "react";
import { Button, Field, Label, Search, Select } from "@digdir/designsystemet-react";
import type { Lang } from "../bindings/Lang";
import { useI18n } from "../i18n/context";
import { LANGS, langLabel } from "../lib/labels";

/** The screens the header always links to; the current one is marked, never hidden. */
export type HeaderPlace = "list" | "overview" | "backups";

export function AppHeader({
  userName,
  current,
  onHome,
  onOverview,
  onBackups,
  onSearch,
  onLanguage,
}: {
  userName: string | null;
  /** The header's screen the user is on, if any: its link is marked aria-current. */
  current?: HeaderPlace | null | undefined;
  onHome?: (() => void) | undefined;
  onOverview?: (() => void) | undefined;
  onBackups?: (() => void) | undefined;
  /** Opens the search screen with what was typed. */
  onSearch?: ((text: string) => void) | undefined;
  onLanguage: (lang: Lang) => void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState("");
  const links: [HeaderPlace, string, string, (() => void) | undefined][] = [
    ["list", "open-councils", t("header.councils"), onHome],
    ["overview", "open-overview", t("header.overview"), onOverview],
    ["backups", "open-backups", t("header.backups"), onBackups],
  ];
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <span className="app-header__brand">{t("app.name")}</span>
        {onHome || onOverview || onBackups ? (
          <nav aria-label={t("header.nav")} className="app-header__nav">
            {links.map(([place, testid, label, onClick]) => (
              <Button
                key={place}
                variant="tertiary"
                data-size="sm"
                data-testid={testid}
                aria-current={current === place ? "page" : undefined}
                onClick={onClick}
              >
                {label}
              </Button>
            ))}
          </nav>
        ) : (
          <span className="app-header__nav" />
        )}
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
