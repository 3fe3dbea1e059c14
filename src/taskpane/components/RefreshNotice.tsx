import { Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { AddinRuntime } from "../../platform/runtime";

/** What the ribbon's "Refresh Binck data" did last: requests made and when the data was fetched. */
export function RefreshNotice({ notice }: { notice: AddinRuntime["refreshNotice"] }) {
  const [text, setText] = useState(notice.current());
  useEffect(() => notice.onChange(setText), [notice]);
  if (!text) return null;
  return <Text id="refresh-notice" size={200}>{text}</Text>;
}
