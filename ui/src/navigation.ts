/** Where the user is. State-based navigation: no router, no history. */

/** A search to go back to from what one of its hits opened: its words and its filters. */
export type SearchState = { text: string; council?: string; year?: string };

export type View =
  | { name: "list" }
  /** The coordinator's overview; `year` when it should open on another year than the current. */
  | { name: "overview"; year?: number }
  | { name: "council"; id: string }
  | { name: "new-council" }
  | { name: "edit-council"; id: string }
  /** `item`: the agenda item to open first (from a search hit). */
  | { name: "meeting"; id: string; item?: string; search?: SearchState }
  | { name: "scheme"; id: string }
  /** `search`: the search it was opened from, to go back to its hits. */
  | { name: "application"; id: string; search?: SearchState }
  | { name: "backups" }
  /** The kommune profile: seat categories, duties and meeting kinds. */
  | { name: "profile" }
  /** Search across meetings and grants; `text` is what was typed in the header, `council` and `year` the filters chosen. */
  | ({ name: "search" } & SearchState);

export type Navigate = (view: View) => void;
