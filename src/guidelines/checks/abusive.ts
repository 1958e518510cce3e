import { defineCheck, setting } from '../check.ts';
import { abuseReading, Bands, bandedVerdict, bandsFor } from './abuse.ts';

// Guideline: "Comments cannot be abusive." Insults, slurs, obscenity, threats
// and identity attacks, whoever they are aimed at, disguised spellings too.
// Parley's own model of news comments (models/guidelines.pglm, trained by npm
// run train:guidelines): a calibrated probability, bands from the model (or
// the site's policy), and the words that carry the abuse for the author to
// revise. Quality and limits in docs/guidelines.md.

export const abusiveCheck = defineCheck({
  name: 'abusive',
  rule: { decision: 'refuse', nudge: true, message: 'Comments cannot be abusive: please take out the insults.' },
  settings: { bands: { abusive: setting(Bands, { hold: null, refuse: null }) } },
  run: (p, _context, s) => {
    const reading = abuseReading(p);
    return bandedVerdict(
      reading.abuse,
      bandsFor(s.bands.abusive, p.model.bands.abuse),
      'This comment reads as abusive: insults, slurs, obscenity or threats.',
      reading.spans,
    );
  },
});
