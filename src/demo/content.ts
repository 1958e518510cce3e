import type { Block } from '../articles/body.ts';

// Demo content written for Parley: a fictional paper, fictional people and
// events. Times are offsets from the moment the demo is seeded, so the front
// page always has today's news.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const demoSite = {
  id: 'demo',
  name: 'The Meridian Herald',
  tagline: 'Independent news since 1921',
  timeZone: 'Asia/Kolkata',
  language: 'en',
  guidelines: [
    'Please write your comment in English, in complete sentences. Be robust about ideas and gentle with people: no abuse, and nothing personal. Read our community guidelines before you post.',
    '1. Write in English, so that every reader and moderator can follow the conversation.',
    '2. Write in full sentences. One-word replies, slogans, strings of emoji and comments in capital letters are not published.',
    '3. Do not abuse anyone: no insults, slurs, obscenity, threats or hatred, however they are spelled.',
    '4. Do not make it personal. Criticise arguments, policies and institutions, not the people who hold or run them, and never other readers or our journalists.',
    '5. No spam: no advertising, repeated comments or floods of links.',
  ].join('\n'),
};

export const demoSections = [
  { slug: 'world', name: 'World', description: 'Diplomacy, conflict and politics beyond our borders.' },
  { slug: 'national', name: 'National', description: 'News from across the country.' },
  { slug: 'business', name: 'Business', description: 'Markets, companies and the economy.' },
  { slug: 'sport', name: 'Sport', description: 'Cricket, football and everything else that is played.' },
  { slug: 'science', name: 'Science', description: 'Research, health and the environment.' },
  { slug: 'opinion', name: 'Opinion', description: 'Comment and analysis from our writers.' },
];

export const demoAuthors = [
  {
    slug: 'anjali-menon',
    name: 'Anjali Menon',
    title: 'Diplomatic Correspondent',
    bio: 'Anjali covers foreign policy and the region from the capital.',
  },
  {
    slug: 'rohan-das',
    name: 'Rohan Das',
    title: 'Sports Editor',
    bio: 'Rohan has followed six tournaments from the press box.',
  },
  {
    slug: 'meera-iyer',
    name: 'Meera Iyer',
    title: 'Business Reporter',
    bio: 'Meera writes about markets, trade and small firms.',
  },
  {
    slug: 'kabir-sethi',
    name: 'Kabir Sethi',
    title: 'Science Writer',
    bio: 'Kabir reports on climate, health and research institutions.',
  },
  {
    slug: 'farah-qureshi',
    name: 'Farah Qureshi',
    title: 'Senior Associate Editor',
    bio: 'Farah writes the Wednesday column on public life.',
  },
];

export interface DemoArticle {
  slug: string;
  section: string;
  authors: string[];
  headline: string;
  standfirst: string;
  dateline: string | null;
  tags: string[];
  /** milliseconds before the seeding moment */
  publishedAgo: number;
  updatedAgo?: number;
  body: Block[];
  pick?: number;
}

const p = (text: string): Block => ({ type: 'paragraph', text });

export const demoArticles: DemoArticle[] = [
  {
    slug: 'island-nations-agree-to-reopen-fisheries-talks',
    section: 'world',
    authors: ['anjali-menon'],
    headline: 'Island nations agree to reopen fisheries talks after two-year freeze',
    standfirst:
      'Negotiators from the three governments had not met since a summit in Lisbon ended without a joint statement.',
    dateline: 'Colombo',
    tags: ['Diplomacy', 'Fisheries', 'Indian Ocean'],
    publishedAgo: 412 * DAY + 5 * HOUR,
    updatedAgo: 2 * DAY + 3 * HOUR,
    pick: 2,
    body: [
      p(
        'The governments of three Indian Ocean island states will resume negotiations over shared fishing grounds next month, a senior official of the host country said on Tuesday, ending a freeze that began when their last summit collapsed.',
      ),
      p(
        'Deputy foreign minister Nalini Perera told reporters that technical teams would meet for two days of preparatory contact before ministers join them. She did not say which city would host the ministerial round.',
      ),
      {
        type: 'quote',
        text: 'We expect the technical talks to clear the ground for an agreement that protects both the catch and the people who depend on it.',
        cite: 'Nalini Perera, deputy foreign minister',
      },
      { type: 'heading', text: 'Why the talks stalled' },
      p(
        "The Lisbon summit broke down over quotas for tuna and over who should pay for patrol vessels. Since then, two of the countries have detained each other's trawlers on several occasions, and fishing communities on both sides have complained of falling catches.",
      ),
      p(
        'Analysts in the region said the shift followed a change of government in one of the three capitals. "There is finally someone on the other side of the table who wants a deal," said a researcher at the [Institute of Maritime Affairs](https://example.org/maritime), who asked not to be named because she advises one of the delegations.',
      ),
      p(
        "*Update:* this report was revised to include the dates announced for the ministerial round and a comment from the fishermen's federation, which welcomed the talks but asked to be represented in them.",
      ),
    ],
  },
  {
    slug: 'monsoon-arrives-early-over-kerala-coast',
    section: 'national',
    authors: ['kabir-sethi'],
    headline: 'Monsoon arrives over the Kerala coast four days early, forecasters say',
    standfirst:
      'The weather office expects normal rainfall over most of the country, with a weaker August in the north-west.',
    dateline: 'Thiruvananthapuram',
    tags: ['Monsoon', 'Weather'],
    publishedAgo: 3 * HOUR,
    pick: 1,
    body: [
      p(
        'The south-west monsoon set in over the Kerala coast on Sunday, four days ahead of its usual date, the national weather office said in its morning bulletin.',
      ),
      p(
        "Forecasters said the rain-bearing winds were likely to advance into coastal Karnataka and the north-eastern States within the week. Farmers' groups welcomed the news, which comes after a hot and dry pre-monsoon season.",
      ),
      { type: 'heading', text: 'What the forecast means for sowing' },
      p(
        'Agricultural scientists cautioned that an early onset does not guarantee a good season. "Distribution through July and August matters more than the first day," said a scientist at a State agricultural university.',
      ),
    ],
  },
  {
    slug: 'small-lenders-report-rise-in-rural-credit',
    section: 'business',
    authors: ['meera-iyer'],
    headline: 'Small lenders report a sharp rise in rural credit demand',
    standfirst: 'Microfinance firms say loans for tractors and two-wheelers drove the growth in the last quarter.',
    dateline: 'Mumbai',
    tags: ['Banking', 'Rural economy'],
    publishedAgo: 6 * HOUR,
    body: [
      p(
        'Demand for credit from rural borrowers grew at its fastest pace in three years in the last quarter, according to figures released by an industry association of small lenders on Monday.',
      ),
      p(
        'Lenders attributed the rise to a good harvest and to higher prices for vegetables, which left farming households with more cash to spend and more confidence to borrow.',
      ),
      p(
        'Economists were more cautious. Some warned that repayment rates, which fell during the last drought, have not fully recovered in several districts.',
      ),
    ],
  },
  {
    slug: 'city-council-approves-new-metro-line',
    section: 'national',
    authors: ['farah-qureshi'],
    headline: 'City council approves a fourth metro line after a decade of planning',
    standfirst: 'The 27-kilometre line will connect the airport with the old city and is expected to open in 2031.',
    dateline: 'Bengaluru',
    tags: ['Transport', 'Urban planning'],
    publishedAgo: 9 * HOUR,
    body: [
      p(
        'The city council on Friday approved the alignment of a fourth metro line, ending a decade of debate over the route through the crowded old quarter.',
      ),
      p(
        'The line will run underground for most of its length and will have nineteen stations. The council said land acquisition would begin within six months.',
      ),
      p(
        "Residents' associations along the route said they would study the plans before deciding whether to challenge them.",
      ),
    ],
  },
  {
    slug: 'researchers-map-coral-recovery-in-lakshadweep',
    section: 'science',
    authors: ['kabir-sethi'],
    headline: 'Researchers map a surprising coral recovery in the Lakshadweep lagoons',
    standfirst: 'Reefs bleached in a marine heatwave have regrown faster than expected in sheltered lagoons.',
    dateline: 'Kavaratti',
    tags: ['Climate', 'Oceans'],
    publishedAgo: 20 * HOUR,
    body: [
      p(
        'Coral reefs in three sheltered lagoons have recovered much of the cover they lost in a marine heatwave four years ago, a team of marine biologists reported in a paper published this week.',
      ),
      p(
        'The researchers surveyed more than two hundred plots by diving and with underwater drones. They found that branching corals had regrown fastest where fishing pressure was lowest.',
      ),
      {
        type: 'quote',
        text: 'Recovery is possible, but only where we give reefs the time and the quiet to do it.',
        cite: "The study's lead author",
      },
    ],
  },
  {
    slug: 'what-the-budget-means-for-first-time-buyers',
    section: 'business',
    authors: ['meera-iyer'],
    headline: "What this year's budget means for first-time home buyers",
    standfirst: 'A higher deduction on interest helps, but stamp duty remains the largest hurdle in most States.',
    dateline: null,
    tags: ['Budget', 'Housing'],
    publishedAgo: 28 * HOUR,
    body: [
      p(
        'The budget raised the deduction on home-loan interest for first-time buyers, a change that tax advisers say will save a typical salaried buyer a modest sum each year.',
      ),
      p(
        "Builders' associations welcomed the move but said stamp duty, which is set by the States, remained the largest cost that buyers face at the time of purchase.",
      ),
    ],
  },
  {
    slug: 'why-public-libraries-deserve-more-money',
    section: 'opinion',
    authors: ['farah-qureshi'],
    headline: 'Why our public libraries deserve more money, not less',
    standfirst: 'Libraries are among the last public places where nobody has to buy anything to stay.',
    dateline: null,
    tags: ['Libraries', 'Public spending'],
    publishedAgo: 2 * DAY,
    pick: 3,
    body: [
      p(
        'Every budget season, the library is the first line to be cut and the last to be restored. That is a mistake, and the cost of it falls on those who can least afford a quiet room, a working computer or a book of their own.',
      ),
      p(
        'A library is not a warehouse of paper. It is where students without a desk at home prepare for examinations, where older readers find company and where job seekers fill in forms they cannot print elsewhere.',
      ),
      { type: 'heading', text: 'A modest proposal' },
      p(
        'Councils should publish how many people use each branch and what it costs to run. The figures, in every city that has published them, make the case better than any column can.',
      ),
    ],
  },
  {
    slug: 'national-team-names-squad-for-asia-cup',
    section: 'sport',
    authors: ['rohan-das'],
    headline: 'National team names an experienced squad for the Asia Cup',
    standfirst:
      "Two uncapped players are among the twenty-three, but the coach has leaned on the core that reached last year's final.",
    dateline: 'Kolkata',
    tags: ['Football', 'Asia Cup'],
    publishedAgo: 30 * HOUR,
    body: [
      p(
        "The national football team's coach named a twenty-three-member squad for the Asia Cup on Thursday, keeping faith with most of the players who reached last year's regional final.",
      ),
      p(
        'The two uncapped players, a winger from the north-east and a young goalkeeper, impressed in the domestic league this season.',
      ),
    ],
  },
];

export const demoLiveblog = {
  slug: 'continental-cup-live-group-stage-final-day',
  section: 'sport',
  authors: ['rohan-das'],
  topic: 'Continental Cup 2026',
  shortTitle: 'Continental Cup group stage',
  headline: 'Continental Cup group stage, final day: hosts through as Group C goes to the wire',
  standfirst: 'Follow every goal, card and twist of the last round of group matches with our team in the stadiums.',
  dateline: 'Doha',
  tags: ['Football', 'Continental Cup'],
  startedAgo: 4 * HOUR,
};

export const demoLiveEntries: { minutesAgo: number; headline: string; text: string; keyEvent?: boolean }[] = [
  {
    minutesAgo: 235,
    headline: 'Welcome to the final day of the group stage',
    text: 'Four matches, two groups and six teams still hoping. We will bring you every moment from both stadiums.',
  },
  {
    minutesAgo: 215,
    headline: 'Team news: hosts unchanged',
    text: 'The hosts name the same eleven that beat the islanders on Monday. Their captain passed a late fitness test.',
  },
  {
    minutesAgo: 200,
    headline: 'Kick-off in both Group B matches',
    text: 'We are under way at the harbour stadium and across the city at the university ground.',
  },
  {
    minutesAgo: 182,
    headline: 'GOAL: hosts lead through a header from a corner',
    text: 'The centre-back rises highest and the stadium erupts. The hosts are top of Group B for now.',
    keyEvent: true,
  },
  {
    minutesAgo: 171,
    headline: "Yellow card for the visitors' captain",
    text: 'A late challenge in midfield, and the referee had no hesitation.',
  },
  {
    minutesAgo: 150,
    headline: 'Half-time in Group B',
    text: 'The hosts lead by a goal; the other match is goalless. As it stands the hosts and the mountain side go through.',
  },
  {
    minutesAgo: 128,
    headline: 'Equaliser at the university ground',
    text: 'A deflected shot finds the corner and changes the table again. Goal difference now separates second and third.',
    keyEvent: true,
  },
  {
    minutesAgo: 104,
    headline: 'Full time: hosts through as group winners',
    text: 'The hosts hold on for a one-goal win and finish top of Group B with seven points.',
    keyEvent: true,
  },
  {
    minutesAgo: 80,
    headline: 'Group C line-ups are in',
    text: 'Both favourites rest players who are one booking away from a suspension.',
  },
  {
    minutesAgo: 60,
    headline: 'Kick-off in Group C',
    text: 'The decisive round of Group C is under way in both stadiums.',
  },
  {
    minutesAgo: 33,
    headline: 'Penalty saved!',
    text: 'The goalkeeper guesses right and keeps the group leaders level. Every team in Group C can still go through.',
    keyEvent: true,
  },
  {
    minutesAgo: 9,
    headline: 'Goalless at half-time in both Group C matches',
    text: 'Forty-five minutes to decide who stays and who goes home. Stay with us for the second half.',
  },
];
