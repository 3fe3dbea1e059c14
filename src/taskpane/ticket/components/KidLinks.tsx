import { Button, Link, Text } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { isBinckError, type KidDocument } from "../../../core";
import type { TicketTexts } from "../../i18n/ticket-texts";

/** Fetches a KID document (desk.kidDocument) as an object URL. */
export type KidOpener = (instrumentId: string, kidId: string) => Promise<string>;

/**
 * The instrument's key information documents (the guide requires offering them before an order): a button opens
 * each in a new window; where the browser blocks that, a link stays for the person to click.
 */
export function KidLinks({ kids, instrumentId, texts, openKid }: { kids: readonly KidDocument[]; instrumentId: string; texts: TicketTexts; openKid: KidOpener }) {
  const [blocked, setBlocked] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const opening = useRef(new Set<string>());
  const open = (kid: KidDocument) => {
    if (opening.current.has(kid.kidId)) return;
    opening.current.add(kid.kidId);
    setFailure(undefined);
    openKid(instrumentId, kid.kidId).then((url) => {
      if (!window.open(url, "_blank")) setBlocked((links) => ({ ...links, [kid.kidId]: url }));
    }, (error: unknown) => setFailure(isBinckError(error) ? error.endUserMessage : String(error)))
      .finally(() => opening.current.delete(kid.kidId));
  };
  return (
    <div id="ticket-kids">
      <Text weight="semibold">{texts.kid}</Text>
      <ul>
        {kids.map((kid, index) => (
          <li key={kid.kidId}>
            <Button id={`ticket-kid-${index}`} appearance="secondary" size="small" onClick={() => open(kid)}>{texts.openKid(kid.name)}</Button>
            {blocked[kid.kidId] && <Text size={200}> {texts.kidBlocked} <Link href={blocked[kid.kidId]} target="_blank">{kid.name}</Link></Text>}
          </li>
        ))}
      </ul>
      {failure && <Text size={200} id="ticket-kid-error">{failure}</Text>}
    </div>
  );
}

/** Object URLs made for KIDs, revoked when the ticket goes. */
export function useKidOpener(fetchKid: ((instrumentId: string, kidId: string) => Promise<{ bytes: ArrayBuffer; contentType: string }>) | undefined): KidOpener {
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);
  return async (instrumentId, kidId) => {
    if (!fetchKid) throw new Error("Order entry is not loaded.");
    const document = await fetchKid(instrumentId, kidId);
    const url = URL.createObjectURL(new Blob([document.bytes], { type: document.contentType }));
    urls.current.push(url);
    return url;
  };
}
