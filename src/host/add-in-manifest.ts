/** What the preview reads from manifest.xml, as Excel does: the taskpane page, functions.json and the namespace. */
export interface AddinManifest {
  taskpaneUrl: string;
  functionsMetadataUrl: string;
  functionsNamespace: string;
}

/**
 * Reads the manifest the add-in server serves. Its URLs name https://localhost:3000; the preview takes their
 * paths on its own origin, so it works on any port.
 */
export async function readManifest(origin: string): Promise<AddinManifest> {
  const response = await fetch(`${origin}/manifest.xml`);
  if (!response.ok) throw new Error(`manifest.xml could not be read: HTTP ${response.status}.`);
  const xml = new DOMParser().parseFromString(await response.text(), "application/xml");
  const resource = (id: string) => {
    const element = [...xml.getElementsByTagName("*")].find((candidate) => candidate.getAttribute("id") === id);
    const value = element?.getAttribute("DefaultValue");
    if (!value) throw new Error(`manifest.xml has no resource ${id}.`);
    return value;
  };
  const local = (url: string) => {
    const parsed = new URL(url);
    return `${origin}${parsed.pathname}${parsed.search}`;
  };
  return {
    taskpaneUrl: local(resource("Taskpane.Url")),
    functionsMetadataUrl: local(resource("Functions.Metadata.Url")),
    functionsNamespace: resource("Functions.Namespace"),
  };
}
