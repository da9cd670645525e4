import { useEffect, useRef, useState, type ReactNode } from "react";
import { usePrinting } from "../lib/virtualRows";

/**
 * A part of a long page that is rendered only once it comes near the window
 * (or the page is printed), and kept from then on: the first screenful
 * paints without it. `minHeight` holds its place until then, so the page
 * does not jump. With `when` false (a small kommune), or where
 * IntersectionObserver is missing, it renders at once.
 */
export function Lazy({ when, minHeight, testid, children }: { when: boolean; minHeight: number; testid?: string; children: ReactNode }) {
  const printing = usePrinting();
  const [near, setNear] = useState(() => !when || typeof IntersectionObserver === "undefined");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (near || !ref.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
    // After printing the placeholder is a new element: watch that one.
  }, [near, printing]);
  if (near || printing) return <>{children}</>;
  return <div ref={ref} style={{ minHeight }} data-testid={testid} data-lazy="" />;
}
