import { Button, Spinner } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DownloadedFile } from '../../api/client.js';
import { saveFile } from '../../download.js';
import { errorKey } from '../../errors.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';

export interface ExportButtonProps {
  label: string;
  /** Fetches the file; called on each press. */
  load: () => Promise<DownloadedFile>;
  testId: string;
}

/**
 * Downloads an export (CSV for spreadsheets): busy while the file is made, then saved by the
 * browser, with a note when the export holds only the newest stories, or why it failed.
 */
export function ExportButton({ label, load, testId }: ExportButtonProps) {
  const t = useT();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  async function download() {
    if (busy) return;
    setBusy(true);
    try {
      const file = await load();
      saveFile(file.text, file.fileName, file.type);
      notify({
        title: t('exports.done', { file: file.fileName }),
        ...(file.truncated ? { body: t('exports.truncated') } : {}),
        intent: file.truncated ? 'warning' : 'success',
      });
    } catch (error) {
      notify({ title: t('exports.failed'), body: t(errorKey(error)), intent: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button
      appearance="secondary"
      icon={busy ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
      disabledFocusable={busy}
      onClick={() => void download()}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
