import { useEffect, useState } from "react";

/**
 * Gives the keyboard focus back to what opened a dialog when the dialog is
 * taken away after saving. (Closed with Escape or its close button, the
 * browser does that itself.) Without it the focus falls to the top of the
 * page and a keyboard or screen-reader user loses their place. When the
 * opener is gone too (the row of a member who was ended), the screen's
 * heading takes the focus.
 */
export function useReturnFocus(): void {
  // Read while the dialog first renders, before it opens and takes the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      // After React has removed the dialog, and only when the focus fell to the page.
      window.setTimeout(() => {
        // Lost: on the page itself, or still on a field of the dialog that is gone.
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        if (opener && opener !== document.body && opener.isConnected) opener.focus();
        else document.querySelector<HTMLElement>("main h1")?.focus();
      }, 0);
    },
    [opener],
  );
}

/**
 * A dialog's focus: when it opens, on its field `first` (with `select`, its
 * text selected, ready to be typed over); when it is taken away, back to
 * what opened it (`useReturnFocus`).
 */
export function useDialogFocus(first: string, select = false): void {
  useReturnFocus();
  useEffect(() => {
    const el = document.getElementById(first);
    el?.focus();
    if (select && el instanceof HTMLInputElement) el.select();
    // on open only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
