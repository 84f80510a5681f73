/**
 * English texts of the bot. Values may use Adaptive Card markdown; `{{placeholders}}` are filled
 * with values already escaped by the card builders, never with raw user text.
 */
export const en = {
  help: {
    title: 'Story Wall',
    welcome: 'Welcome to Story Wall!',
    intro:
      'Tell true stories of moments when someone went beyond what a customer expected. Your manager approves each story, and approved stories are published on the story wall for everyone to learn from.',
    how: 'A good story says what the situation was, what was done, how the customer reacted, and the lesson for everyone else.',
    commands: 'What you can ask me',
    commandShare: '**share a story**: opens the story form',
    commandNominate: '**nominate** *name*: opens the story form with that colleague featured',
    commandMyStories: '**my stories**: lists your stories and where each one stands',
    commandHelp: '**help**: shows this card',
    commandPostHere:
      '**post stories here** (admins, mentioning me in a team channel): published stories are posted to that channel',
    share: 'Share a story',
  },
  myStories: {
    title: 'My stories',
    empty: 'You have not told any stories yet. Type **share a story** to tell one.',
    more: 'Only your newest stories are listed here; the story wall’s My stories has them all.',
  },
  hint: {
    unknown:
      'I did not catch that. Type **help** to see what I can do, or **share a story** to tell one.',
    personalOnly:
      'Stories are told in a personal chat with me: open the chat with Story Wall and type **share a story**.',
  },
  form: {
    title: 'Share a story',
    intro:
      'Tell about a moment when someone went beyond what a customer expected. Fields marked with * are required.',
    invalid: 'Please check these fields: {{fields}}.',
    required: 'This field is required.',
    submit: 'Send for approval',
    editTitle: 'Edit your story',
    editIntro:
      'Make the changes asked for and send the story again. Fields marked with * are required.',
    resubmit: 'Send again for approval',
    fields: {
      title: { label: 'Title', placeholder: 'A short headline for the story' },
      situation: {
        label: 'Situation',
        placeholder: 'What was going on, and what did the customer need?',
      },
      action: { label: 'What was done', placeholder: 'What did your colleague or you do?' },
      outcome: { label: "Customer's reaction", placeholder: 'How did the customer react?' },
      lesson: { label: 'Lesson', placeholder: 'What can everyone learn from this?' },
      team: { label: 'Team', placeholder: 'e.g. Customer service', choose: 'Choose your team' },
      category: { label: 'Category', placeholder: 'Choose the kind of moment' },
      featured: { label: 'Featured colleagues', placeholder: 'Who went the extra mile?' },
      customerQuote: {
        label: 'Customer praise (optional)',
        placeholder: 'What the customer said, word for word',
      },
      sourceUrl: { label: 'Link to the source (optional)', placeholder: 'https://…' },
      accountName: {
        label: 'Customer account (optional)',
        placeholder: 'The customer company, as your CRM names it',
      },
      crmUrl: { label: 'Link to the account in the CRM (optional)', placeholder: 'https://…' },
    },
    consent: {
      label: 'Consent',
      title: 'Customer details in this story may be published',
    },
  },
  coach: {
    check: 'Check my story',
    title: 'Story coach',
    intro: 'Nothing has been sent yet. Improve the story if you like, then send it for approval.',
    quality: 'Quality: **{{quality}}** ({{score}}/100)',
    levels: {
      weak: 'Weak',
      fair: 'Fair',
      good: 'Good',
      strong: 'Strong',
    },
    verdicts: {
      missing: 'Missing',
      needsWork: 'Needs work',
      good: 'Ready',
    },
    hint: '**{{field}}:** {{text}}',
    wholeStory: 'Whole story',
    allGood: 'Nothing to add: this story teaches. Others can retell it and learn from it.',
    hints: {
      missing: 'Not written yet. {{question}}',
      thin: 'Too short to retell: add a few words on who, where and what exactly.',
      sameText: 'The same text as “{{other}}”. Tell this part in its own words.',
      vague: 'Vague words (“great”, “something”, “nice”) say little. Say what exactly happened.',
      situationNoCustomer:
        'Who was the customer, and what did they need? Name them, even as “a guest” or “a passenger”.',
      outcomeNoCustomer: 'Say how the customer reacted: what did they say or do?',
      lessonRepeatsAction:
        'The lesson repeats what was done. What can others learn from it for their own work?',
      lessonNotGeneral: 'Make it advice others can follow: “When…, …” or “We can always…”.',
      noDetail: 'Add one concrete detail: a time, a number, a place or the customer’s own words.',
    },
  },
  personalData: {
    formNotice:
      'This story may contain personal data. Remove what the story does not need and send it again, or choose **Send anyway**.',
    approvalNotice: 'Check for personal data before you decide. The story may contain:',
    line: '{{field}}: {{kinds}}',
    sendAnyway: 'Send anyway',
    fields: {
      title: 'Title',
      situation: 'Situation',
      action: 'What was done',
      outcome: "Customer's reaction",
      lesson: 'Lesson',
      customerQuote: 'Customer praise',
    },
    kinds: {
      email: 'an e-mail address',
      phone: 'a phone number',
      personalId: 'a personal identity code',
      iban: 'a bank account number (IBAN)',
      card: 'a payment card number',
    },
  },
  nominate: {
    featured:
      'You are nominating **{{name}}**. Tell what they did for the customer; you can add more colleagues under {{field}}.',
    ambiguous:
      'Several colleagues match “{{query}}”: {{names}}. Pick the right one under {{field}}.',
    notFound: 'I could not find anyone called “{{query}}”. Pick your colleague under {{field}}.',
    self: 'You cannot nominate yourself, but your story is welcome: pick the colleagues who took part under {{field}}, or leave it empty.',
    unnamed:
      'Who would you like to nominate? Pick them under {{field}}, or type **nominate** and their name.',
  },
  extension: {
    shareTitle: 'Share as story',
    noStories: 'No stories match your search. Try other words.',
    emptyWall: 'There are no stories on the wall yet.',
  },
  category: {
    'beyond-expectations': 'Beyond expectations',
    care: 'Care',
    'quick-thinking': 'Quick thinking',
    craftsmanship: 'Craftsmanship',
    teamwork: 'Teamwork',
    'customer-praise': 'Customer praise',
  },
  thanks: {
    title: 'Thank you for your story!',
    resubmittedTitle: 'Your story was sent again!',
    pending: '“{{title}}” is now waiting for approval by {{approver}}.',
    next: 'I will tell you here when it has been decided.',
    unknownApprover: 'your approver',
  },
  story: {
    toldBy: 'Told by {{author}}',
    /** An erased author, kept on their published stories under a pseudonym. */
    formerColleague: 'A former colleague',
    situation: 'Situation',
    action: 'What was done',
    outcome: "Customer's reaction",
    lesson: 'Lesson',
    team: 'Team',
    category: 'Category',
    featured: 'Featured',
    quote: 'Customer praise',
    source: 'Open the source',
    account: 'Customer account',
    openInCrm: 'Open the account in the CRM',
  },
  approval: {
    heading: 'A story is waiting for your decision',
    approve: 'Approve',
    requestChanges: 'Request changes',
    changesLabel: 'What should change?',
    changesPlaceholder: 'Tell the author what to add or fix',
    sendChanges: 'Send the request',
    reject: 'Reject',
    rejectLabel: 'Reason (optional)',
    rejectPlaceholder: 'Why is the story not published?',
    sendReject: 'Reject the story',
    reminder: 'Reminder: this story is still waiting for your decision.',
    stage: 'Stage {{stage}} of {{stages}}',
    waitingFor: 'Waiting for {{names}}',
    approvedSoFar: 'Approved so far: {{names}}',
    reassign: 'Reassign',
    reassignLabel: 'Who should decide instead?',
    reassignPlaceholder: 'Search for a colleague',
    reassignCommentLabel: 'Note for the record (optional)',
    reassignCommentPlaceholder: 'e.g. I am on leave until Monday',
    sendReassign: 'Hand it on',
    reassigned: 'Handed on to {{name}}.',
  },
  status: {
    pending: 'Waiting for a decision',
    published: 'Approved and published',
    changes_requested: 'Changes requested',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
    archived: 'Archived',
    hidden: 'Hidden by the editors',
    decidedBy: 'Decided by {{name}}',
    comment: 'Comment: {{comment}}',
  },
  decided: {
    approve: 'Your story “{{title}}” was approved and is now on the story wall. Thank you!',
    changes: '{{name}} asked for changes to your story “{{title}}”.',
    reject: 'Your story “{{title}}” was not published.',
    expire:
      'Nobody decided on your story “{{title}}” in time, so it is back with you. Edit it and send it again.',
    comment: '{{name}} wrote: {{comment}}',
    edit: 'Edit and resubmit',
  },
  featured: {
    title: 'You are featured in a story!',
    told: '{{author}} told a story featuring you: “{{title}}”. It is now on the story wall for everyone to learn from.',
    thanks: 'Thank you for going beyond what the customer expected!',
    remove: 'Remove my name',
    control: 'You decide: you can take your name off this story at any time.',
    removed: 'Your name is no longer on “{{title}}”. Every copy of the story shows it without you.',
    askTitle: 'May your name be shown in a story?',
    ask: '{{author}} told a story featuring you: “{{title}}”. Your name is shown to the company only once you confirm.',
    askPublished:
      '{{author}} told a story featuring you: “{{title}}”. It is on the story wall; your name is shown there only once you confirm.',
    confirm: 'Confirm',
    confirmed:
      'Thank you! Your name is shown on “{{title}}”. You can still take it off at any time.',
    awaiting: '{{name}} (not confirmed yet)',
  },
  channel: {
    featured: 'Featuring {{names}}',
    votes: 'Votes',
    vote: 'Vote',
    hidden: 'The editors took this story down. It is not shown while they review it.',
    voted: 'Thank you for your vote!',
    set: 'Done: published stories will be posted to this channel.',
    adminOnly: 'Sorry, only a Story Wall admin can choose the channel where stories are posted.',
    channelOnly:
      'To choose where published stories are posted, mention me in that team channel with **post stories here**.',
  },
  award: {
    kicker: 'Story of the month · {{month}}',
    replaced:
      'Chosen as the story of the month for {{month}}; the editors have since chosen another story.',
    citation: 'Why the editors chose it',
    thanks: 'Thank you for going beyond what the customer expected, and for telling us about it!',
    noticeTitle: 'Story of the month · {{month}}',
    noticeAuthor:
      'Congratulations! Your story “{{title}}” is the story of the month for {{month}}. It is announced in the company channel and shown on the story wall.',
    noticeFeatured:
      'Congratulations! “{{title}}”, told by {{author}} and featuring you, is the story of the month for {{month}}. It is announced in the company channel and shown on the story wall.',
  },
  digest: {
    weeklyTitle: 'Stories of the week',
    weeklyByVotes: 'The most-voted stories of {{period}}',
    weeklyNewest: 'The newest stories of {{period}}',
    monthlyTitle: 'Your team’s stories of the month',
    monthlyIntro_one: 'Your team published {{count}} story ({{period}}).',
    monthlyIntro_other: 'Your team published {{count}} stories ({{period}}).',
    monthlyWhy: 'You get this summary as the manager of the people who told these stories.',
    toldBy: 'Told by {{author}}, {{team}}',
    votes_one: '{{count}} vote',
    votes_other: '{{count}} votes',
    lesson: '**Lesson:** {{lesson}}',
    more_one: '… and {{count}} more story on the story wall.',
    more_other: '… and {{count}} more stories on the story wall.',
  },
  errors: {
    generic: 'Sorry, something went wrong on my side. Please try again in a moment.',
    unauthenticated:
      'Sorry, I could not tell who you are. Please open Story Wall in Teams and try again.',
    forbidden: 'Only the approver of this story can decide on it.',
    not_found: 'I could not find that story. It may have been removed.',
    illegal_transition: 'This story has already been decided, so it cannot be changed any more.',
    conflict: 'Someone changed this story at the same time. Please try again.',
    no_approver:
      'Your story could not be sent: no approver is set up for you. Please ask your admin.',
    validation: 'Some of the information is not valid. Please check it and try again.',
    rate_limited: 'Too many requests right now. Please try again in a moment.',
    unavailable: 'Story Wall is unavailable right now. Please try again in a moment.',
    missingComment: 'Please say what should change.',
    missingPerson: 'Please choose the colleague who should decide.',
    notWaiting: 'This story no longer waits for your decision.',
    already_voted: 'You have already voted for this story.',
    self_vote: 'You cannot vote for a story about yourself.',
    notAuthor: 'Only the author of this story can edit it.',
    unknownAction: 'This button no longer does anything. Type **help** to see what I can do.',
    notEditable:
      'This story is not waiting for changes any more, so it cannot be edited here. It may have been sent again already.',
  },
} as const;

/** The shape every locale must fill: the same keys as English, any text. */
export type Messages = Widen<typeof en>;
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
