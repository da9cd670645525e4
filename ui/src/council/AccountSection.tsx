import { useRef, useState, type FormEvent } from "react";
import { Alert, Button, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { AccountEntry } from "../bindings/AccountEntry";
import type { AccountKind } from "../bindings/AccountKind";
import type { AccountSummary } from "../bindings/AccountSummary";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { dateFault, dateWords, formatDate, readDateField, todayIso } from "../lib/dates";
import { toErrorReport } from "../lib/errors";
import { useFormErrors } from "../lib/useFormErrors";
import { useLoad } from "../lib/useLoad";
import { DateField, SelectField, TextField } from "../components/fields";
import { DataTable, hiddenHead } from "../components/DataTable";
import { EmptyOr, Section } from "../components/Section";
import { PageAlert } from "../components/PageAlert";
import { RowButton } from "../components/RowButton";
import { YearSelect } from "../components/YearSelect";
import { FormError } from "../components/FormError";
import { amountForInput, formatKr } from "../grants/format";
import { useReadOnlyCouncil } from "./KeptElsewhere";

const KINDS: readonly AccountKind[] = ["grant", "income", "expense"];
const FIELD_ORDER = ["account-date", "account-kind", "account-amount", "account-text"] as const;
const FIELD_IDS = { date: "account-date", kind: "account-kind", text: "account-text", amount: "account-amount" };

type Editing = { mode: "add" } | { mode: "edit"; entry: AccountEntry } | null;

/**
 * The council's own money in `year` (utvalgets regnskap): the balance carried
 * in, the running grant from the kommune, other income, expenses and the
 * closing balance — a deficit clearly marked, never refused — and the year's
 * entries, which the secretary adds, edits and deletes. Loads on its own.
 */
export function AccountSection({
  councilId,
  year,
  years,
  onYear,
}: {
  councilId: string;
  year: number;
  /** The years a person may pick between, shared with the duties and the hand-over. */
  years: readonly number[];
  onYear: (year: number) => void;
}) {
  const { t } = useI18n();
  const backend = useBackend();
  const readOnly = useReadOnlyCouncil();
  const [state, reload] = useLoad(() => backend.councilAccount(councilId, year), `${councilId}/${year}`);
  const [editing, setEditing] = useState<Editing>(null);
  const [said, setSaid] = useState<{ text: string; n: number } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const count = useRef(0);
  const account = state.status === "ready" ? state.data : null;

  const say = (text: string) => {
    count.current += 1;
    setSaid({ text, n: count.current });
  };
  const saved = (entry: AccountEntry, mode: "add" | "edit") => {
    setEditing(null);
    say(
      t(mode === "add" ? "account.added" : "account.saved", {
        text: entry.text,
        amount: formatKr(entry.amountOre),
        date: formatDate(entry.date),
      }),
    );
    void reload();
  };
  const remove = async (entry: AccountEntry) => {
    setSaid(null);
    setFailed(null);
    try {
      await backend.deleteAccountEntry(entry.id);
      say(t("account.deleted", { text: entry.text, amount: formatKr(entry.amountOre) }));
      if (editing?.mode === "edit" && editing.entry.id === entry.id) setEditing(null);
      void reload();
    } catch (e) {
      setFailed(toErrorReport(e).message);
    }
  };

  return (
    <Section
      id="account-title"
      title={t("account.title", { year })}
      testid="account-section"
      actions={
        <>
          <YearSelect id="account-year" label={t("account.year")} year={year} years={years} onYear={onYear} className="account-year" />
          {!readOnly && editing === null ? (
            <Button
              data-size="sm"
              variant="secondary"
              data-testid="add-account-entry"
              onClick={() => {
                setSaid(null);
                setEditing({ mode: "add" });
              }}
            >
              {t("account.add")}
            </Button>
          ) : null}
        </>
      }
    >
      <div aria-live="polite" className="live-slot">
        {said ? (
          <Alert key={said.n} data-color="success" data-testid="account-confirmation" className="page-alert print-hidden">
            <Paragraph className="break">{said.text}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <PageAlert message={failed} testid="account-error" wrap />
      {state.status === "loading" ? <Paragraph className="muted">{t("app.loading")}</Paragraph> : null}
      {state.status === "error" ? (
        <Alert data-color="danger" role="alert" className="page-alert">
          <Paragraph className="break">{state.error.message}</Paragraph>
          <Button data-size="sm" variant="secondary" onClick={() => void reload()}>
            {t("app.retry")}
          </Button>
        </Alert>
      ) : null}
      {account ? <Balance summary={account.summary} /> : null}
      {editing ? (
        <EntryForm
          key={editing.mode === "edit" ? editing.entry.id : "new"}
          councilId={councilId}
          year={year}
          entry={editing.mode === "edit" ? editing.entry : null}
          onSaved={(entry) => saved(entry, editing.mode)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {account ? (
        <EmptyOr empty={account.entries.length === 0} note={t("account.none", { year })} testid="account-empty">
          <DataTable
            rows={account.entries}
            rowKey={(e) => e.id}
            row={() => ({ "data-testid": "account-row" })}
            caption={t("account.entries", { year })}
            className="account-table"
            columns={[
              { head: t("account.date"), className: "nowrap", cell: (e) => formatDate(e.date) },
              { head: t("account.text"), className: "break", cell: (e) => e.text },
              { head: t("account.kind"), cell: (e) => t(`account.kind.${e.kind}` as MessageKey) },
              {
                head: t("account.amount"),
                headClassName: "num",
                className: "num nowrap",
                cell: (e) => (e.kind === "expense" ? `−${formatKr(e.amountOre)}` : formatKr(e.amountOre)),
              },
              !readOnly && {
                head: hiddenHead(t("account.actions")),
                className: "cell-actions",
                cell: (e) => (
                  <div className="button-row">
                    <RowButton
                      testid="edit-account-entry"
                      label={t("account.editLabel", { text: e.text })}
                      onClick={() => {
                        setSaid(null);
                        setEditing({ mode: "edit", entry: e });
                      }}
                    >
                      {t("account.edit")}
                    </RowButton>
                    <RowButton testid="delete-account-entry" label={t("account.deleteLabel", { text: e.text })} danger onClick={() => void remove(e)}>
                      {t("account.delete")}
                    </RowButton>
                  </div>
                ),
              },
            ]}
          />
        </EmptyOr>
      ) : null}
    </Section>
  );
}

/** The year summed up; the closing line says «Underskudd» when the balance is below zero. */
function Balance({ summary: s }: { summary: AccountSummary }) {
  const { t } = useI18n();
  const lines: [string, MessageKey, number][] = [
    ["opening", "account.opening", s.openingOre],
    ["grant", "account.grantTotal", s.grantOre],
    ["income", "account.incomeTotal", s.incomeOre],
    ["expense", "account.expenseTotal", -s.expenseOre],
  ];
  return (
    <Table data-size="sm" className="account-balance" data-testid="account-balance">
      <caption className="visually-hidden">{t("account.balanceCaption", { year: s.year })}</caption>
      <Table.Body>
        {lines.map(([key, label, ore]) => (
          <Table.Row key={key}>
            <Table.HeaderCell scope="row">{t(label)}</Table.HeaderCell>
            <Table.Cell className="num nowrap" data-testid={`account-${key}`}>
              {ore < 0 ? `−${formatKr(-ore)}` : formatKr(ore)}
            </Table.Cell>
          </Table.Row>
        ))}
        <Table.Row className={s.deficit ? "account-balance__closing account-balance__closing--deficit" : "account-balance__closing"}>
          <Table.HeaderCell scope="row">
            {t("account.closing")}
            {s.deficit ? (
              <>
                {" "}
                <Tag data-size="sm" data-color="danger" data-testid="account-deficit">
                  {t("account.deficit")}
                </Tag>
              </>
            ) : null}
          </Table.HeaderCell>
          <Table.Cell className="num nowrap" data-testid="account-closing">
            {s.deficit ? `−${formatKr(-s.closingOre)}` : formatKr(s.closingOre)}
          </Table.Cell>
        </Table.Row>
      </Table.Body>
    </Table>
  );
}

/** Adds an entry, or edits `entry`: every fault at once, each at its field. */
function EntryForm({
  councilId,
  year,
  entry,
  onSaved,
  onCancel,
}: {
  councilId: string;
  year: number;
  entry: AccountEntry | null;
  onSaved: (entry: AccountEntry) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const backend = useBackend();
  const today = todayIso();
  const [date, setDate] = useState(() => formatDate(entry?.date ?? (today.startsWith(`${year}-`) ? today : "")));
  const [kind, setKind] = useState<AccountKind>(entry?.kind ?? "expense");
  const [text, setText] = useState(entry?.text ?? "");
  const [amount, setAmount] = useState(() => amountForInput(entry?.amountOre));
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(FIELD_ORDER, FIELD_IDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = readDateField(date, false);
    // A date the UI cannot read is sent as none: core still checks the other fields, so every fault shows at once.
    const input = { date: d.ok ? d.iso : null, kind, text, amount };
    setSaving(true);
    try {
      const saved = entry ? await backend.updateAccountEntry(entry.id, input) : await backend.addAccountEntry(councilId, input);
      onSaved(saved);
    } catch (err) {
      const report = toErrorReport(err);
      if (!d.ok) errors.showLocal({ "account-date": dateFault(d, dateWords(t)) }, report);
      else errors.showReport(report);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="account-form" data-testid="account-form" aria-labelledby="account-form-title">
      <Heading level={3} data-size="2xs" id="account-form-title">
        {entry ? t("account.editTitle") : t("account.addTitle")}
      </Heading>
      <FormError messages={errors.general} />
      <div className="account-form__row">
        <DateField
          id="account-date"
          label={t("account.date")}
          value={date}
          onChange={(v) => {
            setDate(v);
            errors.clearField("account-date");
          }}
          error={errors.fields["account-date"]}
        />
        <SelectField
          id="account-kind"
          label={t("account.kind")}
          value={kind}
          onChange={(v) => setKind(v as AccountKind)}
          options={KINDS.map((k) => ({ value: k, label: t(`account.kind.${k}` as MessageKey) }))}
          error={errors.fields["account-kind"]}
        />
        <TextField
          id="account-amount"
          label={t("account.amount")}
          value={amount}
          inputMode="decimal"
          onChange={(v) => {
            setAmount(v);
            errors.clearField("account-amount");
          }}
          error={errors.fields["account-amount"]}
        />
      </div>
      <TextField
        id="account-text"
        label={t("account.text")}
        limit="text"
        value={text}
        onChange={(v) => {
          setText(v);
          errors.clearField("account-text");
        }}
        error={errors.fields["account-text"]}
      />
      <div className="button-row">
        <Button type="submit" data-size="sm" data-testid="save-account-entry" loading={saving}>
          {entry ? t("account.save") : t("account.addSave")}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" data-testid="cancel-account-entry" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      </div>
    </form>
  );
}
