// @vitest-environment happy-dom
// A dialog taken away after saving gives the focus back to what opened it.
import { describe, expect, it } from "vitest";
import { useReturnFocus } from "./useReturnFocus";
import { mount as mountNode, pause, rerender, setUpDom } from "../testing/app";

setUpDom();

function FakeDialog() {
  useReturnFocus();
  return <input id="dialog-field" aria-label="field" />;
}

/** A screen with a heading, the button that opens the dialog (unless `opener` is false) and the dialog. */
function Screen({ open, opener = true }: { open: boolean; opener?: boolean }) {
  return (
    <main>
      <h1 tabIndex={-1}>Utvalg</h1>
      {opener ? <button id="opener">Legg til medlem</button> : null}
      {open ? <FakeDialog /> : null}
    </main>
  );
}

function mount() {
  mountNode(<Screen open={false} />);
}

/** Opens the dialog from the button, as a click or Enter does, and moves the focus into it. */
function openFromButton() {
  document.getElementById("opener")!.focus();
  rerender(<Screen open={true} />);
  document.getElementById("dialog-field")!.focus();
  expect(document.activeElement?.id).toBe("dialog-field");
}

const tick = () => pause(10);

describe("useReturnFocus", () => {
  it("puts the focus back on the button that opened the dialog", async () => {
    mount();
    openFromButton();
    rerender(<Screen open={false} />);
    await tick();
    expect(document.activeElement?.id).toBe("opener");
  });

  it("falls back to the screen's heading when the opener is gone too", async () => {
    mount();
    openFromButton();
    rerender(<Screen open={false} opener={false} />);
    await tick();
    expect(document.activeElement?.tagName).toBe("H1");
  });

  it("leaves the focus alone when it is already somewhere on the page", async () => {
    mount();
    openFromButton();
    rerender(<Screen open={false} />);
    document.querySelector<HTMLElement>("h1")!.focus();
    await tick();
    expect(document.activeElement?.tagName).toBe("H1");
  });
});
