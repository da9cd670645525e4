import { Alert, Paragraph } from "@digdir/designsystemet-react";

/** The general error of a form: announced at once (role=alert). */
export function FormError({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert data-color="danger" data-testid="form-error" role="alert">
      {messages.map((m, i) => (
        <Paragraph key={i}>{m}</Paragraph>
      ))}
    </Alert>
  );
}
