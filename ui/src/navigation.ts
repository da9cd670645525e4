/** Where the user is. State-based navigation: no router, no history. */
export type View =
  | { name: "list" }
  /** The coordinator's overview; `year` when it should open on another year than the current. */
  | { name: "overview"; year?: number }
  | { name: "council"; id: string }
  | { name: "new-council" }
  | { name: "edit-council"; id: string }
  | { name: "meeting"; id: string }
  | { name: "scheme"; id: string }
  | { name: "application"; id: string }
  | { name: "backups" };

export type Navigate = (view: View) => void;
