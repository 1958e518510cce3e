import { abusiveCheck } from './checks/abusive.ts';
import { bannedCheck } from './checks/banned.ts';
import { englishCheck } from './checks/english.ts';
import { lengthCheck } from './checks/length.ts';
import { personalCheck } from './checks/personal.ts';
import { sentencesCheck } from './checks/sentences.ts';
import { spamCheck } from './checks/spam.ts';
import { suspectCheck } from './checks/suspect.ts';
import { trustCheck } from './checks/trust.ts';

// The community guidelines' checks, in the order they run: cheap and certain
// first. It is also the order moderators read them in and the order of the
// policy's rules. A check is one file under checks/ and one line here.
export const PHASES = [
  lengthCheck,
  bannedCheck,
  suspectCheck,
  englishCheck,
  sentencesCheck,
  abusiveCheck,
  personalCheck,
  spamCheck,
  trustCheck,
] as const;
