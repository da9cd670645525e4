import type { MouseEvent, ReactNode } from "react";
import { Link } from "@digdir/designsystemet-react";

/**
 * A button that looks like a link: it opens what it names (a council, a
 * meeting, an application) on this screen's place, for the keyboard and
 * screen readers as for the mouse.
 */
export function LinkButton({
  onClick,
  testid,
  className,
  plain = false,
  children,
}: {
  onClick: (e: MouseEvent<HTMLButtonElement>) => void;
  testid?: string;
  /** More classes beside `link-button`. */
  className?: string;
  /** In the surrounding text's colour rather than the accent. */
  plain?: boolean;
  children: ReactNode;
}) {
  return (
    <Link asChild data-color={plain ? undefined : "accent"}>
      <button type="button" className={className ? `link-button ${className}` : "link-button"} data-testid={testid} onClick={onClick}>
        {children}
      </button>
    </Link>
  );
}
