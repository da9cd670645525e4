import type { BudgetStatus } from "../bindings/BudgetStatus";
import { useI18n } from "../i18n/context";
import { formatKr, percent } from "./format";

/**
 * Where a scheme's money stands. The bar is decoration (aria-hidden); the
 * figures beside it say the same in text: granted, paid, proposed, left.
 */
export function BudgetBar({ budget, compact = false }: { budget: BudgetStatus; compact?: boolean }) {
  const { t } = useI18n();
  const { budgetOre, grantedOre, paidOre, leftOre, proposedOre } = budget;
  const paidPct = percent(Math.min(paidOre, grantedOre), budgetOre);
  const grantedPct = percent(grantedOre, budgetOre) - paidPct;
  const proposedPct = Math.min(percent(proposedOre, budgetOre), 100 - paidPct - grantedPct);
  const over = proposedOre - Math.max(0, leftOre);
  const figures: [string, string, number][] = [
    ["granted", t("budget.granted"), grantedOre],
    ["paid", t("budget.paid"), paidOre],
    ["proposed", t("budget.proposed"), proposedOre],
    ["left", t("budget.left"), leftOre],
  ];
  return (
    <div className={compact ? "budget budget--compact" : "budget"} data-testid="budget-bar">
      <div className="budget__bar" aria-hidden="true">
        <span className="budget__seg budget__seg--paid" style={{ width: `${paidPct}%` }} />
        <span className="budget__seg budget__seg--granted" style={{ width: `${grantedPct}%` }} />
        <span className="budget__seg budget__seg--proposed" style={{ width: `${proposedPct}%` }} />
      </div>
      {compact ? (
        <p className="budget__summary" data-testid="budget-summary">
          {t("budget.summary", { granted: formatKr(grantedOre), budget: formatKr(budgetOre), left: formatKr(leftOre) })}
        </p>
      ) : (
        <dl className="budget__figures">
          <div className="budget__figure">
            <dt>{t("budget.total")}</dt>
            <dd data-testid="budget-total">{formatKr(budgetOre)}</dd>
          </div>
          {figures.map(([key, label, ore]) => (
            <div key={key} className={`budget__figure budget__figure--${key}`}>
              <dt>
                <span className={`budget__swatch budget__swatch--${key}`} aria-hidden="true" />
                {label}
              </dt>
              <dd data-testid={`budget-${key}`}>{formatKr(ore)}</dd>
            </div>
          ))}
        </dl>
      )}
      {!compact && over > 0 ? (
        <p className="budget__over" data-testid="budget-over">
          {t("budget.proposedOver", { over: formatKr(over) })}
        </p>
      ) : null}
    </div>
  );
}
