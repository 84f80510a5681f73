import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/bot/commands.js';

describe('parseCommand', () => {
  it.each([
    ['help', 'help', 'en'],
    ['HELP', 'help', 'en'],
    ['  help  ', 'help', 'en'],
    ['help!', 'help', 'en'],
    ['apua', 'help', 'fi'],
    ['Ohje', 'help', 'fi'],
    ['share a story', 'share', 'en'],
    ['Share   a\tStory.', 'share', 'en'],
    ['kerro tarina', 'share', 'fi'],
    ['Kerro  TARINA', 'share', 'fi'],
    ['<at>Story Wall</at> share a story', 'share', 'en'],
    ['<at id="0">Story Wall</at>&nbsp;help', 'help', 'en'],
    ['post stories here', 'postHere', 'en'],
    ['<at>Story Wall</at> Post stories here.', 'postHere', 'en'],
    ['julkaise tarinat täällä', 'postHere', 'fi'],
    ['<at>Story Wall</at>&nbsp;Julkaise  tarinat TÄÄLLÄ!', 'postHere', 'fi'],
    ['my stories', 'myStories', 'en'],
    ['Omat tarinat', 'myStories', 'fi'],
  ] as const)('reads %j as %s, in %s', (text, name, locale) => {
    expect(parseCommand(text)).toEqual({ name, locale });
  });

  it.each([undefined, '', 'hello', 'share a story please', 'help me with this', 'nominated'])(
    'does not guess at %j',
    (text) => {
      expect(parseCommand(text)).toEqual({ name: 'unknown' });
    },
  );

  describe('nominate', () => {
    it.each(['nominate', 'Nominate!', 'ehdota', '  EHDOTA. ', '<at>Story Wall</at> nominate'])(
      'reads %j as a nomination without a name',
      (text) => {
        const locale = /ehdota/i.test(text) ? 'fi' : 'en';
        expect(parseCommand(text)).toEqual({ name: 'nominate', locale });
      },
    );

    it.each([
      ['nominate Mikko', 'Mikko'],
      ['Nominate   Mikko\tManager.', 'Mikko Manager'],
      ['ehdota Tomi Kuljettaja!', 'Tomi Kuljettaja'],
      ['ehdota&nbsp;Anna', 'Anna'],
      // A mention of the person keeps its name; a leading mention of the bot is dropped.
      ['ehdota <at>Mikko Manager</at>', 'Mikko Manager'],
      ['<at>Story Wall</at> nominate <at id="1">Anna Naulakko</at>', 'Anna Naulakko'],
      // The name keeps its case and letters as typed.
      ['ehdota Mäkelä-Öhman', 'Mäkelä-Öhman'],
    ] as const)('reads the name in %j', (text, nominee) => {
      const locale = /ehdota/i.test(text) ? 'fi' : 'en';
      expect(parseCommand(text)).toEqual({ name: 'nominate', nominee, locale });
    });

    it('cuts a very long name to 100 characters', () => {
      const parsed = parseCommand(`nominate ${'x'.repeat(500)}`);
      expect(parsed).toEqual({ name: 'nominate', nominee: 'x'.repeat(100), locale: 'en' });
    });
  });
});

describe('the commands the app package offers', () => {
  const read = (file: string) =>
    JSON.parse(readFileSync(new URL(`../../../appPackage/${file}`, import.meta.url), 'utf8')) as {
      bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    } & Record<string, string>;
  const manifest = read('manifest.json');
  const finnish = read('fi-fi.json');
  const titles = manifest.bots[0]!.commandLists.flatMap((list, l) =>
    list.commands.flatMap((command, c) => [
      command.title,
      finnish[`bots[0].commandLists[${l}].commands[${c}].title`] ?? '',
    ]),
  );

  it.each(titles)('are all understood: %j', (title) => {
    expect(parseCommand(title).name).not.toBe('unknown');
  });

  it('offer "post stories here" in team channels, in English and Finnish', () => {
    const team = manifest.bots[0]!.commandLists.findIndex((list) => list.scopes.includes('team'));
    const commands = manifest.bots[0]!.commandLists[team]!.commands;
    const index = commands.findIndex((command) => command.title === 'post stories here');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(finnish[`bots[0].commandLists[${team}].commands[${index}].title`]).toBe(
      'julkaise tarinat täällä',
    );
  });

  it('offer nominate in personal chat, in English and Finnish', () => {
    expect(titles).toEqual(expect.arrayContaining(['nominate', 'ehdota']));
  });
});
