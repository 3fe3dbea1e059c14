import { Card, Link, Text } from "@fluentui/react-components";

/** What the taskpane page says when it is opened in a plain browser tab instead of inside Excel. */
export function OutsideOffice({ previewUrl }: { previewUrl: string }) {
  return (
    <main style={{ padding: 24, maxWidth: 560 }} id="outside-office">
      <Card>
        <Text as="h1" size={500} weight="semibold">Binck for Excel</Text>
        <Text as="p">This page is the add-in's taskpane: it works inside Excel, not on its own in a browser tab.</Text>
        <Text as="p">
          To use it, sideload the add-in into Excel (<code>npm run sideload -- desktop</code>, or upload <code>manifest.xml</code> in Excel
          on the web), or open the preview workbook, which runs the add-in in this browser without Excel:
        </Text>
        <Text as="p"><Link href={previewUrl} id="preview-link">Open the preview workbook</Link></Text>
      </Card>
    </main>
  );
}
