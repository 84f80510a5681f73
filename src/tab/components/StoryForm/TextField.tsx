import { Field, Input, Textarea, mergeClasses } from '@fluentui/react-components';
import { useStoryFormStyles } from './StoryForm.styles.js';
import { useT } from '../../hooks/useT.js';

export interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  max: number;
  onChange: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'url';
}

/** A labelled text input with a length counter from LIMITS and its validation message. */
export function TextField({
  name,
  label,
  value,
  max,
  onChange,
  required = false,
  multiline = false,
  hint,
  error,
  type = 'text',
}: TextFieldProps) {
  const styles = useStoryFormStyles();
  const t = useT();
  const length = value.length;
  const id = `story-form-${name}`;
  const control = {
    id,
    name,
    value,
    // The browser stops typing at the limit; pasted text over it still gets a clear message.
    maxLength: max,
    'data-testid': id,
  };

  return (
    <Field
      // The label names the input's own id (kept for focusing the first invalid field), not the
      // id Field would generate for a control without one.
      label={{ children: label, htmlFor: id }}
      required={required}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? null}
      hint={
        <span className={styles.hint}>
          <span>{hint}</span>
          <span className={mergeClasses(styles.counter, length > max && styles.counterOver)}>
            {t('form.counter', { count: length, max })}
          </span>
        </span>
      }
    >
      {multiline ? (
        <Textarea {...control} resize="vertical" onChange={(_, data) => onChange(data.value)} />
      ) : (
        <Input {...control} type={type} onChange={(_, data) => onChange(data.value)} />
      )}
    </Field>
  );
}
