import type { SignInMessage } from "../../src/core/wire/broker";

/**
 * The page the sign-in dialog ends on. It carries the result as inert JSON; /dialog.js (built from src/dialog)
 * hands it to the add-in with messageParent. No inline script, so the strict CSP holds.
 */
export function dialogResultPage(message: SignInMessage): string {
  const title = message.kind === "signedIn" ? "Signed in" : "Sign-in failed";
  const text = message.kind === "signedIn"
    ? "You are signed in to Binck. This window closes by itself."
    : message.endUserMessage;
  const json = JSON.stringify(message).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem;color:#1b1b1b}h1{font-size:1.3rem}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p id="message" role="status">${escapeHtml(text)}</p>
</main>
<script id="binck-sign-in-result" type="application/json">${json}</script>
<script src="/office-loader.js"></script>
<script src="/dialog.js"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
