import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coachStory,
  LIMITS,
  STORY_COACH_FIELDS,
  STORY_COACH_HINTS,
  STORY_COACH_MAX_CHARS,
  STORY_PARTS,
  STORY_QUALITIES,
  type StoryCoachHintCode,
  type StoryCoachInput,
  type StoryCoaching,
} from '../../../src/shared/dto.js';
import { demoStories } from '../../../src/demo/demoStories.js';
import { STRONG_STORIES, THIN_STORY } from '../../support/coachStories.js';
import { costRatio, repeat } from '../../support/linearTime.js';

const jacketEn = STRONG_STORIES.jacketEn;
const jacketFi = STRONG_STORIES.jacketFi;

/** The hints of a draft as `code@field`, the way a reader scans them. */
const hintsOf = (input: StoryCoachInput): string[] =>
  coachStory(input).hints.map((h) => `${h.code}@${h.field}`);
const fires = (input: StoryCoachInput, code: StoryCoachHintCode, field: string): boolean =>
  hintsOf(input).includes(`${code}@${field}`);

describe('the story coach on stories that teach', () => {
  it.each(Object.entries(STRONG_STORIES))('finds nothing to add to %s', (_, story) => {
    expect(coachStory(story)).toEqual({
      quality: 'strong',
      score: 100,
      parts: { situation: 'good', action: 'good', outcome: 'good', lesson: 'good' },
      hints: [],
    });
  });

  it('finds the demo wall’s stories good or strong', () => {
    for (const { story } of demoStories('tenant', new Date('2026-11-02T09:00:00Z'))) {
      expect(['good', 'strong']).toContain(coachStory(story).quality);
    }
  });

  it('reads a story the same whatever language the writer uses the app in', () => {
    for (const story of Object.values(STRONG_STORIES)) {
      const { locale: _, ...texts } = story;
      expect(coachStory(texts).hints).toEqual([]);
    }
  });
});

describe('the story coach on drafts', () => {
  it('finds every part missing in an empty draft: weak, score 0', () => {
    expect(coachStory({})).toEqual({
      quality: 'weak',
      score: 0,
      parts: { situation: 'missing', action: 'missing', outcome: 'missing', lesson: 'missing' },
      hints: STORY_PARTS.map((field) => ({ code: 'missing', field })),
    });
    expect(coachStory({ situation: ' \n ', action: '—', outcome: '!!', lesson: '' }).hints).toEqual(
      STORY_PARTS.map((field) => ({ code: 'missing', field })),
    );
  });

  it('calls a thin story weak and names what to do in each part, in form order', () => {
    const coaching = coachStory(THIN_STORY);
    expect(coaching.quality).toBe('weak');
    expect(coaching.score).toBeLessThan(45);
    expect(coaching.parts).toEqual({
      situation: 'needsWork',
      action: 'needsWork',
      outcome: 'needsWork',
      lesson: 'needsWork',
    });
    expect(hintsOf(THIN_STORY)).toEqual([
      'vague@title',
      'thin@situation',
      'thin@action',
      'thin@outcome',
      'outcomeNoCustomer@outcome',
      'thin@lesson',
      'noDetail@story',
    ]);
  });

  it('rates a draft by what is left to do: one hint keeps it good or strong, more bring it down', () => {
    const grades = [
      jacketEn,
      { ...jacketEn, lesson: 'Tomi was kind to the guest that day in Helsinki.' },
      { ...jacketEn, outcome: 'Everything went well and the event ended on time.', lesson: '' },
      { ...jacketEn, situation: '', outcome: '', lesson: 'Nice.' },
    ].map((story) => coachStory(story));
    expect(grades.map((g) => g.quality)).toEqual(['strong', 'strong', 'fair', 'weak']);
    expect(grades.map((g) => g.score)).toEqual([100, 92, 63, 30]);
    expect(grades[2]?.parts).toEqual({
      situation: 'good',
      action: 'good',
      outcome: 'needsWork',
      lesson: 'missing',
    });
  });
});

describe('each rule of the story coach', () => {
  it('thin: counts words, not characters', () => {
    const long = { ...jacketFi, situation: 'Asiakaspalvelutiimiläinen seminaarihallissa.' };
    expect(long.situation.length).toBeGreaterThan(40);
    expect(fires(long, 'thin', 'situation')).toBe(true);
    const short = { ...jacketEn, lesson: 'If in doubt, ask them.' };
    expect(fires(short, 'thin', 'lesson')).toBe(false);
    expect(fires({ ...jacketEn, lesson: 'Ask them.' }, 'thin', 'lesson')).toBe(true);
  });

  it('vague: fires when vague words dominate, in English and Finnish', () => {
    const en = {
      ...jacketEn,
      outcome: 'Something really nice happened with the guest, great stuff and good things.',
    };
    expect(fires(en, 'vague', 'outcome')).toBe(true);
    const fi = { ...jacketFi, outcome: 'Asiakkaalle tuli tosi kiva juttu ja hyvä mieli kaikesta.' };
    expect(fires(fi, 'vague', 'outcome')).toBe(true);
    expect(fires({ ...jacketEn, title: 'Great stuff' }, 'vague', 'title')).toBe(true);
    expect(fires({ ...jacketFi, title: 'Hyvä juttu' }, 'vague', 'title')).toBe(true);
  });

  it('vague: stays quiet for one vague word among concrete ones', () => {
    const one = { ...jacketEn, outcome: `${jacketEn.outcome} It was a great evening.` };
    expect(fires(one, 'vague', 'outcome')).toBe(false);
    // "hyväksyi" (approved) is no "hyvä".
    const approved = { ...jacketFi, outcome: `${jacketFi.outcome} Esihenkilö hyväksyi kulut.` };
    expect(fires(approved, 'vague', 'outcome')).toBe(false);
  });

  it('situationNoCustomer: fires when the situation names no customer', () => {
    const en = {
      ...jacketEn,
      situation: 'The printer broke down on a busy Monday and the queue grew long by noon.',
    };
    expect(fires(en, 'situationNoCustomer', 'situation')).toBe(true);
    const fi = {
      ...jacketFi,
      situation: 'Tulostin hajosi kiireisenä maanantaina, ja asiakirjat jäivät tulostamatta.',
    };
    expect(fires(fi, 'situationNoCustomer', 'situation')).toBe(true);
  });

  it('situationNoCustomer: knows customers by inflection, in compounds and by pronoun', () => {
    const situations = [
      'Toimitus myöhästyi, ja asiakkaalle oli luvattu paketti perjantaiksi ennen kello 12.',
      'Seminaariasiakkaan lento myöhästyi, ja tilaisuus alkoi jo kello 9 Messukeskuksessa.',
      'Hän soitti meille perjantaina, koska paketti oli kadonnut matkalla Tampereelle.',
      'Two passengers missed the last train to Turku at 23.10 on a Sunday night.',
      'She called us on Friday because her parcel had been lost on its way to Tampere.',
    ];
    for (const situation of situations) {
      expect(fires({ ...jacketEn, situation }, 'situationNoCustomer', 'situation')).toBe(false);
    }
  });

  it('outcomeNoCustomer: fires when the outcome says nothing of the customer', () => {
    const en = { ...jacketEn, outcome: 'Everything went well and the event ended on time.' };
    expect(fires(en, 'outcomeNoCustomer', 'outcome')).toBe(true);
    const fi = {
      ...jacketFi,
      outcome: 'Tilaisuus päättyi ajallaan ja kaikki sujui suunnitellusti.',
    };
    expect(fires(fi, 'outcomeNoCustomer', 'outcome')).toBe(true);
  });

  it('outcomeNoCustomer: stays quiet when the customer is there in any form', () => {
    const outcomes = [
      'Hän kiitti meitä lämpimästi vielä seuraavana päivänä.',
      'Vieraille jäi tilaisuudesta hyvä mieli, ja moni kiitti erikseen.',
      'Matkustajat ehtivät jatkoyhteyteensä ja lähettivät kiitoksen.',
      'The clients signed the renewal the following week.',
      'They sent a thank-you card to the whole team.',
    ];
    for (const outcome of outcomes) {
      expect(fires({ ...jacketFi, outcome }, 'outcomeNoCustomer', 'outcome')).toBe(false);
    }
  });

  it('lessonRepeatsAction: fires when the lesson retells the action', () => {
    const en = { ...jacketEn, lesson: 'Tomi lent his own suit jacket to the seminar guest.' };
    expect(hintsOf(en)).toContain('lessonRepeatsAction@lesson');
    // Finnish inflections match by their stem: asiakkaan / asiakkaalle, takkinsa / takin.
    const fi = {
      ...jacketFi,
      action: 'Tomi antoi oman takkinsa asiakkaalle seminaaripäiviksi.',
      lesson: 'Jos asiakkaan takki unohtuu, Tomi antaa takkinsa seminaaripäivien ajaksi.',
    };
    expect(hintsOf(fi)).toContain('lessonRepeatsAction@lesson');
  });

  it('lessonRepeatsAction: stays quiet for a lesson that draws something new', () => {
    for (const story of Object.values(STRONG_STORIES)) {
      expect(fires(story, 'lessonRepeatsAction', 'lesson')).toBe(false);
    }
    const customerOnly = { ...jacketEn, lesson: 'When the customer is cold, think of comfort.' };
    expect(fires(customerOnly, 'lessonRepeatsAction', 'lesson')).toBe(false);
  });

  it('lessonNotGeneral: fires for a lesson that only tells what happened', () => {
    const en = { ...jacketEn, lesson: 'Tomi was kind to the guest that day in Helsinki.' };
    expect(hintsOf(en)).toEqual(['lessonNotGeneral@lesson']);
    const fi = { ...jacketFi, lesson: 'Tomi oli ystävällinen ja iloinen koko päivän.' };
    expect(hintsOf(fi)).toEqual(['lessonNotGeneral@lesson']);
  });

  it('lessonNotGeneral: knows advice by its words, and Finnish by its endings', () => {
    const lessons = [
      'Always look at what the guest is missing.',
      'We notice more than we think.',
      'Kannattaa katsoa, mitä asiakkaalta puuttuu.',
      'Huomaamme enemmän kuin luulemme.',
      'Pienikin ele jää asiakkaan mieleen.',
    ];
    for (const lesson of lessons) {
      expect(fires({ ...jacketFi, lesson }, 'lessonNotGeneral', 'lesson')).toBe(false);
    }
  });

  it('lessonNotGeneral: reads "me" as "we" only in a Finnish story', () => {
    const lesson = 'Me emme jätä asiakasta pulaan.';
    expect(fires({ ...jacketFi, lesson, locale: 'fi' }, 'lessonNotGeneral', 'lesson')).toBe(false);
    const en = { ...jacketEn, lesson: 'It taught me a lot about service.' };
    expect(fires(en, 'lessonNotGeneral', 'lesson')).toBe(true);
  });

  it('sameText: fires for a part that repeats an earlier one, whatever its case and stops', () => {
    const story = { ...jacketEn, outcome: `${jacketEn.action.toUpperCase()}!!` };
    expect(coachStory(story).hints).toEqual([
      { code: 'sameText', field: 'outcome', other: 'action' },
    ]);
    // The lesson that is the action says so once, not twice.
    const lesson = { ...jacketEn, lesson: jacketEn.action };
    expect(hintsOf(lesson)).toEqual(['sameText@lesson', 'lessonNotGeneral@lesson']);
    expect(fires(jacketEn, 'sameText', 'outcome')).toBe(false);
  });

  it('noDetail: fires when nothing concrete is told', () => {
    const plain = {
      locale: 'en',
      title: 'Help with a lost bag',
      situation: 'A customer had lost a bag somewhere in the building and was worried.',
      action: 'Our colleague walked the customer through every hall until they found the bag.',
      outcome: 'The customer was relieved and thanked our colleague for the patience.',
      lesson: 'When a customer is worried, walk with them rather than point the way.',
    } as const;
    expect(hintsOf(plain)).toEqual(['noDetail@story']);
    // A capitalised word that starts a sentence, or follows a colon, is no name.
    const starts = { ...plain, outcome: `${plain.outcome} Then they went home: Relieved.` };
    expect(fires(starts, 'noDetail', 'story')).toBe(true);
  });

  it('noDetail: stays quiet for a number, a time, a quoted phrase or a name', () => {
    const plain = {
      situation: 'A customer had lost a bag somewhere in the building and was worried.',
      action: 'Our colleague walked the customer through every hall until they found the bag.',
      outcome: 'The customer was relieved and thanked our colleague for the patience.',
      lesson: 'When a customer is worried, walk with them rather than point the way.',
    };
    const details = [
      { action: `${plain.action} It took 40 minutes.` },
      { situation: `${plain.situation} It was late on a Friday evening.` },
      { situation: 'Asiakas oli hukannut laukkunsa rakennukseen tiistaiaamuna ja oli huolissaan.' },
      { outcome: 'The customer said: “You saved my day.”' },
      { outcome: 'Asiakas sanoi: ”Pelastitte päiväni.”' },
      { action: 'Our colleague walked the customer to the Hall B lost property desk.' },
    ];
    for (const detail of details) {
      expect(fires({ ...plain, ...detail }, 'noDetail', 'story')).toBe(false);
    }
  });

  it('reads each field only up to its cap', () => {
    const filler = 'word '.repeat(STORY_COACH_MAX_CHARS / 5);
    const late = { ...jacketEn, lesson: `${filler} when we notice, we act` };
    expect(fires(late, 'lessonNotGeneral', 'lesson')).toBe(true);
    // The cap is the longest a valid field may be: a valid story is read whole.
    const longest = Math.max(...STORY_PARTS.map((part) => LIMITS[part].max), LIMITS.title.max);
    expect(STORY_COACH_MAX_CHARS).toBe(longest);
  });
});

describe('the story coach on any input', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc
      .array(
        fc.constantFrom(
          'asiakas',
          'customer',
          'Tomi',
          'when',
          'kun',
          '"',
          '”',
          '.',
          ' ',
          '9',
          'kiva',
          'juttu',
          'great',
          '\n',
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(' ')),
  );
  const draft = fc.record(
    {
      title: text,
      situation: text,
      action: text,
      outcome: text,
      lesson: text,
      locale: fc.constantFrom('en' as const, 'fi' as const),
    },
    { requiredKeys: [] },
  );

  const consistent = (coaching: StoryCoaching) => {
    expect(Number.isInteger(coaching.score)).toBe(true);
    expect(coaching.score).toBeGreaterThanOrEqual(0);
    expect(coaching.score).toBeLessThanOrEqual(100);
    expect(STORY_QUALITIES).toContain(coaching.quality);
    for (const hint of coaching.hints) {
      expect(STORY_COACH_HINTS).toContain(hint.code);
      expect(STORY_COACH_FIELDS).toContain(hint.field);
    }
    for (const part of STORY_PARTS) {
      const own = coaching.hints.filter((hint) => hint.field === part);
      expect(coaching.parts[part]).toBe(
        own.some((h) => h.code === 'missing') ? 'missing' : own.length > 0 ? 'needsWork' : 'good',
      );
    }
  };

  it('never throws, answers the same twice, and keeps its answer consistent', () => {
    fc.assert(
      fc.property(draft, (input) => {
        const first = coachStory(input);
        expect(coachStory(input)).toEqual(first);
        consistent(first);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a field of any shape in time linear in its length', () => {
    const shapes = [
      repeat(' '),
      repeat('a'),
      repeat('A. '),
      repeat('Tomi '),
      repeat('"'),
      repeat('asiakas '),
    ];
    for (const shape of shapes) {
      const ratio = costRatio(
        (lesson) => coachStory({ situation: lesson, action: lesson, outcome: lesson, lesson }),
        shape,
        STORY_COACH_MAX_CHARS,
      );
      expect(ratio).toBeLessThan(4);
    }
  });
});
