/** The list with the item at `from` moved to `to` (a new array). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}

/** Priorities 1..n in list order, with the version each was read at (a stale one is refused with 409). */
export function prioritiesOf(items: readonly { readonly id: string; readonly version: number }[]): { id: string; priority: number; version: number }[] {
  return items.map((item, index) => ({ id: item.id, priority: index + 1, version: item.version }));
}
