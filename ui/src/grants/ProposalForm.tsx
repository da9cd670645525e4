import { useState, type FormEvent } from "react";
import { Button, Heading } from "@digdir/designsystemet-react";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { useFormErrors } from "../lib/useFormErrors";
import { TextField } from "../components/fields";
import { FormError } from "../components/FormError";
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
  const [amount, setAmount] = useState(() => amountForInput(a.proposedOre));
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(ORDER, IDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const report = await act(
      () => backend.proposeAmount(a.id, amount),
      (d) => {
        const proposed = d.application.proposedOre;
        return proposed === null ? t("confirm.proposalCleared") : t("confirm.proposalSaved", { amount: formatKr(proposed) });
      },
    );
    setSaving(false);
    if (report) return errors.showReport(report);
    errors.clear();
  };

  return (
    <section aria-labelledby="proposal-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="proposal-title">
        {t("proposal.title")}
      </Heading>
      <form onSubmit={submit} noValidate className="inline-form">
        <FormError messages={errors.general} />
        <div className="inline-form__row inline-form__row--proposal">
          <TextField
            id="proposal-amount"
            label={t("proposal.amount")}
            description={t("proposal.help", { asked: formatKr(a.amountAskedOre), available: formatKr(detail.availableOre) })}
            value={amount}
            inputMode="decimal"
            onChange={(v) => {
              setAmount(v);
              errors.clearField("proposal-amount");
            }}
            error={errors.fields["proposal-amount"]}
          />
          <Button type="submit" variant="secondary" data-size="sm" data-testid="save-proposal" loading={saving} className="inline-form__button">
            {t("proposal.save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
