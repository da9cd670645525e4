import type { ReactNode } from "react";
import { Heading } from "@digdir/designsystemet-react";
import type { Council } from "../bindings/Council";
import { useI18n } from "../i18n/context";
import { kindLabel, legalModeLabel, malformLabel } from "../lib/labels";

/** Type, area, målform, legal mode, the kommune's contact and the mandate, as one compact description list. */
export function CouncilFacts({ council }: { council: Council }) {
  const { t } = useI18n();
  const contact = [council.contactName, council.contactEmail, council.contactPhone].filter((s) => s.trim() !== "");
  return (
    <section aria-labelledby="facts-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="facts-title">
        {t("council.facts")}
      </Heading>
      <dl className="facts">
        <Fact term={t("council.kind")}>{kindLabel(t, council.kind)}</Fact>
        <Fact term={t("council.area")}>{council.area}</Fact>
        <Fact term={t("council.malform")}>{malformLabel(t, council.malform)}</Fact>
        <Fact term={t("council.legalMode")}>{legalModeLabel(t, council.legalMode)}</Fact>
        <Fact term={t("council.contact")} wide>
          {contact.length ? contact.join(" · ") : <span className="muted">{t("council.contactNone")}</span>}
        </Fact>
        {council.mandate.trim() !== "" ? (
          <Fact term={t("council.mandate")} wide>
            <span className="pre-line">{council.mandate}</span>
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}

function Fact({ term, wide = false, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "facts__item facts__item--wide" : "facts__item"}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
