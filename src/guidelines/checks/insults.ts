import { normaliseForAbuse, profanityCount } from '../abuse-features.ts';

// Evidence the classifiers need before they refuse. Trained on political
// tweets, they also learned the topics of angry tweets ("the talks will fail",
// "the ministry should be ashamed"), which on a news site is ordinary
// criticism. So a failing score must come with words that insult (a list
// written for Parley, plus obscenity's profanity list), unless the score is
// near certain; and a personal attack must also name its target: the person
// addressed, the writer, or someone called by name or pronoun.

const INSULTS = new Set(
  (
    'idiot idiots idiotic moron morons moronic imbecile imbeciles cretin cretins fool fools foolish dumb dumber dumbest stupid stupidity ' +
    'retard retarded halfwit dimwit nitwit dunce dope clown clowns buffoon buffoons jerk jerks loser losers scum scumbag scumbags ' +
    'pig pigs rat rats snake snakes vermin trash garbage filth filthy pathetic worthless useless disgusting vile creep creepy ' +
    'liar liars coward cowards cowardly hypocrite hypocrites traitor traitors troll trolls shill shills bigot bigots ' +
    'ignorant brainless clueless spineless gutless witless shameless sleazy sleazebag lowlife parasite parasites leech ' +
    'hack hacks stooge stooges puppet puppets bootlicker bootlickers sycophant moronically idiotically ' +
    'ugly fat freak freaks psycho psychopath lunatic lunatics maniac nutjob nutcase crook crooks thief thieves fraud frauds ' +
    'shut kill die hang burn rot'
  ).split(' '),
);

/** Insulting or obscene words in the text (normalised for disguises), at most a few. */
export function insultWords(text: string): string[] {
  const found = (normaliseForAbuse(text).match(/[\p{L}']+/gu) ?? []).filter((w) => INSULTS.has(w));
  if (profanityCount(text) > 0) found.push('(profanity)');
  return [...new Set(found)].slice(0, 5);
}

const TARGET =
  /\b(?:you|your|yours|you're|youre|yourself|u|ur|whoever|writer|author|journalist|reporter|editor|columnist|commenter|poster|he|she|him|her|his|he's|she's)\b/;

/** Someone is addressed or named: a pronoun, the writer, or a name as the first word ("Ravi, …"). */
export function namesTarget(text: string): boolean {
  return TARGET.test(normaliseForAbuse(text)) || /^\s*@?\p{Lu}\p{Ll}+,/u.test(text);
}
