import { Alert, Button, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <Spinner aria-label={t("app.loading")} data-size="lg" />
    </div>
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
