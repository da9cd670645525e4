import { Heading } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useDraftForm } from "../lib/useDraftForm";
import { TextField } from "../components/fields";
import { InlineForm } from "../components/InlineForm";
import { useApplication } from "./context";
import { amountForInput, formatKr } from "./format";

const ORDER = ["proposal-amount"] as const;
const IDS = { proposed: "proposal-amount" };

/** The committee's proposal before the decision; empty clears it. */
export function ProposalForm() {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act } = useApplication();
  const a = detail.application;
  const form = useDraftForm(() => ({ amount: amountForInput(a.proposedOre) }), ORDER, IDS);

  const submit = form.onSubmit(() =>
    form.save(() =>
      act(
        () => backend.proposeAmount(a.id, form.draft.amount),
        (d) => {
          const proposed = d.application.proposedOre;
          return proposed === null ? t("confirm.proposalCleared") : t("confirm.proposalSaved", { amount: formatKr(proposed) });
        },
      ),
    ),
  );

  return (
    <section aria-labelledby="proposal-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="proposal-title">
        {t("proposal.title")}
      </Heading>
      <InlineForm onSubmit={submit} form={form} row="proposal" submit={{ label: t("proposal.save"), testId: "save-proposal" }}>
        <TextField
          {...form.field("amount", "proposal-amount")}
          label={t("proposal.amount")}
          description={t("proposal.help", { asked: formatKr(a.amountAskedOre), available: formatKr(detail.availableOre) })}
          inputMode="decimal"
        />
      </InlineForm>
    </section>
  );
}
