import { defineCheck, setting } from '../check.ts';
import { abuseReading, Bands, bandedVerdict, bandsFor } from './abuse.ts';

/**
 * Insults said of a person, by the tagger's probability of the strongest
 * word: held from 0.3, refused from 0.5 (the tagger's own threshold for an
 * abusive word). Chosen on data the frozen sets are not: at 0.3 the rule
 * holds 0.5% of OLID's inoffensive tweets and 0.3% of Fox News' civil
 * comments; at 0.5, 0.1% of each.
 */
const AIMED = { hold: 0.3, refuse: 0.5 };

// Guideline: "Comments cannot be personal." An attack aimed at a person (the
// reader replied to, the writer, a public figure as a person) rather than at
// what they said or did: "the minister's plan is a fraud" is criticism, "the
// minister is a fraud" is personal. The same model as the abusive check reads
// who the words are aimed at ("you", a name or an office before a copula).

export const personalCheck = defineCheck({
  name: 'personal',
  rule: {
    decision: 'refuse',
    nudge: true,
    message: 'Comments cannot be personal: argue with the point, not the person.',
  },
  settings: {
    bands: {
      personal: setting(Bands, { hold: null, refuse: null }),
      // the tagger's probability of an insult said of a person; null: the shipped 0.3 and 0.5
      personalAimed: setting(Bands, { hold: null, refuse: null }),
    },
  },
  run: (p, _context, s) => {
    const reading = abuseReading(p);
    const reason = 'This comment reads as a personal attack: it goes after a person, not the argument.';
    const byModel = bandedVerdict(
      reading.personal,
      bandsFor(s.bands.personal, p.model.bands.personal),
      reason,
      reading.spans,
    );
    const aimed = reading.aimed();
    if (!aimed || (byModel.verdict === 'fail' && !byModel.decision)) return byModel;
    const bands = bandsFor(s.bands.personalAimed, AIMED);
    if (aimed.score < bands.hold) return byModel;
    // the words said of the person are the ones the author should see
    const word = {
      start: aimed.start,
      end: aimed.end,
      type: 'insult' as const,
      score: Math.round(aimed.score * 1000) / 1000,
    };
    const aimedVerdict = bandedVerdict(aimed.score, bands, reason, () => [word]);
    if (byModel.verdict === 'fail' && aimedVerdict.decision) return byModel;
    return { ...aimedVerdict, score: Math.max(byModel.score ?? 0, aimedVerdict.score ?? 0) };
  },
});
