import { useI18n } from "../i18n/context";
import { documentKindLabel } from "../lib/labels";
import { ArchiveSection, Checksum, archiveColumns } from "../components/ArchiveTable";
import { useMeeting } from "./context";

/** The archive: every PDF exported for this meeting, with its checksum. */
export function DocumentsSection() {
  const { t } = useI18n();
  const { detail } = useMeeting();
  return (
    <ArchiveSection
      archive="documents"
      files={detail.documents}
      rowTestId="document-row"
      row={(d) => ({ "data-kind": d.kind, "data-public": d.public })}
      columns={[
        { head: t("documents.kind"), cell: (d) => documentKindLabel(t, d.kind) },
        archiveColumns.created(t),
        archiveColumns.file(t),
        archiveColumns.checksum(t, "document-hash"),
        { head: t("documents.footerCode"), cell: (d) => <Checksum sha256={d.contentSha256} /> },
      ]}
    />
  );
}
