import { Button, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useAppContext } from '../../appContext.js';
import { saveFile } from '../../download.js';
import { errorKey } from '../../errors.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { exportFileName } from './privacyDataModel.js';

/**
 * "Download my data" (GDPR article 15): everything Story Wall holds about me, saved as a JSON
 * file. The file is made in the page from the API's answer; nothing is kept elsewhere.
 */
export function DownloadMyData() {
  const t = useT();
  const notify = useNotify();
  const { api, me } = useAppContext();
  const [busy, setBusy] = useState(false);

  async function download() {
    if (!me || busy) return;
    setBusy(true);
    try {
      const data = await api.exportPersonalData(me.id);
      saveFile(JSON.stringify(data, null, 2), exportFileName(data.exportedAt), 'application/json');
      notify({ title: t('privacyData.downloaded'), intent: 'success' });
    } catch (error) {
      notify({
        title: t('privacyData.downloadFailed'),
        body: t(errorKey(error)),
        intent: 'error',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button
      appearance="secondary"
      disabled={!me || busy}
      icon={busy ? <Spinner size="tiny" /> : null}
      onClick={() => void download()}
      data-testid="download-my-data"
    >
      {busy ? t('privacyData.downloading') : t('privacyData.download')}
    </Button>
  );
}
