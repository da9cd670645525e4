import { useEffect, useMemo, useState } from "react";
import { Alert, Paragraph, SkipLink } from "@digdir/designsystemet-react";
import type { Settings } from "./bindings/Settings";
import type { Lang } from "./bindings/Lang";
import type { Startup } from "./bindings/Startup";
import { BackendContext, type Backend } from "./backend";
import { I18nContext } from "./i18n/context";
import { translator } from "./i18n/translate";
import { toErrorReport } from "./lib/errors";
import type { View } from "./navigation";
import { AppHeader } from "./components/AppHeader";
import { Page } from "./components/Page";
import { Loading, LoadError } from "./components/Loading";
import { ConfirmationProvider, useConfirmationState } from "./components/Confirmation";
import { ProfileLabelsProvider } from "./lib/profileLabels";
import { LeaveDialog } from "./components/LeaveDialog";
import { leaveGuard } from "./lib/leaveGuard";
import { Welcome } from "./screens/Welcome";
import { CouncilList } from "./screens/CouncilList";
import { Overview } from "./screens/Overview";
import { CouncilFormScreen } from "./screens/CouncilFormScreen";
import { CouncilPage } from "./screens/CouncilPage";
import { MeetingPage } from "./screens/MeetingPage";
import { SchemePage } from "./screens/SchemePage";
import { ApplicationPage } from "./screens/ApplicationPage";
import { StartupError } from "./screens/StartupError";
import { Backups } from "./screens/Backups";
import { SearchScreen } from "./screens/SearchScreen";
import { ProfileScreen } from "./profile/ProfileScreen";

type Boot =
  | { status: "loading" }
  | { status: "error"; message: string }
  /** The database could not be opened: only the start-up error screen. */
  | { status: "startup-error"; startup: Startup }
  /** `readOnly`: the file or its folder cannot be written; every change is refused. */
  | { status: "ready"; settings: Settings; readOnly: boolean };

export function App({ backend, initialView = { name: "list" } }: { backend: Backend; initialView?: View }) {
  const [boot, setBoot] = useState<Boot>({ status: "loading" });
  const [view, setView] = useState<View>(initialView);
  const [attempt, setAttempt] = useState(0);
  // Language chosen while no settings can be read (the start-up error screen).
  const [localLang, setLocalLang] = useState<Lang | null>(null);
  // A success message for the council list, e.g. after a restore.
  const [notice, setNotice] = useState<"restored" | null>(null);
  // What the last action did, said on the screen until the next action or navigation.
  const confirmation = useConfirmationState();
  const clearConfirmation = confirmation.actions.clear;

  // First how start-up went; only when the database is open, the settings.
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const startup = await backend.getStartup();
        if (!live) return;
        if (startup.error) {
          setBoot({ status: "startup-error", startup });
          return;
        }
        const settings = await backend.getSettings();
        if (live) setBoot({ status: "ready", settings, readOnly: startup.readOnly });
      } catch (e) {
        if (live) setBoot({ status: "error", message: toErrorReport(e).message });
      }
    })();
    return () => {
      live = false;
    };
  }, [backend, attempt]);

  // The file is checked page by page while the first screen shows; if it is
  // found damaged, start again: the start-up screen then offers the backups.
  const ready = boot.status === "ready";
  useEffect(() => {
    if (!ready) return;
    let live = true;
    backend.awaitSoundFile().catch((e) => {
      if (live && toErrorReport(e).code === "damaged") {
        setBoot({ status: "loading" });
        setAttempt((a) => a + 1);
      }
    });
    return () => {
      live = false;
    };
  }, [backend, ready]);

  const lang: Lang = boot.status === "ready" ? boot.settings.language : (localLang ?? "nb");
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = i18n.t("app.name");
  }, [lang, i18n]);

  const settings = boot.status === "ready" ? boot.settings : null;
  const readOnly = boot.status === "ready" && boot.readOnly;
  const setSettings = (s: Settings) => setBoot({ status: "ready", settings: s, readOnly });
  // A read-only file cannot save a name: it is shown without the welcome step.
  const entered = Boolean(settings?.userName) || readOnly;

  // A navigation held back by the question about unsaved text.
  const [leaving, setLeaving] = useState<{ next: View; unsaved: string[] } | null>(null);

  const go = (next: View) => {
    setNotice(null);
    clearConfirmation();
    setView(next);
  };
  const navigate = (next: View) => {
    const unsaved = leaveGuard()?.unsaved() ?? [];
    if (unsaved.length > 0) setLeaving({ next, unsaved });
    else go(next);
  };

  /** After a restore (from either screen): start again from the fresh file, on the council list. */
  const restored = (startup: Startup) => {
    if (startup.error) {
      setBoot({ status: "startup-error", startup });
      return;
    }
    setView({ name: "list" });
    clearConfirmation();
    setNotice("restored");
    setBoot({ status: "loading" });
    setAttempt((a) => a + 1);
  };

  const changeLanguage = (language: Lang) => {
    if (boot.status !== "ready") {
      setLocalLang(language);
      return;
    }
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
  } else if (boot.status === "startup-error") {
    content = <StartupError startup={boot.startup} onRestored={restored} />;
  } else if (boot.status === "error") {
    content = (
      <Page screen="boot" ready={true}>
        <LoadError message={boot.message} onRetry={() => setAttempt((a) => a + 1)} />
      </Page>
    );
  } else if (!entered) {
    content = <Welcome onSaved={setSettings} />;
  } else {
    switch (view.name) {
      case "list":
        content = <CouncilList navigate={navigate} notice={notice ? i18n.t("backups.restored") : null} />;
        break;
      case "overview":
        content = <Overview initialYear={view.year} navigate={navigate} />;
        break;
      case "new-council":
        content = <CouncilFormScreen navigate={navigate} />;
        break;
      case "edit-council":
        content = <CouncilFormScreen key={view.id} id={view.id} navigate={navigate} />;
        break;
      case "council":
        content = <CouncilPage key={view.id} id={view.id} navigate={navigate} />;
        break;
      case "meeting":
        content = <MeetingPage key={`${view.id}/${view.item ?? ""}`} id={view.id} item={view.item} search={view.search} navigate={navigate} />;
        break;
      case "scheme":
        content = <SchemePage key={view.id} id={view.id} navigate={navigate} />;
        break;
      case "application":
        content = <ApplicationPage key={view.id} id={view.id} search={view.search} navigate={navigate} />;
        break;
      case "backups":
        content = <Backups onRestored={restored} />;
        break;
      case "profile":
        content = <ProfileScreen />;
        break;
      case "search":
        content = <SearchScreen key={view.text} initial={view} navigate={navigate} />;
        break;
    }
  }

  // The header's links are the same on every screen; the current one is marked.
  const home = entered ? () => navigate({ name: "list" }) : undefined;
  const overview = entered ? () => navigate({ name: "overview" }) : undefined;
  const backups = entered ? () => navigate({ name: "backups" }) : undefined;
  const current = view.name === "list" || view.name === "overview" || view.name === "backups" ? view.name : null;
  const search = entered ? (text: string) => navigate({ name: "search", text }) : undefined;
  return (
    <BackendContext.Provider value={backend}>
      <I18nContext.Provider value={i18n}>
        <SkipLink href="#main">{i18n.t("app.skipToContent")}</SkipLink>
        <AppHeader
          userName={settings?.userName ?? null}
          current={current}
          onHome={home}
          onOverview={overview}
          onBackups={backups}
          onSearch={search}
          onLanguage={changeLanguage}
        />
        {readOnly ? (
          <div className="read-only-banner">
            <Alert data-color="warning" data-testid="read-only-banner">
              <Paragraph>{i18n.t("app.readOnly")}</Paragraph>
            </Alert>
          </div>
        ) : null}
        <ConfirmationProvider state={confirmation}>
          {entered && boot.status === "ready" ? (
            <ProfileLabelsProvider
              lang={lang}
              fallback={
                <Page screen="boot" ready={false}>
                  <Loading />
                </Page>
              }
            >
              {content}
            </ProfileLabelsProvider>
          ) : (
            content
          )}
        </ConfirmationProvider>
        {leaving ? (
          <LeaveDialog
            unsaved={leaving.unsaved}
            onStay={() => {
              setLeaving(null);
              leaveGuard()?.stay();
            }}
            onDiscard={() => {
              leaveGuard()?.discard();
              setLeaving(null);
              go(leaving.next);
            }}
          />
        ) : null}
      </I18nContext.Provider>
    </BackendContext.Provider>
  );
}
