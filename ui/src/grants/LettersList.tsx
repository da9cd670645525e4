import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import { formatDateTime } from "../lib/times";
import { useApplication } from "./context";

/** The archive: every letter exported for this application, with its checksum. */
export function LettersList() {
  const { t } = useI18n();
  const { detail } = useApplication();
  if (!detail.application.decision && detail.letters.length === 0) return null;
  return (
    <section aria-labelledby="letters-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="letters-title">
        {t("letters.title")}
      </Heading>
      {detail.letters.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("letters.none")}
        </Paragraph>
      ) : (
        <Table border data-color="neutral" data-size="sm" className="documents-table">
          <caption className="visually-hidden">{t("letters.title")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("documents.file")}</Table.HeaderCell>
              <Table.HeaderCell>{t("documents.created")}</Table.HeaderCell>
              <Table.HeaderCell>{t("documents.checksum")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {detail.letters.map((l) => (
              <Table.Row key={l.id} data-testid="letter-row">
                <Table.Cell className="break">{l.fileName}</Table.Cell>
                <Table.Cell className="nowrap">{formatDateTime(l.created.at, t("time.at"))}</Table.Cell>
                <Table.Cell>
                  <code title={l.sha256} data-testid="letter-hash">
                    {l.sha256.slice(0, 12)}
                  </code>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
