import type { PagingModel } from "../../../src/core/wire/models";
import { badRequest } from "./api-error";
import type { Query } from "./query";

export const DEFAULT_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  paging?: PagingModel;
  count: number;
}

/**
 * `range=a-b`: zero-based inclusive offsets, open end allowed (API.md 3.1). `paging.limit` is the offset
 * of the last row returned; next/previous/refresh are ready query fragments.
 */
export function paginate<T>(all: readonly T[], query: Query, maxPageSize = DEFAULT_PAGE_SIZE): Page<T> {
  const range = query.string("range", { pattern: /^[0-9]+-[0-9]*$/ });
  let first = 0;
  let last = maxPageSize - 1;
  if (range !== undefined) {
    const [from, to] = range.split("-");
    first = Number(from);
    last = to === "" ? first + maxPageSize - 1 : Number(to);
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) throw badRequest("range", `'${range}' is out of bounds.`);
    if (last < first) throw badRequest("range", `'${range}' ends before it starts.`);
    last = Math.min(last, first + maxPageSize - 1);
  }
  const items = all.slice(first, last + 1);
  if (items.length === 0) return { items, count: all.length };
  const lastReturned = first + items.length - 1;
  const size = last - first + 1;
  const paging: PagingModel = {
    offset: first,
    limit: lastReturned,
    max: maxPageSize,
    refresh: `range=${first}-${last}`,
  };
  if (lastReturned + 1 < all.length) paging.next = `range=${lastReturned + 1}-${lastReturned + size}`;
  if (first > 0) paging.previous = `range=${Math.max(0, first - size)}-${first - 1}`;
  return { items, paging, count: all.length };
}

/** `paging` and `count` of a paged answer (an absent `paging` is left out of the JSON). */
export function pageFields<T>(page: Page<T>): { paging?: PagingModel; count: number } {
  return { paging: page.paging, count: page.count };
}
