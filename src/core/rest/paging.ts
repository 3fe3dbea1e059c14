import { BinckError } from "../errors";
import type { PagingModel } from "../wire/models";

/** Rows per request (Binck's maximum page, API.md 3.1) and the most pages one call may read. */
export interface PagingPolicy {
  pageSize: number;
  maxPages: number;
}

export const DEFAULT_PAGING_POLICY: PagingPolicy = { pageSize: 100, maxPages: 20 };

export interface Page<Item> {
  items: Item[];
  paging?: PagingModel;
  count?: number;
}

/**
 * Reads a paged collection to its end: `range=first-last` (zero-based, inclusive, API.md 3.1), one request per
 * page, the next page while `paging.next` says there is one. A collection longer than `maxPages` pages is an
 * invalidInput error (narrow the question) rather than rows silently left out.
 */
export async function readAllPages<Item>(fetchPage: (range: string) => Promise<Page<Item>>, policy: PagingPolicy, what: { rows: string; request: string }): Promise<Item[]> {
  const rows: Item[] = [];
  for (let page = 0; ; page++) {
    if (page === policy.maxPages) {
      const most = policy.maxPages * policy.pageSize;
      throw new BinckError("invalidInput", `More than ${most} ${what.rows}: ask for fewer (a shorter period or a filter).`, `${what.request}: stopped after ${policy.maxPages} pages of ${policy.pageSize}.`);
    }
    const first = page * policy.pageSize;
    const answer = await fetchPage(`${first}-${first + policy.pageSize - 1}`);
    rows.push(...answer.items);
    // Without `paging`, a full page short of `count` still means more.
    const more = answer.paging ? answer.paging.next !== undefined : answer.count !== undefined && rows.length < answer.count && answer.items.length >= policy.pageSize;
    if (answer.items.length === 0 || !more) return rows;
  }
}
