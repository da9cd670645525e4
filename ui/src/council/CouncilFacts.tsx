import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Council } from "../bindings/Council";
import { useI18n } from "../i18n/context";
import { kindLabel, legalModeLabel, malformLabel } from "../lib/labels";

export function CouncilFacts({ council }: { council: Council }) {
  const { t } = useI18n();
  const contact = [council.contactName, council.contactEmail, council.contactPhone].filter((s) => s.trim() !== "");
  return (
    <section aria-labelledby="facts-title" className="facts">
      <Heading level={2} data-size="xs" id="facts-title" className="visually-hidden">
        {t("council.facts")}
      </Heading>
      <dl className="facts__list">
        <div>
          <dt>{t("council.kind")}</dt>
          <dd>{kindLabel(t, council.kind)}</dd>
        </div>
        <div>
          <dt>{t("council.area")}</dt>
          <dd>{council.area}</dd>
        </div>
        <div>
          <dt>{t("council.malform")}</dt>
          <dd>{malformLabel(t, council.malform)}</dd>
        </div>
        <div>
          <dt>{t("council.legalMode")}</dt>
          <dd>{legalModeLabel(t, council.legalMode)}</dd>
        </div>
        <div className="facts__wide">
          <dt>{t("council.contact")}</dt>
          <dd>{contact.length ? contact.join(" · ") : <span className="muted">{t("council.contactNone")}</span>}</dd>
        </div>
      </dl>
      {council.mandate.trim() !== "" ? (
        <div className="facts__mandate">
          <Heading level={3} data-size="2xs">
            {t("council.mandate")}
          </Heading>
          <Paragraph className="pre-line">{council.mandate}</Paragraph>
        </div>
      ) : null}
    </section>
  );
}
