import { useState } from "react";
import { Alert, Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { CouncilSummary } from "../bindings/CouncilSummary";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useLoad } from "../lib/useLoad";
import { toErrorReport } from "../lib/errors";
import type { Navigate } from "../navigation";
import { Page } from "../components/Page";
import { Loading, LoadError } from "../components/Loading";
import { FormError } from "../components/FormError";
import { CouncilTable } from "../council/CouncilTable";

/** `notice`: a success message from the screen before (after a restore). */
export function CouncilList({ navigate, notice = null }: { navigate: Navigate; notice?: string | null }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [state, reload] = useLoad(() => backend.listCouncils(), "councils");
  const [demo, setDemo] = useState<CouncilSummary[] | null>(null);

  const councils = demo ?? (state.status === "ready" ? state.data : null);
  const newCouncil = () => navigate({ name: "new-council" });

  return (
    <Page screen="council-list" ready={councils !== null}>
      <div className="page-title">
        <Heading level={1} data-size="lg" tabIndex={-1}>
          {t("list.title")}
        </Heading>
        {councils && councils.length > 0 ? (
          <Button data-testid="new-council" onClick={newCouncil}>
            {t("list.new")}
          </Button>
        ) : null}
      </div>
      {notice ? (
        <Alert data-color="success" role="status" data-testid="restored" className="page-alert">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      ) : null}
      {state.status === "error" && !demo ? <LoadError message={state.error.message} onRetry={reload} /> : null}
      {councils === null && state.status === "loading" ? <Loading /> : null}
      {councils && councils.length === 0 ? (
        <EmptyState onNew={newCouncil} onLoaded={setDemo} />
      ) : null}
      {councils && councils.length > 0 ? (
        <>
          <Paragraph className="muted">{t("list.intro")}</Paragraph>
          <CouncilTable councils={councils} onOpen={(id) => navigate({ name: "council", id })} />
        </>
      ) : null}
    </Page>
  );
}

function EmptyState({ onNew, onLoaded }: { onNew: () => void; onLoaded: (c: CouncilSummary[]) => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[]>([]);
  const loadDemo = async () => {
    setBusy(true);
    setError([]);
    try {
      await backend.loadDemo();
      onLoaded(await backend.listCouncils());
    } catch (e) {
      setError([toErrorReport(e).message]);
      setBusy(false);
    }
  };
  return (
    <Card className="empty-state" data-color="neutral" variant="tinted">
      <Heading level={2} data-size="sm">
        {t("list.empty.title")}
      </Heading>
      <Paragraph>{t("list.empty.text")}</Paragraph>
      <FormError messages={error} />
      <div className="button-row">
        <Button data-color="accent" data-testid="new-council" onClick={onNew}>
          {t("list.new")}
        </Button>
        <Button variant="secondary" data-color="accent" data-testid="load-demo" onClick={loadDemo} loading={busy}>
          {t("list.empty.demo")}
        </Button>
      </div>
    </Card>
  );
}
