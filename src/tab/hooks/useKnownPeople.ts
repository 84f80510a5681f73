import { useEffect, useState } from 'react';
import type { PersonDto } from '../../shared/dto.js';
import type { ApiClient } from '../api/client.js';

/** One request per client (per signed-in user) however many views ask for names. */
const known = new WeakMap<ApiClient, Promise<PersonDto[]>>();

function knownPeople(api: ApiClient): Promise<PersonDto[]> {
  let people = known.get(api);
  if (!people) {
    people = api.people().then(
      (list) => list.items,
      () => {
        // Names are a nicety here: without them ids are shown. The next view may ask again.
        known.delete(api);
        return [];
      },
    );
    known.set(api, people);
  }
  return people;
}

/**
 * Names for the person ids that settings and delegations store (they hold ids only): the people
 * who use the app, by id. Ids it does not know are left for the caller to show as they are.
 */
export function useKnownPeople(api: ApiClient): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let current = true;
    void knownPeople(api).then((people) => {
      if (current) setNames(new Map(people.map((p) => [p.id, p.displayName])));
    });
    return () => {
      current = false;
    };
  }, [api]);
  return names;
}
