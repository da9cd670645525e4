import { Alert, Button, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";

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
