import { useEffect, useMemo, useState } from "react";
import { SkipLink } from "@digdir/designsystemet-react";
import type { Settings } from "./bindings/Settings";
import type { Lang } from "./bindings/Lang";
import { BackendContext, type Backend } from "./backend";
import { I18nContext } from "./i18n/context";
import { translator } from "./i18n/translate";
import { toErrorReport } from "./lib/errors";
import type { View } from "./navigation";
import { AppHeader } from "./components/AppHeader";
import { Page } from "./components/Page";
import { Loading, LoadError } from "./components/Loading";
import { Welcome } from "./screens/Welcome";
import { CouncilList } from "./screens/CouncilList";
import { CouncilFormScreen } from "./screens/CouncilFormScreen";
import { CouncilPage } from "./screens/CouncilPage";
import { MeetingPage } from "./screens/MeetingPage";

type Boot = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; settings: Settings };

export function App({ backend, initialView = { name: "list" } }: { backend: Backend; initialView?: View }) {
  const [boot, setBoot] = useState<Boot>({ status: "loading" });
  const [view, setView] = useState<View>(initialView);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    backend.getSettings().then(
      (settings) => live && setBoot({ status: "ready", settings }),
      (e) => live && setBoot({ status: "error", message: toErrorReport(e).message }),
    );
    return () => {
      live = false;
    };
  }, [backend, attempt]);

  const lang: Lang = boot.status === "ready" ? boot.settings.language : "nb";
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = i18n.t("app.name");
  }, [lang, i18n]);

  const settings = boot.status === "ready" ? boot.settings : null;
  const setSettings = (s: Settings) => setBoot({ status: "ready", settings: s });

  const changeLanguage = (language: Lang) => {
    backend.saveLanguage(language).then(setSettings, () => {
      /* the picker keeps showing the saved language */
    });
  };

  let content;
  if (boot.status === "loading") {
    content = (
      <Page screen="boot" ready={false}>
        <Loading />
      </Page>
    );
  } else if (boot.status === "error") {
    content = (
      <Page screen="boot" ready={true}>
        <LoadError message={boot.message} onRetry={() => setAttempt((a) => a + 1)} />
      </Page>
    );
  } else if (!boot.settings.userName) {
    content = <Welcome onSaved={setSettings} />;
  } else {
    switch (view.name) {
      case "list":
        content = <CouncilList navigate={setView} />;
        break;
      case "new-council":
        content = <CouncilFormScreen navigate={setView} />;
        break;
      case "edit-council":
        content = <CouncilFormScreen key={view.id} id={view.id} navigate={setView} />;
        break;
      case "council":
        content = <CouncilPage key={view.id} id={view.id} navigate={setView} />;
        break;
      case "meeting":
        content = <MeetingPage key={view.id} id={view.id} navigate={setView} />;
        break;
    }
  }

  const home = settings?.userName && view.name !== "list" ? () => setView({ name: "list" }) : undefined;
  return (
    <BackendContext.Provider value={backend}>
      <I18nContext.Provider value={i18n}>
        <SkipLink href="#main">{i18n.t("app.skipToContent")}</SkipLink>
        <AppHeader userName={settings?.userName ?? null} onHome={home} onLanguage={changeLanguage} />
        {content}
      </I18nContext.Provider>
    </BackendContext.Provider>
  );
}
