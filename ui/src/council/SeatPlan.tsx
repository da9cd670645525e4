import { Card, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useProfileLabels } from "../lib/profileLabels";
import type { CategoryStatus } from "../bindings/CategoryStatus";
import type { Composition } from "../bindings/Composition";
import { useI18n } from "../i18n/context";
import type { T } from "../i18n/translate";


/** The seat plan at a glance: one small tile per category, filled of planned. */
export function SeatPlan({ composition }: { composition: Composition }) {
  const { t } = useI18n();
  const g = composition.genders;
  return (
    <section aria-labelledby="plan-title" className="seat-plan">
      <div className="seat-plan__head">
        <Heading level={2} data-size="2xs" id="plan-title">
          {t("council.plan")}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t("council.seatsSummary", {
            filled: composition.seatsFilled,
            planned: composition.seatsPlanned,
            vacant: composition.seatsVacant,
          })}{" "}
          {t("council.gender", { female: g.female, male: g.male, other: g.other, unknown: g.unknown })}
        </Paragraph>
      </div>
      <ul className="seat-plan__tiles">
        {composition.categories.map((status) => (
          <li key={status.category}>
            <SeatTile status={status} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function SeatTile({ status }: { status: CategoryStatus }) {
  const { t } = useI18n();
  const { categoryName } = useProfileLabels();
  const c = status.category;
  const state = tileState(status);
  return (
    <Card
      className={`seat-tile seat-tile--${state}`}
      data-color={state === "vacant" ? "warning" : state === "over" ? "danger" : "neutral"}
      data-testid={`category-${c}`}
      data-planned={status.planned}
      data-filled={status.filled}
      data-vacant={status.vacant}
      data-over={status.over}
    >
      <Heading level={3} data-size="2xs" className="seat-tile__label">
        {categoryName(c)}
      </Heading>
      <div className="seat-tile__row">
        <span className="seat-tile__count" aria-hidden="true">
          {t("council.category.ratio", { filled: status.filled, planned: status.planned })}
        </span>
        <span className="visually-hidden">{t("council.category.count", { filled: status.filled, planned: status.planned })}</span>
        <StateTag status={status} state={state} t={t} />
      </div>
    </Card>
  );
}

type TileState = "vacant" | "over" | "full" | "none";

function tileState(s: CategoryStatus): TileState {
  if (s.over > 0) return "over";
  if (s.vacant > 0) return "vacant";
  if (s.planned === 0) return "none";
  return "full";
}

function StateTag({ status, state, t }: { status: CategoryStatus; state: TileState; t: T }) {
  switch (state) {
    case "vacant":
      return (
        <Tag data-color="warning" data-size="sm">
          {t("council.category.vacant", { vacant: status.vacant })}
        </Tag>
      );
    case "over":
      return (
        <Tag data-color="danger" data-size="sm" data-testid="overfilled">
          {t("council.category.overShort", { over: status.over })}
        </Tag>
      );
    case "full":
      return (
        <Tag data-color="success" data-size="sm">
          {t("council.category.full")}
        </Tag>
      );
    case "none":
      return <span className="muted seat-tile__none">{t("council.category.notPlanned")}</span>;
  }
}
