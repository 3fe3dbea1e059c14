/** Shortens a value quoted back in a message, so a huge input never makes a huge answer or log line. */
export function clip(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}
