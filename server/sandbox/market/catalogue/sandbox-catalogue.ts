import type { Catalogue } from "../market";
import type { CatalogueEntry } from "./catalogue-entry";

/** The built catalogue: lookups by id, ISIN, list and class. */
export class SandboxCatalogue implements Catalogue {
  private readonly byId = new Map<string, CatalogueEntry>();
  private readonly byIsinIndex = new Map<string, CatalogueEntry[]>();
  private readonly byList = new Map<string, CatalogueEntry[]>();
  private readonly byClass = new Map<string, CatalogueEntry[]>();

  constructor(private readonly entries: readonly CatalogueEntry[]) {
    for (const entry of entries) {
      this.byId.set(entry.model.id, entry);
      const isin = entry.model.isincode;
      if (isin) addTo(this.byIsinIndex, isin, entry);
      for (const list of entry.lists) addTo(this.byList, list, entry);
      if (entry.classId !== undefined) addTo(this.byClass, entry.classId, entry);
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

  seriesOf(classId: string): readonly CatalogueEntry[] {
    return this.byClass.get(classId) ?? [];
  }
}

function addTo(index: Map<string, CatalogueEntry[]>, key: string, entry: CatalogueEntry): void {
  const members = index.get(key);
  if (members) members.push(entry);
  else index.set(key, [entry]);
}
