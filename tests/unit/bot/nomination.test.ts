import { describe, expect, it } from 'vitest';
import { findNominee, matchPeople, nominationFormModel } from '../../../src/bot/nomination.js';
import type { TurnUser } from '../../../src/bot/turn.js';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import type { User } from '../../../src/domain/index.js';
import { fakeSettings, fakeUsers } from '../../support/fakes.js';
import { buildActor, buildUser } from '../../support/factories.js';

const ids = DEMO_USER_IDS;
const mikkoMakela = buildUser({
  id: 'user-mikko-m',
  displayName: 'Mikko Mäkelä-Öhman',
  email: 'mikko.makela@example.com',
});
const people: User[] = [...demoUsers(), mikkoMakela];
const emma = people.find((p) => p.id === ids.employee)!;
const turn: TurnUser = { actor: buildActor(emma), user: emma, locale: 'en' };
const names = (found: readonly User[]) => found.map((p) => p.displayName);

describe('matchPeople', () => {
  it.each([
    ['Tomi', ['Tomi Kuljettaja']],
    ['tomi kuljettaja', ['Tomi Kuljettaja']],
    ['Kuljettaja Tomi', ['Tomi Kuljettaja']],
    ['to ku', ['Tomi Kuljettaja']],
    // Sorted as the form sorts names: "Mäkelä" before "Manager".
    ['mikko', ['Mikko Mäkelä-Öhman', 'Mikko Manager']],
    ['Makela', ['Mikko Mäkelä-Öhman']],
    ['Öhman', ['Mikko Mäkelä-Öhman']],
    ['MIKKO.MAKELA@example.com', ['Mikko Mäkelä-Öhman']],
  ])('finds %j', (query, expected) => {
    expect(names(matchPeople(people, query))).toEqual(expected);
  });

  it('prefers the exact name over longer names that start with it', () => {
    const more = [...people, buildUser({ id: 'user-mm2', displayName: 'Mikko Manager-Virtanen' })];
    expect(names(matchPeople(more, 'mikko manager'))).toEqual(['Mikko Manager']);
  });

  it('understands a Finnish ending on a name only when nothing matches as typed', () => {
    // "ehdota Tomia", "ehdota Annaa": the partitive adds a few letters to the name.
    expect(names(matchPeople(people, 'Tomia'))).toEqual(['Tomi Kuljettaja']);
    expect(names(matchPeople(people, 'Annaa'))).toEqual(['Anna Naulakko']);
  });

  it.each(['Zoe', 'Tomi Naulakko', '', '   ', 'x@example.com'])('finds nobody for %j', (query) => {
    expect(matchPeople(people, query)).toEqual([]);
  });
});

describe('findNominee', () => {
  const deps = { users: fakeUsers(people) };

  it('features the one colleague the name matches', async () => {
    expect(await findNominee(turn, { query: 'Tomi' }, deps)).toEqual({
      kind: 'featured',
      person: { id: ids.driver, displayName: 'Tomi Kuljettaja' },
    });
  });

  it('lists every match when the name is ambiguous, featuring nobody', async () => {
    expect(await findNominee(turn, { query: 'Mikko' }, deps)).toEqual({
      kind: 'ambiguous',
      query: 'Mikko',
      people: [
        { id: mikkoMakela.id, displayName: 'Mikko Mäkelä-Öhman' },
        { id: ids.manager, displayName: 'Mikko Manager' },
      ],
    });
  });

  it('says so when nobody matches', async () => {
    expect(await findNominee(turn, { query: 'Zoe' }, deps)).toEqual({
      kind: 'notFound',
      query: 'Zoe',
    });
  });

  it('asks for a name when none was given', async () => {
    expect(await findNominee(turn, {}, deps)).toEqual({ kind: 'unnamed' });
  });

  it('refuses a self-nomination, by name or by mention', async () => {
    expect(await findNominee(turn, { query: 'Emma Employee' }, deps)).toEqual({ kind: 'self' });
    expect(
      await findNominee(
        turn,
        { mentioned: { aadObjectId: ids.employee, name: 'Emma Employee' } },
        deps,
      ),
    ).toEqual({ kind: 'self' });
  });

  it('leaves the nominator out of the matches of a name others share', async () => {
    const other = buildUser({ id: 'user-emma-2', displayName: 'Emma Esimerkki' });
    const found = await findNominee(
      turn,
      { query: 'Emma' },
      { users: fakeUsers([...people, other]) },
    );
    expect(found).toEqual({
      kind: 'featured',
      person: { id: other.id, displayName: 'Emma Esimerkki' },
    });
  });

  it('takes a mentioned person by their object id, over the typed text', async () => {
    const found = await findNominee(
      turn,
      { query: 'Mikko', mentioned: { aadObjectId: ids.manager, name: 'Mikko' } },
      deps,
    );
    expect(found).toEqual({
      kind: 'featured',
      person: { id: ids.manager, displayName: 'Mikko Manager' },
    });
  });

  it('looks a mention up by its name when its id is unknown or missing', async () => {
    expect(
      await findNominee(turn, { mentioned: { aadObjectId: 'not-known', name: 'Anna N' } }, deps),
    ).toEqual({ kind: 'featured', person: { id: ids.cloakroom, displayName: 'Anna Naulakko' } });
    expect(await findNominee(turn, { mentioned: { name: 'Nobody Here' } }, deps)).toEqual({
      kind: 'notFound',
      query: 'Nobody Here',
    });
  });

  it('finds only people of the nominator’s tenant', async () => {
    const foreign = buildUser({
      tenantId: '00000000-0000-4000-8000-0000000000ff',
      id: 'user-foreign',
      displayName: 'Zoe Foreign',
    });
    const directory = fakeUsers([...people, foreign]);
    expect(await findNominee(turn, { query: 'Zoe' }, { users: directory })).toEqual({
      kind: 'notFound',
      query: 'Zoe',
    });
    expect(
      await findNominee(
        turn,
        { mentioned: { aadObjectId: foreign.id, name: 'Zoe Foreign' } },
        { users: directory },
      ),
    ).toEqual({ kind: 'notFound', query: 'Zoe Foreign' });
  });
});

describe('nominationFormModel', () => {
  it('features the nominee on the form, listed among the colleagues', async () => {
    const model = await nominationFormModel(
      turn,
      { kind: 'featured', person: { id: ids.driver, displayName: 'Tomi Kuljettaja' } },
      { settings: fakeSettings(), users: fakeUsers(people) },
    );
    expect(model.values).toEqual({ featured: ids.driver });
    expect(model.nomination).toEqual({ kind: 'featured', name: 'Tomi Kuljettaja' });
    expect(model.people.map((p) => p.id)).toContain(ids.driver);
    expect(model.people.map((p) => p.id)).not.toContain(ids.employee);
  });

  it('lists a nominee beyond the listed colleagues first', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      buildUser({ id: `user-${i}`, displayName: `Aaa ${String(i).padStart(3, '0')}` }),
    );
    const far = buildUser({ id: 'user-far', displayName: 'Zz Far' });
    const model = await nominationFormModel(
      turn,
      { kind: 'featured', person: { id: far.id, displayName: far.displayName } },
      { settings: fakeSettings(), users: fakeUsers([emma, ...many, far]) },
    );
    expect(model.people[0]).toEqual({ id: far.id, displayName: 'Zz Far' });
    expect(model.values).toEqual({ featured: far.id });
  });

  it('puts the matches of an ambiguous name first, none of them chosen', async () => {
    const matches = [
      { id: ids.manager, displayName: 'Mikko Manager' },
      { id: mikkoMakela.id, displayName: 'Mikko Mäkelä-Öhman' },
    ];
    const model = await nominationFormModel(
      turn,
      { kind: 'ambiguous', query: 'Mikko', people: matches },
      { settings: fakeSettings(), users: fakeUsers(people) },
    );
    expect(model.people.slice(0, 2)).toEqual(matches);
    expect(model.people.filter((p) => p.id === ids.manager)).toHaveLength(1);
    expect(model.values).toBeUndefined();
    expect(model.nomination).toEqual({
      kind: 'ambiguous',
      query: 'Mikko',
      names: ['Mikko Manager', 'Mikko Mäkelä-Öhman'],
    });
  });

  it('carries the other notes with an empty featured field', async () => {
    const deps = { settings: fakeSettings(), users: fakeUsers(people) };
    for (const nomination of [
      { kind: 'notFound', query: 'Zoe' },
      { kind: 'self' },
      { kind: 'unnamed' },
    ] as const) {
      const model = await nominationFormModel(turn, nomination, deps);
      expect(model.values).toBeUndefined();
      expect(model.nomination).toEqual(nomination);
    }
  });
});
