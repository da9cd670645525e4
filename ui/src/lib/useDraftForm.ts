import { useCallback, useMemo, useState, type FormEvent } from "react";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { Parsed } from "./errors";
import { useFormErrors } from "./useFormErrors";

/**
 * One form as every form of the app keeps it: the draft the user types, the
 * faults by input id (`useFormErrors`), and whether a save is under way.
 *
 * - `field(key, id)` gives a field of `components/fields` its id, value,
 *   change handler and error; a change forgets the field's fault.
 * - `save(write)` runs one write that answers an ErrorReport on failure and
 *   `null` on success: the submit button spins meanwhile, a failure shows
 *   its faults, a success forgets the old ones and, given `next`, starts the
 *   draft over at it, or at what it makes of the draft (a form that adds one
 *   row after another). It answers
 *   whether it saved.
 * - `submit(parse, write)` is a form's submit handler: it reads the draft
 *   into an input and saves it, or shows every fault it found at once.
 * - `onSubmit(run)` is a submit handler that runs anything else.
 *
 * The field order and ids may follow the draft (a scheme's criteria rows).
 */
export function useDraftForm<D extends object>(
  initial: D | (() => D),
  order: readonly string[] | ((draft: D) => readonly string[]),
  fieldToId: Record<string, string> | ((draft: D) => Record<string, string>),
) {
  const [draft, setDraft] = useState<D>(initial);
  const [saving, setSaving] = useState(false);
  const orderNow = useMemo(() => (typeof order === "function" ? order(draft) : order), [order, draft]);
  const idsNow = useMemo(() => (typeof fieldToId === "function" ? fieldToId(draft) : fieldToId), [fieldToId, draft]);
  const errors = useFormErrors(orderNow, idsNow);
  const { clearField, showReport, clear } = errors;

  const set = useCallback(
    <K extends keyof D>(key: K, id: string) =>
      (value: D[K]) => {
        setDraft((old) => ({ ...old, [key]: value }));
        clearField(id);
      },
    [clearField],
  );

  const field = <K extends keyof D>(key: K, id: string) => ({ id, value: draft[key], onChange: set(key, id), error: errors.fields[id] });

  const save = useCallback(
    async (write: () => Promise<ErrorReport | null>, next?: D | ((old: D) => D)): Promise<boolean> => {
      setSaving(true);
      const report = await write();
      setSaving(false);
      if (report) {
        showReport(report);
        return false;
      }
      clear();
      if (next !== undefined) setDraft(next);
      return true;
    },
    [showReport, clear],
  );

  const onSubmit = (run: () => unknown) => (e: FormEvent) => {
    e.preventDefault();
    void run();
  };

  const submit = <I>(parse: () => Parsed<I>, write: (input: I) => Promise<ErrorReport | null>, next?: D | ((old: D) => D)) =>
    onSubmit(() => {
      const r = parse();
      return r.ok ? save(() => write(r.input), next) : errors.showLocal(r.errors);
    });

  return { draft, setDraft, set, field, err: (id: string) => errors.fields[id], errors, saving, save, onSubmit, submit };
}
