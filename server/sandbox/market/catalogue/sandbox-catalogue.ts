import type { Catalogue } from "../market";
import type { CatalogueEntry } from "./catalogue-entry";

/** The built catalogue: lookups by id, ISIN and list. */
export class SandboxCatalogue implements Catalogue {
  private readonly byId = new Map<string, CatalogueEntry>();
  private readonly byIsinIndex = new Map<string, CatalogueEntry[]>();
  private readonly byList = new Map<string, CatalogueEntry[]>();

  constructor(private readonly entries: readonly CatalogueEntry[]) {
    for (const entry of entries) {
      this.byId.set(entry.model.id, entry);
      const isin = entry.model.isincode;
      if (isin) this.byIsinIndex.set(isin, [...(this.byIsinIndex.get(isin) ?? []), entry]);
      for (const list of entry.lists) {
        let members = this.byList.get(list);
        if (!members) this.byList.set(list, (members = []));
        members.push(entry);
      }
    }
  }

  get(id: string): CatalogueEntry | undefined {
    return this.byId.get(id);
  }

  all(): readonly CatalogueEntry[] {
    return this.entries;
  }

  byIsin(isin: string, mic?: string): CatalogueEntry[] {
    const found = this.byIsinIndex.get(isin) ?? [];
    return mic ? found.filter((entry) => entry.model.marketIdentificationCode === mic) : [...found];
  }

  list(listId: string): readonly CatalogueEntry[] {
    return this.byList.get(listId) ?? [];
  }

  listIds(): string[] {
    return [...this.byList.keys()];
  }
}
