import { LIMITS } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import type { StoryFormField, StoryFormValues } from './storyFormModel.js';
import { TextField } from './TextField.js';

type SourceField = 'customerQuote' | 'sourceUrl' | 'accountName' | 'crmUrl';

export interface SourceFieldsProps {
  values: Pick<StoryFormValues, SourceField>;
  errorOf: (field: StoryFormField) => string | undefined;
  onChange: (field: SourceField, value: string) => void;
}

/**
 * Where a story comes from, each optional: the customer's own words, a link to where it was told,
 * and the customer account with its record in the CRM.
 */
export function SourceFields({ values, errorOf, onChange }: SourceFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField
        name="customerQuote"
        label={t('form.fields.customerQuote')}
        value={values.customerQuote}
        max={LIMITS.customerQuote.max}
        multiline
        error={errorOf('customerQuote')}
        onChange={(value) => onChange('customerQuote', value)}
      />
      <TextField
        name="sourceUrl"
        label={t('form.fields.sourceUrl')}
        type="url"
        value={values.sourceUrl}
        max={LIMITS.sourceUrl.max}
        hint={t('form.hints.sourceUrl')}
        error={errorOf('sourceUrl')}
        onChange={(value) => onChange('sourceUrl', value)}
      />
      <TextField
        name="accountName"
        label={t('form.fields.accountName')}
        value={values.accountName}
        max={LIMITS.accountName.max}
        hint={t('form.hints.accountName')}
        error={errorOf('accountName')}
        onChange={(value) => onChange('accountName', value)}
      />
      <TextField
        name="crmUrl"
        label={t('form.fields.crmUrl')}
        type="url"
        value={values.crmUrl}
        max={LIMITS.crmUrl.max}
        hint={t('form.hints.crmUrl')}
        error={errorOf('crmUrl')}
        onChange={(value) => onChange('crmUrl', value)}
      />
    </>
  );
}
