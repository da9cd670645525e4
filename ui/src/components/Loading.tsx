import { Alert, Button, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import type { Loaded } from "../lib/useLoad";

/** A whole screen still loading. `data-loading` tells the end-to-end tests
 *  that the layout may still move. */
export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" data-loading>
      <Spinner aria-label={t("app.loading")} data-size="lg" />
    </div>
  );
}

/** One section of a screen still loading (the rest of the screen is shown). */
export function LoadingLine() {
  const { t } = useI18n();
  return (
    <Paragraph className="muted" data-loading>
      {t("app.loading")}
    </Paragraph>
  );
}

/**
 * A section that loads on its own while the rest of the screen is shown:
 * the loading line, or what failed and a retry; nothing once it is ready.
 */
export function SectionLoad({ state, onRetry }: { state: Loaded<unknown>; onRetry: () => void }) {
  const { t } = useI18n();
  if (state.status === "loading") return <LoadingLine />;
  if (state.status === "ready") return null;
  return (
    <Paragraph className="muted">
      {state.error.message}{" "}
      <Button variant="tertiary" data-size="sm" onClick={onRetry}>
        {t("app.retry")}
      </Button>
    </Paragraph>
  );
}

/** A screen's data on its way, or what failed and a retry; nothing once it is there. */
export function ScreenLoad({ state, onRetry }: { state: Loaded<unknown>; onRetry: () => void }) {
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <LoadError message={state.error.message} onRetry={onRetry} />;
  return null;
}

/** A screen's detail on its way, or why it could not be read and a retry. */
export function DetailLoad({ error, onRetry }: { error: string | null; onRetry: () => void }) {
  return error ? <LoadError message={error} onRetry={onRetry} /> : <Loading />;
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{t("app.loadFailed")}</Paragraph>
      <Paragraph>{message}</Paragraph>
      <Button variant="secondary" onClick={onRetry}>
        {t("app.retry")}
      </Button>
    </Alert>
  );
}
