import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { JournalEntry } from "../../../core";
import type { Language } from "../../i18n/language";
import type { TicketTexts } from "../../i18n/ticket-texts";
import { formatDateTime, formatQuantity } from "../format";

/** The workbook's order journal, newest first: kept by the desk, so a taskpane opened again shows it. */
export function JournalView({ entries, texts, language }: { entries: readonly JournalEntry[]; texts: TicketTexts; language: Language }) {
  const columns = texts.journalColumns;
  if (entries.length === 0) return <Text id="journal-empty">{texts.journalEmpty}</Text>;
  return (
    <Table id="journal" size="small" aria-label={texts.journal}>
      <TableHeader>
        <TableRow>
          {[columns.time, columns.account, columns.instrument, columns.side, columns.quantity, columns.result].map((name) => <TableHeaderCell key={name}>{name}</TableHeaderCell>)}
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={`${entry.referenceId}-${entry.time}-${entry.result}`} data-reference-id={entry.referenceId} data-result={entry.result}>
            <TableCell>{formatDateTime(entry.time, language)}</TableCell>
            <TableCell>{entry.accountNumber}</TableCell>
            <TableCell>{entry.instrumentName}</TableCell>
            <TableCell>{entry.side === "buy" ? texts.buy : texts.sell}</TableCell>
            <TableCell>{formatQuantity(entry.quantity, language)}</TableCell>
            <TableCell className="journal-result">
              {texts.results[entry.result]}{entry.orderNumber !== undefined ? ` · ${entry.orderNumber}` : ""}{entry.message ? ` · ${entry.message}` : ""}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
