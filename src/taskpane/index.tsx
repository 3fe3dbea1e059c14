import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { getAddinRuntime } from "../platform/runtime";
import { App } from "./App";

Office.onReady(() => {
  const container = document.getElementById("app");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App runtime={getAddinRuntime()} />
    </FluentProvider>,
  );
});
