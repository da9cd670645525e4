import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import { documentKindLabel } from "../lib/labels";
import { formatDateTime } from "../lib/times";
import { useMeeting } from "./context";
import { shortHash } from "./meetingModel";

/** The archive: every PDF exported for this meeting, with its checksum. */
export function DocumentsSection() {
  const { t } = useI18n();
  const { detail } = useMeeting();
  return (
    <section aria-labelledby="documents-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="documents-title">
        {t("documents.title")}
      </Heading>
      {detail.documents.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("documents.none")}
        </Paragraph>
      ) : (
        <Table border data-size="sm" className="documents-table">
          <caption className="visually-hidden">{t("documents.title")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("documents.kind")}</Table.HeaderCell>
              <Table.HeaderCell>{t("documents.created")}</Table.HeaderCell>
              <Table.HeaderCell>{t("documents.file")}</Table.HeaderCell>
              <Table.HeaderCell>{t("documents.checksum")}</Table.HeaderCell>
              <Table.HeaderCell>{t("documents.footerCode")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {detail.documents.map((d) => (
              <Table.Row key={d.id} data-testid="document-row" data-kind={d.kind} data-public={d.public}>
                <Table.Cell>{documentKindLabel(t, d.kind)}</Table.Cell>
                <Table.Cell>{formatDateTime(d.created.at, t("time.at"))}</Table.Cell>
                <Table.Cell className="break">{d.fileName}</Table.Cell>
                <Table.Cell>
                  <code title={d.sha256} data-testid="document-hash">{shortHash(d.sha256)}</code>
                </Table.Cell>
                <Table.Cell>
                  <code title={d.contentSha256}>{shortHash(d.contentSha256)}</code>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
