/**
 * The story coach's word lists (`storyCoach.ts`), English and Finnish side by side: a story may be
 * written in either language, so every list applies to every text. Words are lowercase; stems are
 * matched at the start of a word, customer stems anywhere in it (Finnish compounds).
 */
import type { LocaleDto } from './dto.js';

/*
 * The lists are built when this module loads, marked pure so that a bundle that re-exports the
 * coach without calling it (the tab's first page, through dto.ts) leaves them out: the coach
 * then travels with the story form that uses it.
 */
const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

export const STOP_WORDS = /* @__PURE__ */ words(
  // English
  'a an the and or but so nor to of in on at by for with from into onto up down out over off ' +
    'about as than then that this these those there here it its is are was were be been being ' +
    'am do does did done have has had not no yes i me my mine we us our ours you your yours he ' +
    'him his she her hers they them their theirs who whom whose which what where why how all ' +
    'any each every such just also too only even still own same other another again after ' +
    'before while during until because if when whenever always never can could will would ' +
    'shall should may might must let s t d ll re ve m get got go went one ' +
    // Finnish
    'ja tai mutta että kun jos on oli olla ole olen olet ovat olivat olisi olisivat ollut ' +
    'olleet ei en et emme ette eivät se sen sitä siitä siinä sille siihen ne niiden niitä ' +
    'niille niistä tämä tämän tätä tässä tähän tästä nämä näitä tuo tuon joka jonka jota jossa ' +
    'johon jolle josta jotka joita mikä minkä mitä missä mihin mistä miten miksi kuka ketä kuin ' +
    'niin myös vain jo vielä sitten nyt kuten koska vaikka sekä eli siis hän häntä hänet hänen ' +
    'hänelle he heidän heitä heille me meidän meille meitä minä mä minun minulle sinä sä sinun ' +
    'te teidän oma oman omaa omat kanssa ennen jälkeen aikana kautta mukaan yli pois ylös alas ' +
    'voi voisi pitää täytyy aina kaikki jokainen kaikkien',
);

/** Words that stand for the customer exactly as they are. */
export const CUSTOMER_WORDS = /* @__PURE__ */ words(
  'he she they him her them his hers their theirs himself herself themselves mother father ' +
    'parent parents family ' +
    'hän hänen häntä hänet hänelle hänestä hänellä häneltä hänessä he heidän heitä heidät ' +
    'heille heistä heillä heiltä heissä',
);
/**
 * Stems that stand for the customer anywhere in a word: Finnish compounds end in their head
 * ("seminaariasiakkaan" is a customer), and inflection keeps these stems.
 */
export const CUSTOMER_STEMS = [
  'customer',
  'guest',
  'client',
  'visitor',
  'passenger',
  'patient',
  'buyer',
  'shopper',
  'attendee',
  'caller',
  'diner',
  'traveller',
  'traveler',
  'participant',
  'audience',
  'consumer',
  'asiak',
  'viera',
  'kävijä',
  'kävijö',
  'matkustaj',
  'potila',
  'ostaj',
  'osallistuj',
  'asukka',
  'asukas',
  'soittaj',
  'käyttäj',
  'tilaaj',
  'kuulij',
  'yleisö',
  'äiti',
  'äidi',
  'perhe',
];
/** Words that hold a customer stem and are no customer ("asiakirja" is a document). */
export const NOT_CUSTOMER_STEMS = ['asiakirj'];

/** Words that say nothing specific on their own. */
export const VAGUE_WORDS = /* @__PURE__ */ words(
  'something somehow anything stuff thing things great nice good awesome amazing wonderful ' +
    'fantastic cool super perfect excellent lovely best really very lot lots okay ok ' +
    'jotain jotakin jokin jotenkin hyvä hyvää hyvin hyviä hyvät hyvän asia asiaa asiat asioita ' +
    'tosi todella ihan paljon',
);
/** Finnish stems of vague words, matched at the start of a word ("kivaa", "juttuja"). */
export const VAGUE_STEMS = ['jutt', 'jutu', 'homm', 'kiva', 'mahtav', 'upea', 'loistav', 'huippu'];

/** Words that turn a lesson into advice others can apply. */
export const GENERAL_WORDS = /* @__PURE__ */ words(
  'always never when whenever if every everyone everybody each we us our you your anyone ' +
    'anybody whoever should can must next often sometimes any people worth remember matter ' +
    'matters ' +
    'kannattaa kannata aina kun jos meidän meille meitä meistä meillä sinä sinun sä jokainen ' +
    'jokaisen jokaiselle kaikki kaikkien kaikille kukaan koskaan usein joskus pitää täytyy ' +
    'muista muistaa',
);
/** General words of one language only: English "me" is no "we". */
export const GENERAL_WORDS_OF: Readonly<Record<LocaleDto, ReadonlySet<string>>> = {
  en: /* @__PURE__ */ new Set(),
  fi: /* @__PURE__ */ words('me'),
};
/** Finnish endings of general words: "voimme", "teemme" (we); "pienikin" (even a small). */
export const GENERAL_ENDINGS = ['mme', 'kin'];

/** Words that place a story in time ("March" and "May" are verbs too: capitalised, they are names). */
export const TIME_WORDS = /* @__PURE__ */ words(
  'monday tuesday wednesday thursday friday saturday sunday january february april june ' +
    'july august september october november december morning afternoon evening night ' +
    'midnight noon yesterday today tonight tomorrow weekend minute minutes hour hours pm ' +
    'clock christmas summer winter spring autumn ' +
    'eilen tänään huomenna klo kello yöllä keskiyöllä',
);
/** Finnish stems of words that place a story in time (weekdays, months, times of day). */
export const TIME_STEMS = [
  'maanant',
  'tiista',
  'keskivii',
  'torsta',
  'perjanta',
  'lauanta',
  'sunnunta',
  'tammik',
  'helmik',
  'maalisk',
  'huhtik',
  'toukok',
  'kesäk',
  'heinäk',
  'elokuu',
  'syysk',
  'lokak',
  'marrask',
  'aamu',
  'illal',
  'ilta',
  'viikonlop',
  'minuut',
  'tunnin',
  'tuntia',
  'joulu',
  'kesäll',
  'talve',
];
export const QUOTE_MARKS = /* @__PURE__ */ new Set(['"', '“', '”', '„', '«', '»']);
/** What may stand before a capitalised word that starts a sentence rather than names someone. */
export const SENTENCE_BREAKS = /* @__PURE__ */ new Set([
  '.',
  '!',
  '?',
  '…',
  ':',
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  '(',
]);
