import { Button, Card, MessageBar, MessageBarBody, ProgressBar, Text } from "@fluentui/react-components";
import { useEffect, useReducer, useState } from "react";
import { isCancelRun, type BatchRun } from "../../core";
import type { LiveValue } from "../hooks/useLive";
import { BATCH_TEXTS, batchLanguage, numberLocale, type BatchTexts } from "./order-batch-texts";

/** While a run works, its time left moves with the request budget: shown again every second. */
const TICK_MS = 1_000;

/**
 * The running "Place orders from table" (or "Cancel selected orders"): its summary for the one confirmation
 * (count, totals, every warning with its rows), then its progress with the time left and a Stop button.
 */
export function OrderBatchPanel({ batch, locale }: { batch: LiveValue<BatchRun | undefined>; locale?: string }) {
  const [run, setRun] = useState(batch.current());
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => batch.onChange(setRun), [batch]);
  useEffect(() => {
    if (!run) return undefined;
    const stop = run.onChange(rerender);
    const timer = setInterval(() => {
      if (run.phase() === "previewing" || run.phase() === "placing") rerender();
    }, TICK_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [run]);
  if (!run) return null;
  const language = batchLanguage(locale);
  const texts = BATCH_TEXTS[language];
  const cancelling = isCancelRun(run);
  const phase = run.phase();
  const progress = run.progress();
  return (
    <Card id="order-batch" aria-label={cancelling ? texts.cancelTitle : texts.placeTitle(run.tableName)} data-phase={phase}>
      <Text weight="semibold">{cancelling ? texts.cancelTitle : texts.placeTitle(run.tableName)}</Text>
      {phase === "previewing" && <Working texts={texts} label={texts.previewing(progress.done, progress.total)} progress={progress} onStop={() => run.stop()} stopLabel={texts.cancel} />}
      {phase !== "previewing" && <Summary run={run} texts={texts} locale={numberLocale(language)} cancelling={cancelling} />}
      {phase === "awaitingConfirmation" && (
        <div style={{ display: "flex", gap: 8 }}>
          <Button id="batch-confirm" appearance="primary" onClick={() => run.confirm()}>
            {cancelling ? texts.confirmCancel(run.summary()?.ready ?? 0) : texts.confirmPlace(run.summary()?.ready ?? 0)}
          </Button>
          <Button id="batch-cancel" onClick={() => run.stop()}>{texts.cancel}</Button>
        </div>
      )}
      {phase === "placing" && <Working texts={texts} label={cancelling ? texts.cancelling(progress.done, progress.total) : texts.placing(progress.done, progress.total)} progress={progress} onStop={() => run.stop()} stopLabel={texts.stop} />}
      {(phase === "done" || phase === "stopped" || phase === "cancelled") && (
        <MessageBar id="batch-result" intent={phase === "done" ? "success" : "warning"}>
          <MessageBarBody>{texts.finished[phase]}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}

function Working({ texts, label, progress, onStop, stopLabel }: { texts: BatchTexts; label: string; progress: ReturnType<BatchRun["progress"]>; onStop(): void; stopLabel: string }) {
  return (
    <div id="batch-progress" style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      <Text aria-live="polite">
        {label}
        {progress.stopped ? ` — ${texts.stopping}` : progress.secondsLeft > 0 ? ` — ${texts.timeLeft(progress.secondsLeft)}` : ""}
      </Text>
      <ProgressBar value={progress.total === 0 ? 0 : progress.done / progress.total} />
      <Button id="batch-stop" disabled={progress.stopped} onClick={onStop}>{stopLabel}</Button>
    </div>
  );
}

function Summary({ run, texts, locale, cancelling }: { run: BatchRun; texts: BatchTexts; locale: string; cancelling: boolean }) {
  const summary = run.summary();
  if (!summary) return null;
  const euro = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
  const notReady = summary.rows.filter((row) => row.status !== "ready");
  return (
    <div id="batch-summary" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Text>{cancelling ? texts.cancelReady(summary.count, summary.ready) : texts.rowsReady(summary.count, summary.ready)}</Text>
      {!cancelling && <Text id="batch-total-value">{texts.totalValue}: {euro.format(summary.totalValueInEuro)}</Text>}
      {!cancelling && <Text id="batch-total-costs">{texts.totalCosts}: {euro.format(summary.totalCostsInEuro)}</Text>}
      {summary.warnings.length > 0 && (
        <>
          <Text weight="semibold">{texts.warnings}</Text>
          <ul id="batch-warnings" style={{ margin: 0, paddingLeft: 18 }}>
            {summary.warnings.map((warning) => (
              <li key={`${warning.needsConsent}${warning.text}`}>
                {warning.needsConsent && <strong>{texts.needsConsent}: </strong>}
                {warning.text} ({texts.rows(warning.rows)})
              </li>
            ))}
          </ul>
        </>
      )}
      {notReady.length > 0 && (
        <>
          <Text weight="semibold">{texts.notPlaced}</Text>
          <ul id="batch-not-ready" style={{ margin: 0, paddingLeft: 18 }}>
            {notReady.map((row) => <li key={row.index}>{texts.rows([row.index])}: {row.message ?? row.status}</li>)}
          </ul>
        </>
      )}
      {run.phase() === "awaitingConfirmation" && !cancelling && <Text size={200}>{texts.confirmAccepts}</Text>}
    </div>
  );
}
