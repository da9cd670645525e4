// @vitest-environment happy-dom
// The progress dialog of long jobs: a bar and "12 av 40 protokoller" read out
// politely, "Avbryt" that cancels the job by its id, and afterwards the word
// that nothing was changed.
import { describe, expect, it } from "vitest";
import { act } from "react";
import { Button } from "@digdir/designsystemet-react";
import { BackendContext, type Backend, type Job } from "../backend";
import { ProgressDialog, useJob } from "./ProgressDialog";
import { mountAsync as mount, setUpDom } from "../testing/app";

setUpDom();

const q = (testId: string) => document.querySelector(`[data-testid=${testId}]`);

describe("ProgressDialog", () => {
  it("shows the bar and how far the job has come, and Avbryt asks to cancel", async () => {
    let cancels = 0;
    await mount(
      <ProgressDialog
        title="Lager mappen til kommunen"
        unit="minutes"
        event={{ done: 12, total: 40, what: "Protokoll Lyngvik 2026-03-12.pdf" }}
        cancelling={false}
        onCancel={() => cancels++}
      />,
    );
    const bar = document.querySelector("progress")!;
    expect(bar.getAttribute("max")).toBe("40");
    expect(bar.getAttribute("value")).toBe("12");
    const text = q("progress-text")!;
    expect(text.textContent).toBe("12 av 40 protokoller");
    expect(text.getAttribute("aria-live")).toBe("polite");
    expect(q("progress-what")!.textContent).toBe("Protokoll Lyngvik 2026-03-12.pdf");
    expect(document.querySelector("#progress-title")!.textContent).toBe("Lager mappen til kommunen");
    const cancel = q("progress-cancel") as HTMLButtonElement;
    expect(cancel.textContent).toBe("Avbryt");
    await act(async () => cancel.click());
    expect(cancels).toBe(1);
  });

  it("says it is starting before the first step", async () => {
    await mount(<ProgressDialog title="Tar sikkerhetskopi" unit="pages" event={null} cancelling={false} onCancel={() => {}} />);
    expect(q("progress-text")!.textContent).toBe("Starter …");
    expect(document.querySelector("progress")!.hasAttribute("value")).toBe(false);
  });
});

describe("useJob", () => {
  /** A job that reports what the test sends and ends when the test says. */
  function controlledJob() {
    const asked: string[] = [];
    let job: Job | null = null;
    let settle: { resolve: (v: string) => void; reject: (e: unknown) => void } | null = null;
    const backend = {
      cancelJob: async (id: string) => {
        asked.push(id);
        settle?.reject({ code: "cancelled", message: "Avbrutt — ingenting ble endret.", fields: [] });
        return true;
      },
    } as unknown as Backend;
    const start = (j: Job) =>
      new Promise<string>((resolve, reject) => {
        job = j;
        settle = { resolve, reject };
      });
    return { backend, asked, start, job: () => job!, finish: (v: string) => settle!.resolve(v) };
  }

  function Screen({ start, onDone }: { start: (j: Job) => Promise<string>; onDone: (r: string) => void }) {
    const job = useJob();
    const go = () =>
      job.run("Leser inn pakken", "rows", start).then(onDone, (e: { code: string }) => onDone(`rejected ${e.code}`));
    return (
      <>
        <Button data-testid="go" onClick={() => void go()}>
          Start
        </Button>
        {job.view}
      </>
    );
  }

  /** Shows the screen on a controlled job and presses Start; `results` collects what the job answered. */
  async function startJob() {
    const c = controlledJob();
    const results: string[] = [];
    await mount(
      <BackendContext.Provider value={c.backend}>
        <Screen start={c.start} onDone={(r) => results.push(r)} />
      </BackendContext.Provider>,
    );
    await act(async () => (q("go") as HTMLButtonElement).click());
    return { c, results };
  }

  it("follows the job's steps, closes when it is done and answers as the job did", async () => {
    const { c, results } = await startJob();
    expect(q("progress-dialog")).not.toBeNull();
    await act(async () => c.job().onProgress({ done: 40, total: 40, what: "council" }));
    expect(q("progress-text")!.textContent).toBe("40 av 40 rader");
    await act(async () => c.finish("ok"));
    expect(q("progress-dialog")).toBeNull();
    expect(q("job-cancelled")).toBeNull();
    expect(results).toEqual(["ok"]);
  });

  it("cancels the job by its id and then says nothing was changed", async () => {
    const { c, results } = await startJob();
    await act(async () => c.job().onProgress({ done: 3, total: 120, what: "meeting" }));
    expect(q("progress-text")!.textContent).toBe("3 av 120 rader");
    await act(async () => (q("progress-cancel") as HTMLButtonElement).click());
    expect(c.asked).toEqual([c.job().id]);
    expect(q("progress-dialog")).toBeNull();
    expect(q("job-cancelled")!.textContent).toBe("Avbrutt — ingenting ble endret.");
    expect(q("job-cancelled")!.getAttribute("role")).toBe("status");
    expect(results).toEqual(["rejected cancelled"]);
  });
});
