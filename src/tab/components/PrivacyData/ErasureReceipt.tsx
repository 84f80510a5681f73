import type { ErasureReceiptDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { formatDateTime } from '../../format.js';
import { useT } from '../../hooks/useT.js';
import { usePrivacyDataStyles } from './PrivacyData.styles.js';
import { receiptRows } from './privacyDataModel.js';

/** What an erasure removed, per kind: how many and where (story ids, months, roles). */
export function ErasureReceipt({ receipt }: { receipt: ErasureReceiptDto }) {
  const styles = usePrivacyDataStyles();
  const t = useT();
  const { language } = useAppContext();
  const rows = receiptRows(receipt);
  const { scanned, complete } = receipt.legacySearch;
  return (
    <section
      className={styles.receipt}
      aria-labelledby="erasure-receipt"
      data-testid="erasure-receipt"
    >
      <h3 id="erasure-receipt" className={styles.heading}>
        {t('privacyData.receipt.heading')}
      </h3>
      <p className={styles.intro} data-testid="erasure-receipt-status">
        {receipt.completedAt
          ? t('privacyData.receipt.completed', {
              date: formatDateTime(receipt.completedAt, language),
            })
          : t('privacyData.receipt.running')}
      </p>
      {rows.length > 0 ? (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('privacyData.receipt.what')}</th>
              <th scope="col">{t('privacyData.receipt.count')}</th>
              <th scope="col">{t('privacyData.receipt.where')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.kind} data-testid={`erasure-receipt-${row.kind}`}>
                <th scope="row">{t(`privacyData.receipt.kind.${row.kind}`)}</th>
                <td>{row.count}</td>
                <td className={styles.ids}>{row.ids.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className={styles.intro}>
        {complete
          ? t('privacyData.receipt.legacy', { count: scanned })
          : t('privacyData.receipt.legacyIncomplete', { count: scanned })}
      </p>
    </section>
  );
}
