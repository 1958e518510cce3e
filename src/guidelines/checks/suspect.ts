import { defineCheck, setting } from '../check.ts';
import { Words, wordListVerdict } from './word-lists.ts';

// Suspect words: the site's list of words and phrases a moderator should see
// before the comment appears (a name in a court case, a word of the day's
// trolls). The comment is held, with the site's message as the reason.

export const suspectCheck = defineCheck({
  name: 'suspect',
  rule: { decision: 'hold', nudge: false, message: 'A moderator will read your comment before it appears.' },
  settings: { words: { suspect: setting(Words, []) } },
  run: (p, _context, s) => wordListVerdict(s.words.suspect, p.text, s.rule.message),
});
