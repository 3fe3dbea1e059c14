import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { AddinRuntime } from "../../platform/runtime";

/** Developer messages of this runtime, for support: never shown as the main error text. */
export function Diagnostics({ logger }: { logger: AddinRuntime["logger"] }) {
  const [, setVersion] = useState(0);
  useEffect(() => logger.onLine(() => setVersion((version) => version + 1)), [logger]);
  const lines = logger.lines();
  return (
    <Accordion collapsible>
      <AccordionItem value="log">
        <AccordionHeader>Diagnostics ({lines.length})</AccordionHeader>
        <AccordionPanel>
          <pre id="diagnostics" style={{ whiteSpace: "pre-wrap", fontSize: 11 }}>
            {lines.map((line) => `${new Date(line.atMs).toLocaleTimeString()} ${line.level} ${line.message}`).join("\n")}
          </pre>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
