import type { LocaleDto } from '../../src/shared/dto.js';

/** The texts the story coach reads, as a form holds them. */
export interface CoachStory {
  readonly locale: LocaleDto;
  readonly title: string;
  readonly situation: string;
  readonly action: string;
  readonly outcome: string;
  readonly lesson: string;
}

/**
 * The three true stories of the source article ("Johda asiakaskokemusta tarinoilla
 * onnistumisista": the driver's jacket, the restless baby, the loose button), each told in all
 * four parts, in Finnish as the article tells them and in English. Stories that teach: the coach
 * has nothing to add.
 */
export const STRONG_STORIES = {
  jacketFi: {
    locale: 'fi',
    title: 'Kuljettajan oma takki',
    situation:
      'First Class -asiakkaiden autonkuljettajana työskentelevä Tomi on noutanut seminaariasiakkaan lentokentältä. Messukeskukselle saapuessaan asiakas huomaa harmikseen unohtaneensa pikkutakkinsa lähtömaahan.',
    action:
      'Tomi oivaltaa hetkessä, että hän on asiakkaan kanssa suunnilleen samaa kokoa, ja antaa oman puvuntakkinsa asiakkaan käyttöön seminaaripäiviksi – povitaskussa olevine muistikirjoineen päivineen.',
    outcome:
      'Asiakas ilahtui valtavasti ja kertoi tarinan seminaarissa kaikille tapaamilleen ihmisille. Hän kiitti meitä vielä jälkikäteen sähköpostilla.',
    lesson:
      'Kun huomaat asiakkaan pulan, kannattaa miettiä, mitä itse voit antaa. Pienikin oma-aloitteinen ele jää mieleen.',
  },
  babyFi: {
    locale: 'fi',
    title: 'Vauva rauhoittui, äiti kuunteli',
    situation:
      'Asiakaspalvelutiimiläinen Niklas on seminaarihallissa auttamassa tapahtumavieraita, kun hän huomaa asiakkaan sylivauvan käyvän levottomaksi kesken puheen.',
    action:
      'Tilannetajuinen Niklas tarjoutuu huolehtimaan vauvasta hetken käytävällä, jotta äiti ja lähellä istuvat vieraat voivat keskittyä kuuntelemaan puhujaa.',
    outcome:
      'Äiti sai kuunnella puheen loppuun rauhassa ja kiitti Niklasta lämpimästi. Lähellä istuneet vieraat kiittivät myös.',
    lesson:
      'Kun näet, että asiakkaan keskittyminen on uhattuna, tarjoa apua ennen kuin häntä ehtii pyytää.',
  },
  buttonFi: {
    locale: 'fi',
    title: 'Nappi ommeltiin kiinni',
    situation:
      'Naulakkopalvelussa työskentelevä Anna huomaa, että asiakkaan takista repsottaa nappi, kun asiakas jättää takkinsa narikkaan.',
    action:
      'Anna jää omasta tahdostaan narikkaan ompelemaan napin kiinni, vaikka voisi samaan aikaan katsoa livestream-huoneessa Barack Obaman puhetta.',
    outcome:
      'Takkiaan hakeva asiakas yllättyi iloisesti korjatusta napista ja kertoi kokemuksestaan somessa.',
    lesson:
      'Pienikin huomaavainen teko, jota asiakas ei pyytänyt, voi yllättää ja jäädä mieleen pitkäksi aikaa.',
  },
  jacketEn: {
    locale: 'en',
    title: 'The driver’s own jacket',
    situation:
      'Tomi, our First Class driver, picked up a seminar guest from the airport. When they arrived at the Messukeskus venue, the guest realised he had left his jacket at home in another country.',
    action:
      'Tomi saw that they were about the same size and lent the guest his own suit jacket for both seminar days, notebook in the pocket and all.',
    outcome:
      'The guest wore the jacket through the seminar, told everyone he met about it and wrote to thank us after the event.',
    lesson:
      'When a customer is in trouble, ask yourself what you could give of your own. A personal gesture is remembered far longer than any procedure.',
  },
  babyEn: {
    locale: 'en',
    title: 'A calm baby, a listening mother',
    situation:
      'During a keynote in the seminar hall, Niklas from the service team noticed that a customer’s baby was getting restless on her lap.',
    action:
      'Niklas offered to look after the baby in the corridor for a while, so the mother and the guests sitting nearby could keep listening to the speaker.',
    outcome:
      'The mother heard the rest of the talk in peace and thanked Niklas warmly afterwards; the guests around her thanked him too.',
    lesson:
      'If you see something keeping a customer from what they came for, offer help before they have to ask.',
  },
  buttonEn: {
    locale: 'en',
    title: 'The loose button',
    situation:
      'Anna works in the cloakroom. While hanging up a guest’s coat she noticed that one of its buttons was hanging loose.',
    action:
      'Anna stayed in the cloakroom to sew the button back on, although she could have watched Barack Obama’s talk in the livestream room at the same time.',
    outcome:
      'When the guest came to fetch her coat, she was surprised and delighted by the mended button and told her friends about it.',
    lesson:
      'Small acts of care that nobody asked for are remembered for years: when you notice a detail, act on it.',
  },
} as const satisfies Record<string, CoachStory>;

/**
 * A story too thin to retell, though every field passes the forms' length checks: each part a few
 * words, the outcome without the customer, the title and the reaction vague, nothing concrete.
 */
export const THIN_STORY = {
  locale: 'en',
  title: 'Good job',
  situation: 'A customer came in.',
  action: 'We helped out there.',
  outcome: 'It was really great.',
  lesson: 'Help people out.',
} as const satisfies CoachStory;
