// DEV ONLY: handing councils over in the in-memory fake backend: a council
// as a .grendebok package, the package "chosen" in the open dialog read in
// (added the first time, unchanged the next, refused when another council
// has its name), and a year as a folder for the kommune (never over an
// existing one). Messages are bokmål only, worded like the core's.
import type { ErrorCode } from "../bindings/ErrorCode";
import type { Backend } from "../backend";
import type { Council } from "../bindings/Council";
import type { ErrorReport } from "../bindings/ErrorReport";
import { formatDate } from "../lib/dates";
import type { MeetingState } from "./fakeMeetings";
import type { GrantState } from "./fakeGrants";

export type HandoverState = {
  /** The council in the package the open dialog picks; null: the dialog is cancelled. */
  incoming: Council | null;
  /** Ids of the councils read in from a package. */
  imported: string[];
  /** The kommune folders made, by path. */
  folders: string[];
};

type Host = {
  councils: () => Council[];
  meetings: () => MeetingState;
  grants: () => GrantState;
  wait: <T>(value: () => T) => Promise<T>;
  today: string;
};

const DOCUMENTS = "/home/kari/Dokumenter";
const err = (code: ErrorCode, message: string): ErrorReport => ({ code, message, fields: [] });

/** The package a coordinator gets from Kvelde: a small grendeutvalg not in the demo. */
export function kveldePackage(): Council {
  return {
    id: "c-kvelde",
    name: "Kvelde grendeutvalg",
    kind: "grendeutvalg",
    area: "Kvelde og Hvarnes",
    mandate: "",
    malform: "bokmal",
    legalMode: "voluntary",
    contactName: "",
    contactEmail: "",
    contactPhone: "",
    seatPlan: { senior: 1, school: 1, sports: 1, business: 0, volunteer: 1 },
    // As core reads a council in from its package: kept in the secretary's file.
    keptElsewhere: { keptBy: "Nils Vik", fileName: "Kvelde grendeutvalg.grendebok", exportedAt: "2026-11-22T10:00:00.000Z" },
  };
}

export const emptyHandover = (): HandoverState => ({ incoming: kveldePackage(), imported: [], folders: [] });

export function handoverMethods(state: HandoverState, host: Host): Pick<Backend, "exportPackage" | "importPackage" | "exportForKommune"> {
  const council = (id: string) => {
    const c = host.councils().find((x) => x.id === id);
    if (!c) throw err("not_found", "Fant ikke utvalget.");
    return c;
  };
  const when = `${formatDate(host.today)} kl. 10.15`;
  return {
    exportPackage: (councilId) =>
      host.wait(() => {
        const c = council(councilId);
        const path = `${DOCUMENTS}/${c.name.replace(/[/\\:]/g, "_")}.grendebok`;
        return { path, message: `${c.name} er pakket i ${path} (${when}). Send filen til koordinatoren i kommunen.`, details: "" };
      }),
    importPackage: (job) =>
      host.wait(() => {
        job?.onProgress({ done: 0, total: 120, what: "" });
        const incoming = state.incoming;
        if (!incoming) throw err("cancelled", "Avbrutt.");
        const path = `${DOCUMENTS}/${incoming.name}.grendebok`;
        const councils = host.councils();
        if (councils.some((c) => c.id === incoming.id))
          return { path, message: `Pakken ${path} for ${incoming.name} fra ${when} er allerede lest inn. Ingenting er endret.`, details: "" };
        if (councils.some((c) => c.name === incoming.name))
          throw err("conflict", `Her finnes allerede et annet utvalg som heter «${incoming.name}». Gi det et annet navn før du leser inn pakken; ingenting er endret.`);
        councils.push(structuredClone(incoming));
        state.imported.push(incoming.id);
        return { path, message: `${incoming.name} er lagt til fra pakken ${path}, laget ${when} av Nils Vik.`, details: "" };
      }),
    exportForKommune: (councilId, year, job) =>
      host.wait(() => {
        job?.onProgress({ done: 0, total: 6, what: "" });
        const c = council(councilId);
        const folder = `${DOCUMENTS}/${c.name} ${year}`;
        if (state.folders.includes(folder))
          throw err("already_exists", `Det finnes allerede en fil på ${folder}. Grendebok skriver aldri over en eksisterende fil.`);
        state.folders.push(folder);
        const minutes = host
          .meetings()
          .meetings.filter((m) => m.councilId === councilId && m.date.startsWith(`${year}-`) && m.status === "approved").length;
        const { schemes, applications } = host.grants();
        const mine = schemes.filter((s) => s.councilId === councilId && s.year === year);
        const letters = applications.filter((a) => a.letterSent && mine.some((s) => s.id === a.schemeId)).length;
        return {
          path: folder,
          message: `Mappen ${folder} er laget til kommunen: ${minutes} protokoller, ${letters} vedtaksbrev, årsmeldingen og ${mine.length} regnskap (CSV).`,
          details: "",
        };
      }),
  };
}
