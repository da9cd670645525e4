import type { ReactNode } from "react";
import { Button } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/context";
import type { Navigate, SearchState, View } from "../navigation";

/**
 * The way back above a screen's title: to the screen this one belongs to
 * (`to`, named by `children`), and first, when the person came from a
 * search, back to that search as they left it.
 */
export function BackNav({
  label,
  testid,
  to,
  navigate,
  search,
  children,
}: {
  /** The navigation landmark's name. */
  label: string;
  testid: string;
  to: View;
  navigate: Navigate;
  search?: SearchState | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <nav aria-label={label} className="back-nav">
      {search !== undefined ? (
        <Button variant="tertiary" data-size="sm" data-testid="back-to-search" onClick={() => navigate({ name: "search", ...search })}>
          ← {t("search.back")}
        </Button>
      ) : null}
      <Button variant="tertiary" data-size="sm" data-testid={testid} onClick={() => navigate(to)}>
        ← {children}
      </Button>
    </nav>
  );
}
