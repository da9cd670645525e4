// Generated from core/src/model.rs (ItemKind) by core/src/bindings.rs. Do not edit.
import type { ItemKind } from "./ItemKind";

export const ITEM_KINDS: readonly ItemKind[] = ["orientering", "drofting", "vedtak", "valg", "uttalelse"];

/** The kinds that end in a decision voted on, not a note (`ItemKind::decides`). */
export const DECIDING_ITEM_KINDS: readonly ItemKind[] = ["vedtak", "valg", "uttalelse"];
