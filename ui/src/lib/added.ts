/** The first of `items` whose id is not among `before`: the one an action just added (a payout, an item). */
export function added<X extends { id: string }>(items: readonly X[], before: readonly { id: string }[]): X | undefined {
  return items.find((x) => !before.some((b) => b.id === x.id));
}
