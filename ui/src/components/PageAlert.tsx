import type { ReactNode } from "react";
import { Alert, Paragraph } from "@digdir/designsystemet-react";
import type { ErrorReport } from "../bindings/ErrorReport";

/**
 * A message above a screen's or a section's content: a refusal (danger,
 * read out at once) or what an action did (success, read out politely), one
 * paragraph a message; nothing when there is no message.
 */
export function PageAlert({
  message,
  testid,
  tone = "danger",
  wrap = false,
}: {
  message: string | readonly string[] | null | undefined;
  testid?: string;
  tone?: "danger" | "success";
  /** Long words (a file's path) may break. */
  wrap?: boolean;
}) {
  if (!message) return null;
  const messages = typeof message === "string" ? [message] : message;
  return (
    <Alert data-color={tone} role={tone === "danger" ? "alert" : "status"} data-testid={testid} className="page-alert">
      {messages.map((m, i) => (
        <Paragraph key={i} className={wrap ? "break" : undefined}>
          {m}
        </Paragraph>
      ))}
    </Alert>
  );
}

/** A file the core refused: its message and each fault it found (a row, a cell), in the core's words. */
export function RefusalAlert({
  report,
  testid,
  faultTestid,
  className = "page-alert",
  wrap = false,
  children,
}: {
  report: ErrorReport | null;
  testid: string;
  faultTestid: string;
  className?: string;
  wrap?: boolean;
  /** Said after the faults: what to do about them. */
  children?: ReactNode;
}) {
  if (!report) return null;
  return (
    <Alert data-color="danger" role="alert" data-testid={testid} className={className}>
      <Paragraph className={wrap ? "break" : undefined}>{report.message}</Paragraph>
      {report.fields.length ? (
        <ul className="import-faults">
          {report.fields.map((f, i) => (
            <li key={i} data-testid={faultTestid}>
              {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </Alert>
  );
}
