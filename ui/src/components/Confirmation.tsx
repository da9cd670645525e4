import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { toErrorReport } from "../lib/errors";

/**
 * Where on a screen a confirmation is said: the screen's own place under its
 * title ("page"), or a section that has its own messages (the council page's
 * duties).
 */
export type ConfirmationSlot = "page" | "duties";

type Said = { text: string; slot: ConfirmationSlot; n: number };

type Confirm = {
  /** Says what was just done, naming the thing ("Olav Haugen er lagt til som leder."). */
  confirm: (text: string, slot?: ConfirmationSlot) => void;
  /** Takes the last confirmation away: the next action has started. */
  clear: () => void;
};

const noop = () => {};
const ConfirmContext = createContext<Confirm>({ confirm: noop, clear: noop });
const SaidContext = createContext<Said | null>(null);

/**
 * The app's one confirmation: what the last action did. The App holds it,
 * clears it on every navigation and provides it with `ConfirmationProvider`.
 * An action that navigates confirms after it has navigated, so the
 * confirmation is said on the screen it lands on.
 */
export function useConfirmationState() {
  const [said, setSaid] = useState<Said | null>(null);
  const count = useRef(0);
  const confirm = useCallback((text: string, slot: ConfirmationSlot = "page") => {
    count.current += 1;
    setSaid({ text, slot, n: count.current });
  }, []);
  const clear = useCallback(() => setSaid(null), []);
  const actions = useMemo(() => ({ confirm, clear }), [confirm, clear]);
  return { said, actions };
}

export function ConfirmationProvider({ state, children }: { state: ReturnType<typeof useConfirmationState>; children: ReactNode }) {
  return (
    <ConfirmContext.Provider value={state.actions}>
      <SaidContext.Provider value={state.said}>{children}</SaidContext.Provider>
    </ConfirmContext.Provider>
  );
}

/** `confirm` after an action succeeded, `clear` when the next one starts. Both are stable. */
export function useConfirmation(): Confirm {
  return useContext(ConfirmContext);
}

/**
 * The place a confirmation is said: a polite live region, so a screen reader
 * reads it out without the focus moving, with a success alert while there is
 * something to say. Each confirmation is a new alert, so the same words said
 * twice are read out twice.
 */
export function Confirmation({ slot = "page" }: { slot?: ConfirmationSlot }) {
  const said = useContext(SaidContext);
  const shown = said && said.slot === slot ? said : null;
  return (
    <div aria-live="polite" className="live-slot">
      {shown ? (
        <Alert key={shown.n} data-color="success" data-testid="confirmation" data-slot={slot} className="page-alert print-hidden">
          <Paragraph className="break">{shown.text}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * The success alert of an export: which document was made (`title`), then
 * the backend's words on where it went and its checksum (`message`).
 */
/**
 * What an export says when done: where the file is in plain words, buttons
 * that open it and its folder, and its checksums folded away for whoever
 * checks the file later. `path` is the path the export answered; the shell
 * opens only files it saved itself.
 */
export function ExportDone({
  title,
  message,
  path,
  details,
  openNow = false,
}: {
  title: string;
  message: string;
  path?: string;
  details?: string;
  /** Opens the file at once (an e-mail draft goes straight to the mail program). */
  openNow?: boolean;
}) {
  const { t } = useI18n();
  const backend = useBackend();
  const [error, setError] = useState<string | null>(null);
  const open = useCallback(
    (folder: boolean) => {
      if (!path) return;
      setError(null);
      backend.openSaved(path, folder).catch((e: unknown) => setError(toErrorReport(e).message));
    },
    [backend, path],
  );
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (openNow && path && opened.current !== path) {
      opened.current = path;
      open(false);
    }
  }, [openNow, path, open]);
  const lower = path?.toLowerCase() ?? "";
  const openLabel = lower.endsWith(".pdf") ? t("export.openPdf") : lower.endsWith(".eml") ? t("export.openMail") : t("export.openFile");
  return (
    <Alert data-color="success" role="status" data-testid="export-result" className="page-alert">
      <Paragraph>
        <strong data-testid="export-title">{title}</strong>
      </Paragraph>
      <Paragraph className="break" data-testid="export-message">
        {message}
      </Paragraph>
      {path ? (
        <div className="button-row export-actions">
          <Button data-size="sm" variant="secondary" data-testid="open-saved-file" onClick={() => open(false)}>
            {openLabel}
          </Button>
          <Button data-size="sm" variant="tertiary" data-testid="open-saved-folder" onClick={() => open(true)}>
            {t("export.openFolder")}
          </Button>
        </div>
      ) : null}
      {error ? (
        <Paragraph data-size="sm" className="export-error" data-testid="open-saved-error">
          {error}
        </Paragraph>
      ) : null}
      {details ? (
        <details className="export-details" data-testid="export-details">
          <summary>{t("export.details")}</summary>
          <Paragraph data-size="sm" className="break">
            {details}
          </Paragraph>
        </details>
      ) : null}
    </Alert>
  );
}
