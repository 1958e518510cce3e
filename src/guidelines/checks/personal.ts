import { defineCheck, setting } from '../check.ts';
import { abuseReading, Bands, bandedVerdict, bandsFor } from './abuse.ts';

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
  settings: { bands: { personal: setting(Bands, { hold: null, refuse: null }) } },
  run: (p, _context, s) => {
    const reading = abuseReading(p);
    return bandedVerdict(
      reading.personal,
      bandsFor(s.bands.personal, p.model.bands.personal),
      'This comment reads as a personal attack: it goes after a person, not the argument.',
      reading.spans,
    );
  },
});
