// Why a moderator refuses a comment: each reason maps to a guideline, and its
// message is what the author reads (with the moderator's note, if any).

export const REFUSAL_REASONS = [
  { code: 'english', label: 'Not in English', message: 'Comments have to be in English.' },
  { code: 'sentences', label: 'Not in full sentences', message: 'Comments have to be in full sentences.' },
  { code: 'abusive', label: 'Abusive', message: 'Comments cannot be abusive.' },
  {
    code: 'personal',
    label: 'Personal attack',
    message: 'Comments cannot be personal: argue with the point, not the person.',
  },
  { code: 'spam', label: 'Spam or advertising', message: 'Comments cannot be spam or advertising.' },
  { code: 'off-topic', label: 'Off topic', message: 'Comments have to be about the story.' },
  { code: 'other', label: 'Other (see the note)', message: 'A moderator did not publish this comment.' },
] as const;

export const reasonByCode = new Map<string, (typeof REFUSAL_REASONS)[number]>(REFUSAL_REASONS.map((r) => [r.code, r]));
