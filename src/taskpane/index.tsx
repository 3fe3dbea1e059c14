import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { getAddinRuntime } from "../platform/runtime";
import { App } from "./App";
import { OutsideOffice } from "./components/OutsideOffice";

void Office.onReady((info) => {
  const container = document.getElementById("app");
  if (!container) return;
  // office.js outside Office resolves onReady without a host: say how to open the add-in instead of failing.
  const page = info.host ? <App runtime={getAddinRuntime()} /> : <OutsideOffice previewUrl={new URL("host.html", window.location.href).href} />;
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{page}</FluentProvider>);
});
