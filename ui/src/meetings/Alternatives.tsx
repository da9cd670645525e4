import { useState, type FormEvent } from "react";
import { Button, Paragraph } from "@digdir/designsystemet-react";
import type { AgendaItem } from "../bindings/AgendaItem";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { TextField } from "../components/fields";
import { FormError } from "../components/FormError";
import { useMeeting } from "./context";
import { EmptyOr, Section } from "../components/Section";
import { VotesLine } from "./RecordForm";

const FIELD_IDS: Record<string, string> = { text: "alternative-text", proposedBy: "alternative-by", "votes.for": "alternative-for", "votes.against": "alternative-against" };

/** Alternative proposals to an item's proposal, each with its votes, and which proposal was adopted. */
export function Alternatives({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const backend = useBackend();
  const { act, actOrAlert, locked } = useMeeting();
  const [text, setText] = useState("");
  const [by, setBy] = useState("");
  const [inFavour, setFor] = useState("");
  const [against, setAgainst] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const readOnly = locked || item.withdrawn;
  if (readOnly && item.alternatives.length === 0) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const counted = inFavour.trim() !== "" || against.trim() !== "";
    const n = (s: string) => (s.trim() === "" ? 0 : Number(s.trim()));
    const local: Record<string, string> = {};
    for (const [id, v] of [["alternative-for", inFavour], ["alternative-against", against]] as const) if (v.trim() !== "" && !/^\d+$/.test(v.trim())) local[id] = t("form.integer");
    if (Object.keys(local).length) return setErrors(local);
    const input = { proposedBy: by, text, votes: counted ? { for: n(inFavour), against: n(against), blank: 0 } : null, chairVote: null };
    const report = await act(() => backend.addAlternative(item.id, input), t("confirm.alternativeAdded"));
    if (report) {
      const byField: Record<string, string> = {};
      const rest: string[] = [];
      for (const f of report.fields) {
        const id = FIELD_IDS[f.field];
        if (id) byField[id] = f.message;
        else rest.push(f.message);
      }
      setErrors(byField);
      setGeneral(report.fields.length ? rest : [report.message]);
    } else {
      setText("");
      setBy("");
      setFor("");
      setAgainst("");
      setErrors({});
      setGeneral([]);
    }
  };

  const adopted = item.adopted === null ? null : item.adopted === 0 ? t("alternatives.adoptedOwn") : t("alternatives.adoptedAlternative", { n: item.adopted });
  return (
    <Section id={`alternatives-${item.id}`} title={t("alternatives.title")} level={4} className="item-text alternatives" testid="alternatives">
      <EmptyOr empty={item.alternatives.length === 0} note={t("alternatives.none")}>
        <ol className="alternatives__list">
          {item.alternatives.map((a) => (
            <li key={a.id} data-testid="alternative">
              <Paragraph data-size="sm" className="pre-line break">
                {a.text}
                {a.proposedBy ? <span className="muted"> {t("alternatives.by", { name: a.proposedBy })}</span> : null}
              </Paragraph>
              {a.votes ? <VotesLine votes={a.votes} outcome={a.outcome} /> : null}
              {!readOnly ? (
                <Button variant="tertiary" data-size="sm" data-color="danger" data-testid="remove-alternative" onClick={() => void actOrAlert(() => backend.removeAlternative(a.id), t("confirm.alternativeRemoved"))}>
                  {t("alternatives.remove")}
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      </EmptyOr>
      {item.alternatives.length > 0 && item.votes ? (
        <Paragraph data-size="sm" data-testid="adopted-proposal">
          {t("alternatives.adopted")} {adopted ?? t("alternatives.adoptedNone")}
        </Paragraph>
      ) : null}
      {!readOnly ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="alternatives__form">
          <FormError messages={general} />
          <TextField id="alternative-text" label={t("alternatives.text")} value={text} onChange={setText} error={errors["alternative-text"]} />
          <TextField id="alternative-by" label={t("alternatives.proposedBy")} value={by} onChange={setBy} error={errors["alternative-by"]} />
          <div className="votes__fields">
            <TextField id="alternative-for" label={t("record.for")} value={inFavour} onChange={setFor} inputMode="numeric" width="narrow" error={errors["alternative-for"]} />
            <TextField id="alternative-against" label={t("record.against")} value={against} onChange={setAgainst} inputMode="numeric" width="narrow" error={errors["alternative-against"]} />
          </div>
          <div className="button-row">
            <Button type="submit" variant="secondary" data-size="sm" data-testid="add-alternative">
              {t("alternatives.add")}
            </Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}
