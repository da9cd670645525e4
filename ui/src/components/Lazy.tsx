import { useEffect, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { usePrinting } from "../lib/virtualRows";

/**
 * Parts waiting to be rendered while the web view is idle, one at a time and
 * in page order: each renders in a task of its own, so a click that comes
 * meanwhile waits for one part at most, never for all of them.
 */
const idleQueue: Array<() => void> = [];
let idleRunning = false;

function whenIdle(next: () => void) {
  const w = window as Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(next, { timeout: 500 });
  else window.setTimeout(next, 50);
}

function runIdleQueue() {
  const part = idleQueue.shift();
  if (!part) {
    idleRunning = false;
    return;
  }
  part();
  // The next part after this one has been rendered and painted.
  requestAnimationFrame(() => whenIdle(runIdleQueue));
}

function renderWhenIdle(part: () => void): () => void {
  idleQueue.push(part);
  if (!idleRunning) {
    idleRunning = true;
    // After the screen's first paint: two frames, then idle.
    requestAnimationFrame(() => requestAnimationFrame(() => whenIdle(runIdleQueue)));
  }
  return () => {
    const at = idleQueue.indexOf(part);
    if (at >= 0) idleQueue.splice(at, 1);
  };
}

/**
 * A part of a long page that is rendered only once it comes near the window
 * (or the page is printed), and kept from then on: the first screenful
 * paints without it. `minHeight` holds its place until then, so the page
 * does not jump. With `when` false (a small kommune), or where
 * IntersectionObserver is missing, it renders at once.
 *
 * `idle`: rendered also when the web view is idle after the screen has
 * painted (one such part at a time), so the whole page is soon there for the
 * keyboard, a screen reader and the browser's find, without making the
 * click that opened the screen wait for it.
 */
export function Lazy({
  when,
  minHeight,
  testid,
  idle = false,
  children,
}: {
  when: boolean;
  minHeight: number;
  testid?: string;
  idle?: boolean;
  children: ReactNode;
}) {
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
  useEffect(() => {
    if (near || !idle) return;
    // Rendered in the idle callback itself, so each part is a task of its own.
    return renderWhenIdle(() => flushSync(() => setNear(true)));
  }, [near, idle]);
  if (near || printing) return <>{children}</>;
  return <div ref={ref} style={{ minHeight }} data-testid={testid} data-lazy="" />;
}
