// The names of the kommune profile's seat categories and meeting kinds, in
// the person's language, as the core gives them (`profile_labels`): loaded
// once as the app starts and again when the language changes or the profile
// is saved or read in. Every screen takes a category's or a kind's name from
// here; none is in the UI's catalogues.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { ProfileLabel } from "../bindings/ProfileLabel";
import type { ProfileLabels } from "../bindings/ProfileLabels";
import { useBackend } from "../backend";

export type ProfileNames = {
  /** The profile's seat categories in its order, then removed ones still held (marked in their name). */
  seatCategories: readonly ProfileLabel[];
  meetingKinds: readonly ProfileLabel[];
  /** A seat category's name (its key while none is known). */
  categoryName: (key: string) => string;
  /** A meeting kind's name (its key while none is known). */
  meetingKindName: (key: string) => string;
  /** Asks the core again: after the profile is saved or read in. */
  reload: () => Promise<void>;
};

const nameIn = (list: readonly ProfileLabel[], key: string) => list.find((l) => l.key === key)?.name ?? key;

function names(labels: ProfileLabels | null, reload: () => Promise<void>): ProfileNames {
  const seatCategories = labels?.seatCategories ?? [];
  const meetingKinds = labels?.meetingKinds ?? [];
  return {
    seatCategories,
    meetingKinds,
    categoryName: (key) => nameIn(seatCategories, key),
    meetingKindName: (key) => nameIn(meetingKinds, key),
    reload,
  };
}

const ProfileLabelsContext = createContext<ProfileNames>(names(null, async () => {}));

/**
 * Loads the labels (again whenever `lang` changes) and shows `fallback` until
 * the first answer, so no screen shows a bare key.
 */
export function ProfileLabelsProvider({ lang, fallback, children }: { lang: string; fallback: ReactNode; children: ReactNode }) {
  const backend = useBackend();
  const [labels, setLabels] = useState<ProfileLabels | null>(null);
  const reload = useCallback(async () => {
    try {
      setLabels(await backend.profileLabels());
    } catch {
      // Without names the screens show the keys; the screen itself reports a broken file.
      setLabels((old) => old ?? { seatCategories: [], meetingKinds: [] });
    }
  }, [backend]);
  useEffect(() => {
    void reload();
  }, [reload, lang]);
  const value = useMemo(() => names(labels, reload), [labels, reload]);
  return <ProfileLabelsContext.Provider value={value}>{labels ? children : fallback}</ProfileLabelsContext.Provider>;
}

export function useProfileLabels(): ProfileNames {
  return useContext(ProfileLabelsContext);
}
