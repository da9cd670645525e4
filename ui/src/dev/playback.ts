// DEV ONLY: the UI's test backend. It plays back what the real core answered
// in a named scenario (src/dev/fixtures/<name>.json, written by
// core/src/fixtures.rs and kept fresh by its test) and records every call.
// It holds no rule of the domain: a call the scenario has no answer for is
// refused, and a write answers what the core answered to that very call
// (the scenario's `after`), after which the screen reads what the core read
// after it; nothing is computed here. Never imported by src/main.tsx.
import type { Backend } from "../backend";
import type { ErrorReport } from "../bindings/ErrorReport";
import crowdedJson from "./fixtures/crowded.json?raw";
import damagedJson from "./fixtures/damaged.json?raw";
import demoJson from "./fixtures/demo.json?raw";
import emptyJson from "./fixtures/empty.json?raw";
import englishJson from "./fixtures/english.json?raw";
import januaryJson from "./fixtures/january.json?raw";
import marchJson from "./fixtures/march.json?raw";
import samenameJson from "./fixtures/samename.json?raw";
import welcomeJson from "./fixtures/welcome.json?raw";

/** An answer as the core gave it: a value, or the error report. */
export type Answer = { ok: unknown } | { err: ErrorReport };

/** What a write answered, the reads that changed with it, and the writes that may follow. */
export type Step = { answer: Answer; answers: Record<string, Answer>; after: Record<string, Step> };

export type Scenario = {
  scenario: string;
  /** The day the scenario was made for (the app's "today"). */
  today: string;
  answers: Record<string, Answer>;
  /** The writes recorded from the start, by their call. */
  after: Record<string, Step>;
};

const SCENARIOS = {
  demo: demoJson,
  crowded: crowdedJson,
  damaged: damagedJson,
  empty: emptyJson,
  english: englishJson,
  samename: samenameJson,
  welcome: welcomeJson,
  january: januaryJson,
  march: marchJson,
} as const;
export type ScenarioName = keyof typeof SCENARIOS;

/** A fresh copy of the scenario `name`. */
export function scenario(name: ScenarioName): Scenario {
  return JSON.parse(SCENARIOS[name]) as Scenario;
}

/** A long job's argument ({id?, onProgress}): not part of what is asked. */
const isJob = (a: unknown) => !!a && typeof a === "object" && typeof (a as { onProgress?: unknown }).onProgress === "function";

/** JSON with object keys sorted and null members left out (as core/src/fixtures.rs `canonical`). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonical(v))).join(",")}]`;
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== null && o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The key of a call in a scenario: `method [args]`, jobs and trailing undefined left out. */
export function callKey(method: string, args: unknown[]): string {
  const asked = args.filter((a) => !isJob(a));
  while (asked.length && asked[asked.length - 1] === undefined) asked.pop();
  return `${method} ${canonical(asked)}`;
}

export type Call = { method: string; args: unknown[] };

export type Playback = Backend & {
  scenario: Scenario;
  /** Every call made, in order (jobs left out of the arguments). */
  calls: Call[];
  /** The keys of the calls the scenario had no answer for (each refused with code "internal"). */
  unanswered: string[];
  /** The calls of `method`, by their arguments. */
  callsOf(method: keyof Backend): unknown[][];
  /** What the scenario answers to `method(...args)`; throws when it holds no value for it. */
  answer<T = unknown>(method: keyof Backend, ...args: unknown[]): T;
};

/** What a call that needs no core answers: opening a saved file, cancelling a job. */
const NO_ANSWER_NEEDED: Partial<Record<keyof Backend, unknown>> = { openSaved: undefined, cancelJob: false };

export function playback(name: ScenarioName | Scenario, opts: { delayMs?: number } = {}): Playback {
  const played = typeof name === "string" ? scenario(name) : name;
  const calls: Call[] = [];
  const unanswered: string[] = [];
  // Where the screen is in the scenario: the start, then each recorded write it made.
  const taken: Step[] = [];
  const answerOf = (method: string, args: unknown[]): Answer => {
    const key = callKey(method, args);
    const write = (taken.at(-1)?.after ?? played.after)[key];
    if (write) {
      taken.push(write);
      return write.answer;
    }
    for (const step of [...taken].reverse()) if (step.answers[key]) return step.answers[key]!;
    const found = played.answers[key];
    if (found) return found;
    if (method in NO_ANSWER_NEEDED) return { ok: NO_ANSWER_NEEDED[method as keyof Backend] };
    unanswered.push(callKey(method, args));
    const message = `The scenario «${played.scenario}» holds no answer to ${callKey(method, args)}: add it in core/src/fixtures.rs.`;
    return { err: { code: "internal", message, fields: [] } };
  };
  const extra = {
    scenario: played,
    calls,
    unanswered,
    callsOf: (method: keyof Backend) => calls.filter((c) => c.method === method).map((c) => c.args),
    answer<T>(method: keyof Backend, ...args: unknown[]): T {
      const key = callKey(method, args);
      const found = [...taken].reverse().find((step) => step.answers[key])?.answers[key] ?? played.answers[key];
      if (!found) throw new Error(`The scenario «${played.scenario}» holds no answer to ${key}.`);
      if ("err" in found) throw new Error(found.err.message);
      return structuredClone(found.ok) as T;
    },
  };
  return new Proxy(extra, {
    get(target, prop, receiver) {
      if (typeof prop !== "string" || prop in target) return Reflect.get(target, prop, receiver);
      // Not a promise: `await` looks for `then`.
      if (prop === "then") return undefined;
      return (...args: unknown[]) => {
        calls.push({ method: prop, args: args.filter((a) => !isJob(a)) });
        const found = answerOf(prop, args);
        return new Promise((resolve, reject) =>
          setTimeout(() => ("err" in found ? reject(structuredClone(found.err)) : resolve(structuredClone(found.ok))), opts.delayMs ?? 0),
        );
      };
    },
  }) as unknown as Playback;
}

/** The id of the council named `name` in the scenario's council list. */
export function councilId(backend: Playback, name: string): string {
  const councils = backend.answer<{ id: string; name: string }[]>("listCouncils");
  const found = councils.find((c) => c.name === name);
  if (!found) throw new Error(`no council named ${name} in the scenario ${backend.scenario.scenario}`);
  return found.id;
}
