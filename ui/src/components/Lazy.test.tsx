// @vitest-environment happy-dom
// The parts of a long page below its first screenful: not there when the
// screen first paints, there once scrolled near, printed, or soon after the
// first paint while nothing else happens (so the keyboard and a screen
// reader reach them without scrolling), one part at a time, in page order.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { act } from "react";
import { Lazy } from "./Lazy";
import { mount, setUpDom, waitFor } from "../testing/app";

setUpDom();

/** An IntersectionObserver whose targets come into view only when `scrollNear()` is called. */
let observers: Array<{ cb: IntersectionObserverCallback; targets: Element[] }> = [];
function scrollNear() {
  for (const o of observers) o.cb(o.targets.map((target) => ({ target, isIntersecting: true })) as IntersectionObserverEntry[], {} as IntersectionObserver);
}
const g = globalThis as { IntersectionObserver?: unknown };
let original: unknown;
beforeEach(() => {
  original = g.IntersectionObserver;
  observers = [];
  g.IntersectionObserver = class {
    o: { cb: IntersectionObserverCallback; targets: Element[] };
    constructor(cb: IntersectionObserverCallback) {
      this.o = { cb, targets: [] };
      observers.push(this.o);
    }
    observe(el: Element) {
      this.o.targets.push(el);
    }
    disconnect() {
      observers = observers.filter((o) => o !== this.o);
    }
  };
});
afterEach(() => {
  g.IntersectionObserver = original;
});

const q = (id: string) => document.querySelector(`[data-testid=${id}]`);

describe("Lazy", () => {
  it("renders a part below the first screenful when scrolled near, not before", async () => {
    mount(
      <Lazy when minHeight={300} testid="later">
        <p data-testid="part">Tilskuddsordninger</p>
      </Lazy>,
    );
    expect(q("part")).toBeNull();
    expect((q("later") as HTMLElement).style.minHeight).toBe("300px");
    await act(async () => new Promise((r) => setTimeout(r, 300)));
    expect(q("part")).toBeNull();
    act(() => scrollNear());
    expect(q("part")?.textContent).toBe("Tilskuddsordninger");
  });

  it("with idle, renders every part soon after the first paint without scrolling, in page order", async () => {
    const order: string[] = [];
    const Part = ({ name }: { name: string }) => {
      order.push(name);
      return <p data-testid={name}>{name}</p>;
    };
    mount(
      <>
        <Lazy when idle minHeight={300} testid="first-later">
          <Part name="first" />
        </Lazy>
        <Lazy when idle minHeight={300} testid="second-later">
          <Part name="second" />
        </Lazy>
      </>,
    );
    expect(q("first")).toBeNull();
    expect(q("second")).toBeNull();
    await waitFor(() => q("second"), "the second part");
    expect(q("first")).not.toBeNull();
    expect(q("first-later")).toBeNull();
    expect(order).toEqual(["first", "second"]);
  });

  it("renders at once on a short page, and when printed", async () => {
    mount(
      <Lazy when={false} minHeight={300}>
        <p data-testid="short">Kort side</p>
      </Lazy>,
    );
    expect(q("short")).not.toBeNull();
    mount(
      <Lazy when minHeight={300}>
        <p data-testid="printed">Hele siden</p>
      </Lazy>,
    );
    expect(q("printed")).toBeNull();
    act(() => {
      window.dispatchEvent(new Event("beforeprint"));
    });
    expect(q("printed")).not.toBeNull();
  });
});
