import type { Language } from "../../seed/people";

/** Escapes text for HTML content and double-quoted attributes. Every value put in a page goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Trusted HTML built by this module's helpers; plain strings are always escaped. */
export class Html {
  constructor(readonly value: string) {}
}

/** Tagged template that escapes every interpolated string and splices Html (or arrays of Html) as is. */
export function html(strings: TemplateStringsArray, ...values: Array<string | number | Html | Html[] | undefined | false>): Html {
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return new Html(out);
}

function render(value: string | number | Html | Html[] | undefined | false): string {
  if (value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map((item) => item.value).join("");
  return escapeHtml(String(value));
}

// Plain, readable and keyboard friendly: visible focus rings, large targets, no script.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef1f5;color:#1d2733}
header{background:#0b3a66;color:#fff;padding:12px 24px;font-weight:600;letter-spacing:.02em}
main{max-width:440px;margin:40px auto;background:#fff;border-radius:8px;padding:28px 32px;box-shadow:0 2px 10px rgba(0,0,0,.08)}
h1{font-size:1.4rem;margin:0 0 12px}
label{display:block;font-weight:600;margin:16px 0 4px}
input[type=text],input[type=password]{width:100%;padding:10px;border:1px solid #8a96a3;border-radius:4px;font-size:1rem}
button{margin:20px 8px 0 0;padding:10px 18px;font-size:1rem;border-radius:4px;border:1px solid #0b3a66;background:#0b3a66;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b3a66}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.message{border-left:4px solid #c0392b;background:#fdecea;padding:8px 12px;margin:12px 0}
.note{color:#4a5866;font-size:.92rem}
.details{font-family:ui-monospace,monospace;font-size:.85rem;background:#f4f6f8;padding:8px;overflow-wrap:anywhere}
ul{padding-left:20px}
`;

/** A whole page: language, title, the sandbox banner and the body. */
export function renderPage(language: Language, title: string, body: Html): string {
  return `<!DOCTYPE html>${html`<html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${new Html(STYLE)}</style></head>
<body><header>Binck — sandbox</header><main>${html`<h1>${title}</h1>`}${body}</main></body></html>`.value}`;
}

/** An error or warning, announced to screen readers. */
export function message(text: string | undefined): Html {
  return text ? html`<p class="message" role="alert">${text}</p>` : new Html("");
}
