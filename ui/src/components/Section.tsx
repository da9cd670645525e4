import type { ComponentProps, ReactNode } from "react";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { DataAttrs } from "./DataTable";

/**
 * One section of a screen, named by its heading (`aria-labelledby` its id).
 * With `actions` (even when they render nothing) the heading stands in a
 * `section-head` row with them: buttons, a year to pick, a count.
 */
export function Section({
  id,
  title,
  testid,
  actions,
  level = 2,
  headingClassName,
  className = "section section--tight",
  children,
  ...rest
}: {
  /** The heading's id. */
  id: string;
  title: ReactNode;
  testid?: string;
  actions?: ReactNode;
  level?: 2 | 3 | 4;
  headingClassName?: string;
  className?: string;
  children?: ReactNode;
} & DataAttrs) {
  const heading = (
    <Heading level={level} data-size="2xs" id={id} className={headingClassName}>
      {title}
    </Heading>
  );
  return (
    <section aria-labelledby={id} className={className} data-testid={testid} {...rest}>
      {actions !== undefined ? (
        <div className="section-head">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}

/** A short muted note: "nothing here yet", a help line under a heading. */
export function Note({ children, testid, ...rest }: { children: ReactNode; testid?: string } & Omit<ComponentProps<typeof Paragraph>, "children">) {
  return (
    <Paragraph data-size="sm" className="muted" data-testid={testid} {...rest}>
      {children}
    </Paragraph>
  );
}

/** `note` when `empty`, else what there is to show. */
export function EmptyOr({ empty, note, testid, children }: { empty: boolean; note: ReactNode; testid?: string; children: ReactNode }) {
  return <>{empty ? <Note testid={testid}>{note}</Note> : children}</>;
}
