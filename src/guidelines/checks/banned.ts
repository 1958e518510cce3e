import { defineCheck, setting } from '../check.ts';
import { Words, wordListVerdict } from './word-lists.ts';

// Banned words: the site's own list of words and phrases it does not publish.
// The comment is refused, with the site's message as the reason.

export const bannedCheck = defineCheck({
  name: 'banned',
  rule: { decision: 'refuse', nudge: false, message: 'Your comment uses words this site does not publish.' },
  settings: { words: { banned: setting(Words, []) } },
  run: (p, _context, s) => wordListVerdict(s.words.banned, p.text, s.rule.message),
});
