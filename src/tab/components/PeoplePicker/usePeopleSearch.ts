import { useEffect, useState } from 'react';
import type { PersonDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../errors.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';

/** Where a people search is for the text typed now. */
export type PeopleSearch =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'ready'; items: PersonDto[] }
  | { status: 'error' };

interface Answer {
  q: string;
  items?: PersonDto[];
  failed?: boolean;
}

/**
 * The directory's people for `query` (`GET /api/people?q=`), asked once typing pauses. An answer
 * counts only for the text it was asked for, so a slow answer never shows under newer text.
 */
export function usePeopleSearch(api: ApiClient, query: string, debounceMs = 250): PeopleSearch {
  const wanted = query.trim();
  const asked = useDebouncedValue(wanted, debounceMs);
  const [answer, setAnswer] = useState<Answer | undefined>();

  useEffect(() => {
    if (asked === '') return;
    const abort = new AbortController();
    api.searchPeople(asked, abort.signal).then(
      (found) => setAnswer({ q: asked, items: found.items }),
      (error: unknown) => {
        if (!isAbort(error)) setAnswer({ q: asked, failed: true });
      },
    );
    return () => abort.abort();
  }, [api, asked]);

  if (wanted === '') return { status: 'idle' };
  if (answer?.q !== wanted) return { status: 'searching' };
  if (answer.failed || !answer.items) return { status: 'error' };
  return { status: 'ready', items: answer.items };
}
