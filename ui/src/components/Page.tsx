import { useEffect, useRef, type ReactNode } from "react";

/**
 * The <main> landmark of a screen. `data-ready="true"` tells the end-to-end
 * test that the screen's data has arrived. When it first becomes ready, focus
 * moves to the screen's h1 so a screen reader announces where the user is.
 */
export function Page({
  screen,
  ready,
  focusHeading = true,
  children,
}: {
  screen: string;
  ready: boolean;
  focusHeading?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!ready || focused.current || !focusHeading) return;
    focused.current = true;
    const h1 = ref.current?.querySelector<HTMLElement>("h1");
    if (h1 && !ref.current?.contains(document.activeElement)) h1.focus();
  }, [ready, focusHeading]);
  return (
    <main
      id="main"
      ref={ref}
      className="page"
      data-screen={screen}
      data-ready={ready ? "true" : "false"}
      aria-busy={ready ? undefined : true}
    >
      {children}
    </main>
  );
}
