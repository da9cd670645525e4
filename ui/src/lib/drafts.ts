// Text typed but not yet saved, kept per form in the web view's local
// storage: a click on another agenda item, "Tilbake", a closed window or a
// crash loses nothing, and the text is offered back when the form opens again.
// Each draft names what it belongs to, so a question before leaving can say
// which text is unsaved.

const PREFIX = "grendebok.draft.";

export type Draft<T> = {
  /** What the text belongs to, in the user's words ("Sak 01/26"). */
  label: string;
  value: T;
};

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const listeners = new Set<() => void>();

/** Calls `listener` whenever a draft is kept or dropped; returns the unsubscribe. */
export function onDraftsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed() {
  for (const l of listeners) l();
}

export function loadDraft<T>(key: string): Draft<T> | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Draft<T>;
  } catch {
    return null;
  }
}

export function keepDraft<T>(key: string, draft: Draft<T>) {
  const s = storage();
  if (!s) return;
  const raw = JSON.stringify(draft);
  if (s.getItem(PREFIX + key) === raw) return;
  s.setItem(PREFIX + key, raw);
  changed();
}

export function dropDraft(key: string) {
  const s = storage();
  if (!s || s.getItem(PREFIX + key) === null) return;
  s.removeItem(PREFIX + key);
  changed();
}

/** The keys of every draft kept whose key starts with `prefix`, with their labels. */
export function draftsUnder(prefix: string): { key: string; label: string }[] {
  const s = storage();
  if (!s) return [];
  const found: { key: string; label: string }[] = [];
  for (let i = 0; i < s.length; i++) {
    const full = s.key(i);
    if (!full?.startsWith(PREFIX + prefix)) continue;
    const key = full.slice(PREFIX.length);
    const d = loadDraft<unknown>(key);
    if (d) found.push({ key, label: d.label });
  }
  return found.sort((a, b) => a.label.localeCompare(b.label, "nb"));
}

/** The draft key of an agenda item's referat or decision. */
export const recordDraftKey = (meetingId: string, itemId: string) => `record:${meetingId}:${itemId}`;
/** The prefix of every record draft of a meeting. */
export const meetingDraftPrefix = (meetingId: string) => `record:${meetingId}:`;
