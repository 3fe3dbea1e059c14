import type { RuntimeAssociations } from "../platform/host-bridge";

/** A ribbon button of manifest.xml that runs a function of the shared runtime (Action xsi:type="ExecuteFunction"). */
export interface RibbonCommand {
  id: string;
  label: string;
  tooltip: string;
  functionName: string;
}

/** The ExecuteFunction buttons of the manifest, with their labels resolved from the resources. */
export function ribbonCommands(manifestXml: string): RibbonCommand[] {
  const xml = new DOMParser().parseFromString(manifestXml, "application/xml");
  const all = [...xml.getElementsByTagName("*")];
  const text = (resid: string | null | undefined) => all.find((element) => element.getAttribute("id") === resid)?.getAttribute("DefaultValue") ?? resid ?? "";
  const child = (parent: Element, name: string) => [...parent.getElementsByTagName("*")].find((element) => element.localName === name);
  return all.filter((element) => element.localName === "Control").flatMap((control) => {
    const action = child(control, "Action");
    if (action?.getAttribute("xsi:type") !== "ExecuteFunction") return [];
    const functionName = child(action, "FunctionName")?.textContent?.trim() ?? "";
    const tooltip = child(control, "Description")?.getAttribute("resid");
    return [{ id: control.getAttribute("id") ?? functionName, label: text(child(control, "Label")?.getAttribute("resid")), tooltip: text(tooltip), functionName }];
  });
}

/**
 * The add-in's ribbon commands as toolbar buttons: a click runs the action the runtime associated
 * (Office.actions.associate) with an event whose completed() ends it, as Excel does; the toolbar says when it ran.
 */
export class RibbonToolbar {
  private runtime: RuntimeAssociations | undefined;
  private readonly notice = document.createElement("span");

  constructor(private readonly container: HTMLElement, private readonly log: (line: string) => void) {
    this.notice.id = "command-notice";
    this.notice.setAttribute("role", "status");
  }

  /** The bridge's registerRuntime: the associations of the newest runtime. */
  register(runtime: RuntimeAssociations): void {
    this.runtime = runtime;
  }

  async load(origin: string): Promise<void> {
    const response = await fetch(`${origin}/manifest.xml`);
    if (!response.ok) throw new Error(`manifest.xml could not be read: HTTP ${response.status}.`);
    for (const command of ribbonCommands(await response.text())) this.container.appendChild(this.button(command));
    this.container.appendChild(this.notice);
  }

  private button(command: RibbonCommand): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = command.label;
    button.title = command.tooltip;
    button.dataset.command = command.functionName;
    button.addEventListener("click", () => this.run(command, button));
    return button;
  }

  private run(command: RibbonCommand, button: HTMLButtonElement): void {
    const action = this.runtime?.actions.get(command.functionName.toUpperCase());
    if (!action) {
      this.notice.textContent = `${command.label}: the add-in has not associated ${command.functionName} yet.`;
      return;
    }
    button.disabled = true;
    this.notice.textContent = `${command.label}: running…`;
    this.log(`command ${command.functionName} started`);
    const event = {
      source: { id: command.id },
      completed: () => {
        button.disabled = false;
        this.notice.textContent = `${command.label}: done at ${new Date().toLocaleTimeString()} (see the taskpane).`;
        this.log(`command ${command.functionName} completed`);
      },
    };
    try {
      action(event);
    } catch (error) {
      event.completed();
      this.notice.textContent = `${command.label} failed: ${(error as Error).message}`;
    }
  }
}
