import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Button, Heading, Paragraph, Table, ValidationMessage } from "@digdir/designsystemet-react";
import type { Review } from "../bindings/Review";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { splitErrors } from "../lib/errors";
import { useApplication } from "./context";
import { RowAction } from "../components/InlineForm";
import { formatScore } from "./format";
import { isOpen, nextCell } from "./grantModel";
import { useReadOnlyCouncil } from "../council/KeptElsewhere";
import { InhabilDialog, OverruleDialog } from "./ReasonDialog";

type Draft = Record<string, Record<string, string>>;

/** A criterion named "Egeninnsats/dugnad" may wrap after its slash in a narrow column. */
const breakAtSlashes = (name: string) => name.replace(/\//g, "/\u200b");

const cellId = (membershipId: string, criterionId: string) => `score-${membershipId}-${criterionId}`;

function draftOf(reviews: Review[]): Draft {
  return Object.fromEntries(
    reviews.map((r) => [r.membershipId, Object.fromEntries(r.scores.map((s) => [s.criterionId, String(s.score)]))]),
  );
}

/** Where each arrow key moves in the grid. */
const ARROWS = { ArrowRight: "next", ArrowLeft: "prev", ArrowDown: "down", ArrowUp: "up" } as const;

/** The two buttons that clear a member's finding on an application: what each says and confirms. */
const CLEARS = {
  overruled: { testId: "withdraw-overrule", label: "review.withdrawOverrule", ariaLabel: "review.withdrawOverruleLabel", done: "confirm.overruleWithdrawn" },
  declared: { testId: "clear-inhabil", label: "review.clear", ariaLabel: "review.clearLabel", done: "confirm.inhabilCleared" },
} as const satisfies Record<string, { testId: string; label: MessageKey; ariaLabel: MessageKey; done: MessageKey }>;

/**
 * The committee's scores: member × criterion. Built for the keyboard: type
 * 1–5 in a cell to set it and move on, arrows or Tab to move, Enter to save
 * the member's row. Inhabil members are greyed out and cannot score.
 */
export function ScoringGrid() {
  const { t } = useI18n();
  const backend = useBackend();
  const { detail, act, actOrAlert } = useApplication();
  const { application, scheme, reviews } = detail;
  const criteria = scheme.criteria;
  // Scores are written only in the council's home file.
  const readOnly = useReadOnlyCouncil();
  const editable = isOpen(application) && !readOnly;
  const saved = useMemo(() => draftOf(reviews), [reviews]);
  const [draft, setDraft] = useState<Draft>(saved);
  const [errors, setErrors] = useState<Record<string, { general?: string; cells: Record<string, string> }>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [declaring, setDeclaring] = useState<Review | null>(null);
  const [overruling, setOverruling] = useState<Review | null>(null);
  const previous = useRef(saved);

  // Fresh data from the backend replaces the draft of every row but those
  // with unsaved changes (another member's row typed and not yet saved).
  useEffect(() => {
    const before = previous.current;
    previous.current = saved;
    const same = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) =>
      criteria.every((c) => (a?.[c.id] ?? "") === (b?.[c.id] ?? ""));
    setDraft((old) => Object.fromEntries(Object.keys(saved).map((m) => [m, same(old[m], before[m]) ? saved[m]! : old[m]!])));
    // criteria only change with the scheme
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);

  const rowEditable = reviews.map((r) => editable && !r.inhabil);
  const dirty = (m: string) => criteria.some((c) => (draft[m]?.[c.id] ?? "") !== (saved[m]?.[c.id] ?? ""));

  const focusCell = (row: number, col: number) => {
    const r = reviews[row];
    const c = criteria[col];
    if (r && c) document.getElementById(cellId(r.membershipId, c.id))?.focus();
  };

  const setCell = (m: string, c: string, value: string) =>
    setDraft((old) => ({ ...old, [m]: { ...old[m], [c]: value } }));

  // A key that is not a score (a 7, a letter) is answered at its cell, not ignored.
  const setHint = (m: string, c: string, hint: string | null) =>
    setErrors((old) => {
      const cells = { ...(old[m]?.cells ?? {}) };
      if (hint) cells[c] = hint;
      else delete cells[c];
      return { ...old, [m]: { general: old[m]?.general, cells } };
    });

  const save = async (row: number) => {
    const r = reviews[row]!;
    const m = r.membershipId;
    const scores = criteria.map((c) => {
      const text = draft[m]?.[c.id] ?? "";
      const comment = r.scores.find((s) => s.criterionId === c.id)?.comment ?? "";
      return { criterionId: c.id, score: text ? Number(text) : null, comment };
    });
    setSaving(m);
    const report = await act(() => backend.saveScores(application.id, m, scores), t("confirm.scoresSaved", { name: r.personName }));
    setSaving(null);
    if (report) {
      const ids = Object.fromEntries(criteria.map((c, i) => [`scores.${i}.score`, c.id]));
      const { fields, other } = splitErrors(report, ids);
      setErrors((old) => ({ ...old, [m]: { general: other[0] ?? (Object.keys(fields).length ? undefined : report.message), cells: fields } }));
      return;
    }
    setErrors((old) => ({ ...old, [m]: { cells: {} } }));
    const next = nextCell(rowEditable, criteria.length, row, 0, "down");
    if (next) focusCell(next.row, 0);
  };

  const onKey = (row: number, col: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const m = reviews[row]!.membershipId;
    const c = criteria[col]!.id;
    const go = (move: "next" | "prev" | "up" | "down") => {
      const to = nextCell(rowEditable, criteria.length, row, col, move);
      if (to) focusCell(to.row, to.col);
    };
    if (/^[1-5]$/.test(e.key)) {
      e.preventDefault();
      setHint(m, c, null);
      setCell(m, c, e.key);
      go("next");
    } else if (e.key === "Backspace" || e.key === "Delete") {
      e.preventDefault();
      setHint(m, c, null);
      setCell(m, c, "");
    } else if (Object.hasOwn(ARROWS, e.key)) {
      e.preventDefault();
      go(ARROWS[e.key as keyof typeof ARROWS]);
    } else if (e.key === "Enter") {
      e.preventDefault();
      void save(row);
    } else if (e.key.length === 1 && e.key !== " ") {
      e.preventDefault(); // only 1–5 go into a cell; anything else is answered
      setHint(m, c, t("review.scoreRange", { typed: e.key }));
    } else if (e.key === " ") {
      e.preventDefault();
    }
  };

  const weightedOf = (r: Review) => formatScore(r.weighted);
  /** Takes a member's finding away: a withdrawn overruling and a cleared declaration are the same write, said apart. */
  const clearButton = (r: Review, what: keyof typeof CLEARS) => {
    const c = CLEARS[what];
    return (
      <RowAction
        color="accent"
        testId={c.testId}
        label={t(c.label)}
        ariaLabel={t(c.ariaLabel, { name: r.personName })}
        onClick={() => actOrAlert(() => backend.clearInhabil(application.id, r.membershipId), t(c.done, { name: r.personName, number: application.number }))}
      />
    );
  };

  return (
    <section aria-labelledby="review-title" className="section section--tight">
      <Heading level={2} data-size="2xs" id="review-title">
        {t("review.title")}
      </Heading>
      {/* Away from its home the note at the top says why nothing is editable. */}
      {readOnly && isOpen(application) ? null : (
        <Paragraph data-size="sm" className="muted">
          {editable ? t("review.help") : t("review.closed")}
        </Paragraph>
      )}
      {reviews.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("review.noMembers")}
        </Paragraph>
      ) : (
        <div className="table-scroll">
          <Table border data-color="neutral" data-size="sm" className="score-grid" data-testid="score-grid">
            <caption className="visually-hidden">{t("review.title")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("review.member")}</Table.HeaderCell>
                {criteria.map((c) => (
                  <Table.HeaderCell key={c.id} className="score-grid__criterion">
                    {breakAtSlashes(c.name)} <span className="muted nowrap">{t("review.weight", { weight: c.weight })}</span>
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell className="num">{t("review.weighted")}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t("col.actions")}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {reviews.map((r, row) => {
                const m = r.membershipId;
                const rowErrors = errors[m];
                return (
                  <Table.Row
                    key={m}
                    data-testid="review-row"
                    data-membership-id={m}
                    data-inhabil={r.inhabil ? "true" : "false"}
                    data-dirty={dirty(m) ? "true" : "false"}
                    className={r.inhabil ? "score-grid__row--inhabil" : undefined}
                  >
                    <Table.HeaderCell scope="row" className="score-grid__member">
                      {r.personName}
                      {r.organisation ? <div className="muted score-grid__org">{r.organisation}</div> : null}
                      {r.overruled ? (
                        <div className="score-grid__overruled" data-testid="overruled-note">
                          <span className="break">
                            <strong>{t("review.overruled")}</strong> {r.overruled.reason}
                          </span>
                          {editable ? clearButton(r, "overruled") : null}
                        </div>
                      ) : null}
                    </Table.HeaderCell>
                    {r.inhabil ? (
                      <Table.Cell colSpan={criteria.length + 1} data-testid="inhabil-note">
                        <strong>{t("review.inhabil")}</strong>{" "}
                        {r.inhabil.source === "organisation"
                          ? t("inhabil.organisation", { organisation: r.inhabil.reason })
                          : r.inhabil.reason || t("itemInhabil.noReason")}
                      </Table.Cell>
                    ) : (
                      <>
                        {criteria.map((c, col) => {
                          const error = rowErrors?.cells[c.id];
                          const id = cellId(m, c.id);
                          return (
                            <Table.Cell key={c.id} className="score-grid__cell">
                              {editable ? (
                                <input
                                  id={id}
                                  className="score-input"
                                  data-testid="score-cell"
                                  data-membership-id={m}
                                  data-criterion-id={c.id}
                                  inputMode="numeric"
                                  autoComplete="off"
                                  maxLength={1}
                                  value={draft[m]?.[c.id] ?? ""}
                                  aria-label={t("review.cellLabel", { name: r.personName, criterion: c.name })}
                                  aria-invalid={error ? true : undefined}
                                  aria-describedby={error ? `${id}-error` : undefined}
                                  onKeyDown={onKey(row, col)}
                                  onChange={(e) => {
                                    const v = e.target.value.trim();
                                    if (/^[1-5]?$/.test(v)) {
                                      setHint(m, c.id, null);
                                      setCell(m, c.id, v);
                                    } else setHint(m, c.id, t("review.scoreRange", { typed: v }));
                                  }}
                                />
                              ) : (
                                <span data-testid="score-value">{saved[m]?.[c.id] ?? "–"}</span>
                              )}
                              {error ? (
                                <ValidationMessage id={`${id}-error`} data-size="xs">
                                  {error}
                                </ValidationMessage>
                              ) : null}
                            </Table.Cell>
                          );
                        })}
                        <Table.Cell className="num" data-testid="member-weighted">
                          {weightedOf(r)}
                        </Table.Cell>
                      </>
                    )}
                    <Table.Cell className="score-grid__actions">
                      <div className="score-grid__buttons">
                      {editable && !r.inhabil ? (
                        <Button variant={dirty(m) ? "primary" : "secondary"} data-color="accent" data-size="sm" data-testid="save-scores" loading={saving === m} onClick={() => void save(row)}>
                          {t("review.save")}
                        </Button>
                      ) : null}
                      {editable && !r.inhabil ? (
                        <RowAction color="accent" testId="declare-inhabil" label={t("review.declare")} ariaLabel={t("review.declareLabel", { name: r.personName })} onClick={() => setDeclaring(r)} />
                      ) : null}
                      {editable && r.inhabil?.source === "organisation" ? (
                        <RowAction color="accent" testId="overrule-inhabil" label={t("review.overrule")} ariaLabel={t("review.overruleLabel", { name: r.personName })} onClick={() => setOverruling(r)} />
                      ) : null}
                      {editable && r.inhabil?.source === "declared" ? clearButton(r, "declared") : null}
                      </div>
                      {rowErrors?.general ? (
                        <ValidationMessage data-testid="row-error" data-size="xs">
                          {rowErrors.general}
                        </ValidationMessage>
                      ) : null}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      <Paragraph data-size="sm" className="score-total" data-testid="weighted-score">
        {detail.weightedScore === null
          ? t("review.noScore")
          : t("review.total", { score: formatScore(detail.weightedScore), count: reviews.filter((r) => !r.inhabil && r.weighted !== null).length })}
      </Paragraph>
      {declaring ? <InhabilDialog review={declaring} onClose={() => setDeclaring(null)} /> : null}
      {overruling ? <OverruleDialog review={overruling} onClose={() => setOverruling(null)} /> : null}
    </section>
  );
}
