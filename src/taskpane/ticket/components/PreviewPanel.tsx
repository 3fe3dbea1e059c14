import { Checkbox, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { CostLine, OrderPreview } from "../../../core";
import type { Language } from "../../i18n/language";
import type { TicketTexts } from "../../i18n/ticket-texts";
import { formatCost, formatMoney } from "../format";
import { KidLinks, type KidOpener } from "./KidLinks";

export interface PreviewPanelProps {
  preview: OrderPreview;
  accepted: readonly string[];
  texts: TicketTexts;
  language: Language;
  /** Warnings can be accepted only while the preview stands (not while placing or after). */
  locked: boolean;
  openKid: KidOpener;
  onAccept(warning: string, accepted: boolean): void;
}

/** What Binck said of the draft: whether it can be registered, warnings (to read, to accept), costs, value, KIDs. */
export function PreviewPanel({ preview, accepted, texts, language, locked, openKid, onAccept }: PreviewPanelProps) {
  return (
    <section id="ticket-preview" aria-label={texts.preview} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      {!preview.canBeRegistered && (
        <MessageBar intent="error" id="ticket-not-registrable">
          <MessageBarBody>{texts.notRegistrable}</MessageBarBody>
        </MessageBar>
      )}
      {preview.warningsToBeShown.length > 0 && (
        <div>
          <Text weight="semibold">{texts.warningsShown}</Text>
          <ul id="ticket-warnings-shown">{preview.warningsToBeShown.map((warning) => <li key={warning}>{warning}</li>)}</ul>
        </div>
      )}
      {preview.warningsToBeConfirmed.length > 0 && (
        <fieldset id="ticket-warnings-confirm" style={{ border: "none", padding: 0, margin: 0 }}>
          <legend><Text weight="semibold">{texts.warningsToConfirm}</Text></legend>
          {preview.warningsToBeConfirmed.map((warning, index) => (
            <Checkbox key={warning} id={`ticket-accept-${index}`} label={warning} disabled={locked} checked={accepted.includes(warning)}
              onChange={(_event, data) => onAccept(warning, data.checked === true)} />
          ))}
        </fieldset>
      )}
      {preview.estimatedValue !== undefined && (
        <Text>{texts.estimatedValue}: <span id="ticket-estimated-value">{formatMoney(preview.estimatedValue, preview.currency, language)}</span></Text>
      )}
      <div id="ticket-costs">
        <Text weight="semibold">{texts.costs}</Text>
        <ul>{preview.costs.categories.map((line, index) => <CostItem key={`${line.name}-${index}`} line={line} language={language} />)}</ul>
        <Text>{texts.costsTotal}: <span id="ticket-costs-total">{formatMoney(preview.costs.totalInEuro, "EUR", language)}</span></Text>
      </div>
      {preview.kids.length > 0 && <KidLinks kids={preview.kids} instrumentId={preview.order.instrument.id} texts={texts} openKid={openKid} />}
    </section>
  );
}

function CostItem({ line, language }: { line: CostLine; language: Language }) {
  return (
    <li>
      <span className="cost-name">{line.name}</span>: <span className="cost-value">{formatCost(line, language)}</span>
      {line.extraInfo && <Text size={200}> ({line.extraInfo})</Text>}
      {line.subCategories.length > 0 && (
        <ul>{line.subCategories.map((sub, index) => <CostItem key={`${sub.name}-${index}`} line={sub} language={language} />)}</ul>
      )}
    </li>
  );
}
