import { Heading } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useLoad } from "../lib/useLoad";
import type { Navigate } from "../navigation";
import { Page } from "../components/Page";
import { BackNav } from "../components/BackNav";
import { ScreenLoad } from "../components/Loading";
import { useConfirmation } from "../components/Confirmation";
import { CouncilForm } from "../council/CouncilForm";
import { draftFrom, emptyDraft } from "../council/councilFormModel";
import { useProfileLabels } from "../lib/profileLabels";

/** A new council (no id) or an edit of one. */
export function CouncilFormScreen({ id, navigate }: { id?: string; navigate: Navigate }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [state, reload] = useLoad(async () => (id ? (await backend.getCouncil(id)).council : null), id ?? "new");
  const back = () => navigate(id ? { name: "council", id } : { name: "list" });
  const { confirm, clear } = useConfirmation();
  const labels = useProfileLabels();
  const categories = labels.seatCategories.filter((c) => !c.removed).map((c) => c.key);

  const ready = state.status === "ready";
  const title =
    state.status === "ready" && state.data ? t("councilForm.editTitle", { name: state.data.name }) : t("councilForm.newTitle");

  return (
    <Page screen="council-form" ready={ready}>
      <BackNav label={t("council.back")} testid="back-to-list" to={{ name: "list" }} navigate={navigate}>
        {t("council.back")}
      </BackNav>
      <Heading level={1} data-size="lg" tabIndex={-1}>
        {title}
      </Heading>
      <ScreenLoad state={state} onRetry={reload} />
      {state.status === "ready" ? (
        <CouncilForm
          initial={state.data ? draftFrom(state.data, categories) : emptyDraft(categories)}
          onCancel={back}
          save={async (input) => {
            clear();
            const saved = id ? await backend.updateCouncil(id, input) : await backend.createCouncil(input);
            navigate({ name: "council", id: saved.id });
            // Said after navigating, so the council's page says it.
            confirm(id ? t("confirm.changesSaved", { name: saved.name }) : t("confirm.councilCreated", { name: saved.name }));
          }}
        />
      ) : null}
    </Page>
  );
}
