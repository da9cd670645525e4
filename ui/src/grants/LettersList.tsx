import { useI18n } from "../i18n/context";
import { ArchiveSection, archiveColumns } from "../components/ArchiveTable";
import { useApplication } from "./context";

/** The archive: every letter exported for this application, with its checksum. */
export function LettersList() {
  const { t } = useI18n();
  const { detail } = useApplication();
  if (!detail.application.decision && detail.letters.length === 0) return null;
  return (
    <ArchiveSection
      archive="letters"
      files={detail.letters}
      rowTestId="letter-row"
      color="neutral"
      columns={[archiveColumns.file(t), archiveColumns.created(t, "nowrap"), archiveColumns.checksum(t, "letter-hash")]}
    />
  );
}
