// Shared set-up of the component and screen tests (run under happy-dom):
// one React root per test, the App against a given backend, and
// the small helpers to wait for, find, read and fill in what it renders.
// Not a test file itself; call `setUpDom()` once at the top of a test file.
import { afterEach, beforeAll } from "vitest";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { App } from "../App";
import type { Backend } from "../backend";
import type { View } from "../navigation";

let root: Root | null = null;
let host: HTMLElement | null = null;
/** The backend of the App rendered last; a play-back one lists the calls it had no answer for. */
let rendered: { unanswered?: string[] } | null = null;

/** Registers the act environment and the per-test unmount in the calling test file. */
export function setUpDom() {
  beforeAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    // Designsystemet's spinner synchronises its animation; happy-dom has no animations.
    const doc = document as Document & { getAnimations?: () => Animation[] };
    doc.getAnimations ??= () => [];
  });

  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
    root = null;
    // A screen that asked what the core's scenario does not answer was not tested on the core's data.
    const unanswered = rendered?.unanswered ?? [];
    rendered = null;
    if (unanswered.length) throw new Error(`calls with no answer in the scenario: ${unanswered.join("; ")}`);
  });
}

function newRoot(): Root {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  return root;
}

/** Renders `node` into a fresh root, synchronously. */
export function mount(node: ReactNode) {
  const r = newRoot();
  act(() => r.render(node));
}

/** Renders `node` into a fresh root and lets its promises settle. */
export async function mountAsync(node: ReactNode) {
  const r = newRoot();
  await act(async () => r.render(node));
}

/** Renders `node` in place of what the current root shows. */
export function rerender(node: ReactNode) {
  act(() => root!.render(node));
}

/**
 * Renders the App on `view` against `backend` (in the tests, the play-back of the core's answers:
 * this module may not import src/dev, see boundaries.test.ts) and waits
 * until the screen is ready.
 */
export async function renderApp<B extends Backend>(view: View, backend: B): Promise<B> {
  rendered = backend as { unanswered?: string[] };
  await mountAsync(<App backend={backend} initialView={view} />);
  await waitFor(() => document.querySelector("main[data-ready=true]"));
  return backend;
}

export async function waitFor<T>(find: () => T | null | undefined | false, what = "the element"): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const $ = <T extends Element = HTMLElement>(css: string) => document.querySelector<T>(css);
export const $$ = (css: string) => [...document.querySelectorAll<HTMLElement>(css)];
/** Text with no-break spaces as plain spaces, trimmed. */
export const plain = (s: string | null | undefined) => (s ?? "").replace(/\u00a0/g, " ").trim();
/** The text of the first element matching `css`, with no-break spaces as plain spaces (not trimmed). */
export const text = (css: string) => ($(css)?.textContent ?? "").replace(/\u00a0/g, " ");
export const pause = (ms: number) => act(async () => new Promise((r) => setTimeout(r, ms)));

/** Types `value` into `input` (or a textarea) as the user would: through the native setter, then an input event. */
export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** Picks `value` in `select`, then a change event. */
export async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, value);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}
