import { describe, expect, it } from 'vitest';
import {
  coachHintLines,
  coachPartLines,
  coachSummary,
  coachView,
} from '../../../src/tab/components/StoryCoach/storyCoachModel.js';
import { STRONG_STORIES, THIN_STORY } from '../../support/coachStories.js';
import { translatorFor } from './translator.js';

const { locale: _en, ...thin } = THIN_STORY;
const { locale: _fi, ...strongFi } = STRONG_STORIES.buttonFi;

describe('the story coach panel’s model', () => {
  it('waits for a word in one of the four parts before it judges', () => {
    expect(
      coachView({ ...thin, situation: '', action: ' ', outcome: '', lesson: '' }, 'en'),
    ).toEqual({ state: 'empty' });
    expect(coachView(thin, 'en')).toMatchObject({
      state: 'coached',
      coaching: { quality: 'weak' },
    });
  });

  it('names the part of every hint, in English', async () => {
    const t = await translatorFor('en');
    const view = coachView({ ...thin, lesson: '' }, 'en');
    if (view.state !== 'coached') throw new Error('expected a reading');
    expect(coachHintLines(view.coaching.hints, t).map((line) => line.text)).toEqual([
      'Title: Vague words (“great”, “something”, “nice”) say little. Say what exactly happened.',
      'Situation: Too short to retell: add a few words on who, where and what exactly.',
      'What was done: Too short to retell: add a few words on who, where and what exactly.',
      'How the customer reacted: Too short to retell: add a few words on who, where and what exactly.',
      'How the customer reacted: Say how the customer reacted: what did they say or do?',
      'Lesson: Not written yet. What can all of us learn from this?',
      'Whole story: Add one concrete detail: a time, a number, a place or the customer’s own words.',
    ]);
    expect(coachSummary(view.coaching, t)).toBe('Story quality: Weak, 15 of 100. 7 suggestions.');
    expect(coachPartLines(view.coaching, t).map((line) => line.text)).toEqual([
      'Situation: needs work',
      'What was done: needs work',
      'How the customer reacted: needs work',
      'Lesson: missing',
    ]);
  });

  it('speaks Finnish, and names the part a text repeats', async () => {
    const t = await translatorFor('fi');
    const view = coachView({ ...strongFi, outcome: strongFi.action }, 'fi');
    if (view.state !== 'coached') throw new Error('expected a reading');
    expect(coachHintLines(view.coaching.hints, t).map((line) => line.text)).toEqual([
      'Miten asiakas reagoi: Sama teksti kuin kohdassa ”Mitä tehtiin”. Kerro tämä osa omin sanoin.',
      'Miten asiakas reagoi: Kerro, miten asiakas reagoi: mitä hän sanoi tai teki?',
    ]);
    expect(coachSummary(view.coaching, t)).toBe('Tarinan laatu: Kohtalainen, 68/100. 2 ehdotusta.');
  });

  it('says a strong story has nothing to add', async () => {
    const t = await translatorFor('fi');
    const view = coachView(strongFi, 'fi');
    if (view.state !== 'coached') throw new Error('expected a reading');
    expect(view.coaching.hints).toEqual([]);
    expect(coachSummary(view.coaching, t)).toBe('Tarinan laatu: Vahva, 100/100. Ei ehdotuksia.');
    expect(coachPartLines(view.coaching, t).map((line) => line.text)).toEqual([
      'Tilanne: kunnossa',
      'Mitä tehtiin: kunnossa',
      'Miten asiakas reagoi: kunnossa',
      'Opetus: kunnossa',
    ]);
  });
});
