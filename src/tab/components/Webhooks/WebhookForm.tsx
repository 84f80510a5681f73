import {
  Button,
  Checkbox,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  useId,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  LIMITS,
  WEBHOOK_EVENTS,
  type NewWebhookDto,
  type WebhookEventDto,
} from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey } from '../../errors.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { useWebhooksStyles } from './Webhooks.styles.js';
import { DEFAULT_EVENTS, EVENT_LABELS } from './webhooksModel.js';

export interface WebhookFormProps {
  onCreated: (created: NewWebhookDto) => void;
  /** While the webhook is being added: the dialog around waits. */
  onBusyChange: (busy: boolean) => void;
}

interface Problems {
  url?: MessageKey;
  events?: MessageKey;
}

/**
 * Adds a webhook: its address, a description and the events it hears. Whether an address may be
 * used depends on the mode and on what its name resolves to, so the API decides; its answer is
 * shown beside the field.
 */
export function WebhookForm({ onCreated, onBusyChange }: WebhookFormProps) {
  const styles = useWebhooksStyles();
  const t = useT();
  const { api } = useAppContext();
  const urlId = useId('webhook-url');
  const eventsId = useId('webhook-events');
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventDto[]>([...DEFAULT_EVENTS]);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<MessageKey | undefined>();

  const address = url.trim();
  const ready = address !== '' && events.length > 0 && !busy;

  function working(on: boolean) {
    setBusy(on);
    onBusyChange(on);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    working(true);
    setProblems({});
    setFailure(undefined);
    const text = description.trim();
    try {
      const created = await api.createWebhook({
        url: address,
        events,
        ...(text ? { description: text } : {}),
      });
      setUrl('');
      setDescription('');
      setEvents([...DEFAULT_EVENTS]);
      onCreated(created);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      if (fields['url'] !== undefined || fields['events'] !== undefined) {
        // The API's words are for logs; the field says it in the reader's language.
        setProblems({
          ...(fields['url'] !== undefined ? { url: 'webhooks.urlInvalid' } : {}),
          ...(fields['events'] !== undefined ? { events: 'webhooks.eventsRequired' } : {}),
        });
        if (fields['url'] !== undefined) document.getElementById(urlId)?.focus();
      } else if (error instanceof ApiError && error.code === 'conflict') {
        setFailure('webhooks.tooMany');
      } else {
        setFailure(errorKey(error));
      }
    } finally {
      working(false);
    }
  }

  function toggle(chosen: WebhookEventDto, on: boolean) {
    setProblems(({ events: _events, ...rest }) => rest);
    setEvents((current) =>
      on
        ? WEBHOOK_EVENTS.filter((e) => e === chosen || current.includes(e))
        : current.filter((e) => e !== chosen),
    );
  }

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label={{ children: t('webhooks.url'), htmlFor: urlId }}
        hint={t('webhooks.urlHint')}
        required
        validationMessage={problems.url ? t(problems.url) : null}
        data-testid="webhook-url-field"
      >
        <Input
          id={urlId}
          type="url"
          value={url}
          maxLength={LIMITS.webhookUrl.max}
          placeholder="https://"
          onChange={(_, data) => {
            setUrl(data.value);
            setProblems(({ url: _url, ...rest }) => rest);
          }}
          data-testid="webhook-url"
        />
      </Field>
      <Field label={t('webhooks.description')} hint={t('webhooks.descriptionHint')}>
        <Input
          value={description}
          maxLength={LIMITS.webhookDescription.max}
          onChange={(_, data) => setDescription(data.value)}
          data-testid="webhook-description"
        />
      </Field>
      {/* Not a Field: each checkbox would take the field's one label and id. */}
      <div>
        <Label id={`${eventsId}-label`} required>
          {t('webhooks.events')}
        </Label>
        <div
          className={styles.events}
          role="group"
          aria-labelledby={`${eventsId}-label`}
          aria-describedby={problems.events ? `${eventsId}-problem` : undefined}
        >
          {WEBHOOK_EVENTS.map((each) => (
            <Checkbox
              key={each}
              label={t(EVENT_LABELS[each])}
              checked={events.includes(each)}
              onChange={(_, data) => toggle(each, data.checked === true)}
              data-testid={`webhook-event-${each}`}
            />
          ))}
        </div>
        {problems.events ? (
          <Text id={`${eventsId}-problem`} className={styles.problem} role="alert">
            {t(problems.events)}
          </Text>
        ) : null}
      </div>
      {failure ? (
        <MessageBar intent="error" data-testid="webhook-create-error">
          <MessageBarBody>{t(failure, { max: LIMITS.webhooks.max })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={!ready}
          icon={busy ? <Spinner size="tiny" /> : null}
          data-testid="webhook-create"
        >
          {t('webhooks.add')}
        </Button>
      </div>
    </form>
  );
}
