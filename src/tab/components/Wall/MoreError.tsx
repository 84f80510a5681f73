import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { errorKey } from '../../errors.js';
import { useT } from '../../hooks/useT.js';

/** Why "Load more" failed; the button stays below it to try again. */
export function MoreError({ error }: { error: unknown }) {
  const t = useT();
  return (
    <MessageBar intent="error">
      <MessageBarBody>{t(errorKey(error))}</MessageBarBody>
    </MessageBar>
  );
}
