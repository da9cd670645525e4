import type { T } from "../i18n/translate";
import { useI18n } from "../i18n/context";
import { formatDateTime } from "../lib/times";
import { shortHash } from "../meetings/meetingModel";
import { DataTable, type Column, type Columns } from "./DataTable";
import { EmptyOr, Section } from "./Section";

/** What an archived file (a meeting's PDF, an application's letter) has in common. */
export type ArchivedFile = { id: string; fileName: string; sha256: string; created: { at: string } };

/** A checksum shown short, the whole of it on hover. */
export function Checksum({ sha256, testid }: { sha256: string; testid?: string }) {
  return (
    <code title={sha256} data-testid={testid}>
      {shortHash(sha256)}
    </code>
  );
}

/** The archive's columns: the file's name, when it was made, and its checksum. */
export const archiveColumns = {
  file: <F extends ArchivedFile>(t: T): Column<F> => ({ head: t("documents.file"), className: "break", cell: (f) => f.fileName }),
  created: <F extends ArchivedFile>(t: T, className?: string): Column<F> => ({
    head: t("documents.created"),
    ...(className ? { className } : {}),
    cell: (f) => formatDateTime(f.created.at, t("time.at")),
  }),
  checksum: <F extends ArchivedFile>(t: T, testid: string): Column<F> => ({
    head: t("documents.checksum"),
    cell: (f) => <Checksum sha256={f.sha256} testid={testid} />,
  }),
};

/**
 * The archive of a meeting or an application: every file exported for it,
 * with its checksum, under a heading; a note when there is none yet.
 */
export function ArchiveSection<F extends ArchivedFile>({
  archive,
  files,
  columns,
  rowTestId,
  row,
  color,
}: {
  /** Which: its heading ("letters.title") and its note when empty ("letters.none"). */
  archive: "letters" | "documents";
  files: readonly F[];
  columns: Columns<F>;
  rowTestId: string;
  row?: (f: F) => Record<`data-${string}`, string | boolean>;
  color?: "neutral";
}) {
  const { t } = useI18n();
  const title = t(`${archive}.title`);
  return (
    <Section id={`${archive}-title`} title={title}>
      <EmptyOr empty={files.length === 0} note={t(`${archive}.none`)}>
        <DataTable
          rows={files}
          columns={columns}
          rowKey={(f) => f.id}
          row={(f) => ({ "data-testid": rowTestId, ...row?.(f) })}
          caption={title}
          className="documents-table"
          data-color={color}
        />
      </EmptyOr>
    </Section>
  );
}
