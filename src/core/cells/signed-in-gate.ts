import type { SessionState } from "../session/session-manager";
import type { CellServices, StreamingServices } from "./cell-services";
import { notAvailable, problemOf, type Emit, type Stop } from "./cell-output";

export interface Ready {
  accountNumber: string;
  streaming: StreamingServices;
}

export const SIGN_IN_MESSAGE = "sign in to Binck in the taskpane";

/**
 * Runs a cell's body once the person is signed in, an account is chosen and the feed is built; until then the
 * cell says what is missing, and it comes alive by itself. Sign-out stops the body (the cell says "sign in"), an
 * account change restarts it; a token being renewed does not (the feed reports its own conditions meanwhile).
 */
export function whileSignedIn<T>(services: CellServices, emit: Emit<T>, body: (ready: Ready) => Stop): Stop {
  let streaming: StreamingServices | undefined;
  let running: { account: string; stop: Stop } | undefined;
  let stopped = false;
  const evaluate = () => {
    if (stopped) return;
    const session = services.session.current();
    const account = services.account.current();
    if (running && (session.status === "signedOut" || account !== running.account)) {
      running.stop();
      running = undefined;
    }
    if (running) return;
    if (session.status !== "signedIn" || account === undefined || !streaming) {
      emit(notAvailable(waitingFor(session, account, streaming !== undefined)));
      return;
    }
    running = { account, stop: () => undefined };
    try {
      running.stop = body({ accountNumber: account, streaming });
    } catch (error) {
      // Shown in this cell; it starts again after a sign-out or another account.
      emit(problemOf(error));
    }
  };
  const unsubscribe = [services.session.onChange(evaluate), services.account.onChange(evaluate)];
  services.streaming().then((ready) => {
    streaming = ready;
    evaluate();
  }, (error: unknown) => services.logger.log("error", `The realtime services could not be built: ${String(error)}`));
  evaluate();
  return () => {
    stopped = true;
    for (const stop of unsubscribe) stop();
    running?.stop();
    running = undefined;
  };
}

function waitingFor(session: SessionState, account: string | undefined, streamingBuilt: boolean): string {
  switch (session.status) {
    case "signedOut":
      return SIGN_IN_MESSAGE;
    case "signingIn":
      return "signing in to Binck…";
    case "resuming":
      return session.endUserMessage ? `resuming your Binck session… ${session.endUserMessage}` : "resuming your Binck session…";
    case "signedIn":
      if (!streamingBuilt) return "connecting to Binck…";
      return account === undefined ? "choose an account in the taskpane" : "connecting to Binck…";
  }
}
