import { useState, type FormEvent } from "react";
import { Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Settings } from "../bindings/Settings";
import { useBackend } from "../backend";
import { useI18n } from "../i18n/context";
import { toErrorReport } from "../lib/errors";
import { Page } from "../components/Page";
import { TextField } from "../components/fields";
import { FormError } from "../components/FormError";

/** First start: ask for the name that goes into the change log. */
export function Welcome({ onSaved }: { onSaved: (s: Settings) => void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    if (name.trim() === "") {
      setError(t("welcome.nameRequired"));
      document.getElementById("user-name")?.focus();
      return;
    }
    setSaving(true);
    try {
      onSaved(await backend.saveUserName(name.trim()));
    } catch (err) {
      const report = toErrorReport(err);
      const field = report.fields.find((f) => f.field === "name");
      setError(field?.message);
      setGeneral(field ? [] : [report.message]);
      document.getElementById("user-name")?.focus();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page screen="welcome" ready={true} focusHeading={false}>
      <Card className="welcome" data-color="neutral">
        <Heading level={1} data-size="lg">
          {t("welcome.title")}
        </Heading>
        <Paragraph>{t("welcome.intro")}</Paragraph>
        <form onSubmit={submit} noValidate className="stack">
          <TextField
            id="user-name"
            label={t("welcome.nameLabel")}
            description={t("welcome.nameHelp")}
            value={name}
            onChange={(v) => {
              setName(v);
              setError(undefined);
            }}
            autoComplete="name"
            error={error}
          />
          <FormError messages={general} />
          <div>
            <Button type="submit" data-color="accent" data-testid="save-user-name" loading={saving}>
              {t("welcome.save")}
            </Button>
          </div>
        </form>
      </Card>
    </Page>
  );
}
