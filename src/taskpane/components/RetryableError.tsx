import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";

export interface RetryableErrorProps {
  id: string;
  endUserMessage: string;
  onRetry(): void;
}

/** An error a person can do something about: its endUserMessage and a Try again button. */
export function RetryableError({ id, endUserMessage, onRetry }: RetryableErrorProps) {
  return (
    <MessageBar intent="error" id={id}>
      <MessageBarBody>{endUserMessage}</MessageBarBody>
      <MessageBarActions>
        <Button id={`${id.replace(/-error$/, "")}-retry`} onClick={onRetry}>Try again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
