/**
 * The passwords people choose most, which every guessing list tries first
 * (ASVS 2.1.7, NIST SP 800-63B 5.1.1.2). Written from the well-known top lists
 * of breached passwords, not downloaded: a compact list is enough, because a
 * candidate is also compared without the digits, symbols and capitals people
 * add to meet a rule ("Password1!", "P@ssw0rd2024", "sunshine123" are all
 * "password" or "sunshine"), and without "leetspeak" substitutions.
 */
const LIST = `
123456 123456789 12345678 1234567890 12345 1234567 111111 000000 123123 123321 654321 666666 121212 112233
123654 159753 147258369 987654321 7777777 88888888 11111111 1111111111 0000000000 1234512345 1122334455
123456a 123456abc 123abc 123qwe qwe123 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qazxsw2 zaq12wsx
zaq1zaq1 q1w2e3r4 q1w2e3r4t5 qazwsx qazwsxedc a1b2c3 a1b2c3d4 aa123456 abc123 abcd1234 abc12345 12345qwert
qwerty qwertyuiop qwertyui qwerty1 qwerty123 qwerty12345 qwertyqwerty qwertz azerty asdf asdfgh asdfghjkl
asdfasdf zxcvbn zxcvbnm zxcvbnm123 abcdef abcdefg abc
password password1 password12 password123 password1234 passw0rd passwd pass pass123 passpass passwort
passwordpassword mypassword newpassword nopassword yourpassword thepassword secretpassword pa55word
motdepasse contrasena senha parola wachtwoord haslo salasana losenord parool jelszo heslo sifre
iloveyou iloveu iloveme loveme lovely lovelove love loveyou ilovemyself iloveyou1 iloveyou2 iloveyou123
letmein letmeinnow letmein123 welcome welcome1 welcome123 hello hello123 helloworld trustno1 trustme
changeme secret secret123 admin admin123 administrator root toor guest user test test123 testing default
access login master master123 system server oracle mysql postgres qwerty2024 please opensesame
sunshine princess football baseball basketball soccer hockey monkey dragon shadow superman batman
spiderman ironman starwars whatever freedom charlie michael jennifer jordan jordan23 hunter hunter2
mustang ferrari porsche corvette harley yamaha computer internet samsung google facebook linkedin
yahoo hotmail myspace pokemon pikachu naruto minecraft fortnite roblox playstation xbox360 nintendo
zelda mario sonic matrix ninja mickey snoopy tigger buster pepper ginger cookie cheese chocolate banana
summer winter spring autumn flower rainbow butterfly unicorn diamond silver golden money money123
success winner victory killer soldier warrior legend forever friends family blessed jesus christ
jesus1 godisgood angel angels babygirl babyboy sweety sweetheart honey cutie beautiful pretty
purple orange yellow blue red green black white pink
liverpool chelsea arsenal manchester manutd barcelona realmadrid juventus cowboys yankees lakers
eagles steelers packers patriots dallas london paris berlin america india canada mumbai delhi
pakistan bangladesh nigeria brazil mexico chicago boston
ashley jessica daniel andrew joshua thomas robert william anthony nicole michelle amanda justin
taylor maggie bailey sophie charlotte hannah matthew jasmine george alexander samantha david
michael1 superman1 batman1 football1 princess1 sunshine1 shadow1 monkey1 dragon1 baseball1
harrypotter hogwarts gandalf frodo starwars1 chewbacca skywalker
fuckyou fuckoff asshole bitch sexy pussy
qwerty1234 1234qwer qwer1234 asdf1234 zxcv1234 147258 159357 789456 789456123 456789 741852963
102030 10203040 5201314 woaini 520520 aaaaaa asdasd qweqwe qweasd qweasdzxc zxczxc
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};
const deleet = (s: string) => s.replace(/[@43!10$57+]/g, (c) => LEET[c] ?? c);
const core = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** The password without case, spaces, dots, dashes and underscores. */
export function compact(password: string): string {
  return password
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._-]+/g, '');
}

/** Only the letters, lower-case: "John.Smith" and "john smith 1990!" are both "johnsmith". */
export function lettersOf(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '');
}

/** The shortest unit a password repeats ("abc" in "abcabcabc"), if it is only a unit repeated. */
export function repeatedUnit(password: string): string | undefined {
  return /^(.+?)\1+$/su.exec(compact(password))?.[1];
}

export function isCommonPassword(password: string): boolean {
  const whole = compact(password);
  const unit = repeatedUnit(password);
  for (const base of unit ? [whole, unit] : [whole])
    for (const form of [base, core(base), deleet(base), core(deleet(core(base)))])
      if (form && COMMON_PASSWORDS.has(form)) return true;
  return false;
}

const SEQUENCES = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertyuiop[]\\',
  "asdfghjkl;'",
  'zxcvbnm,./',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1q2w3e4r5t6y7u8i9o0p',
  '`1234567890-=',
  '~!@#$%^&*()_+',
];
const ALL_SEQUENCES = [...SEQUENCES, ...SEQUENCES.map((s) => [...s].reverse().join(''))];

/** A run along the alphabet, the digits or a keyboard row, either way: "abcdefghij", "9876543210", "asdfghjkl;". */
export function isSimpleSequence(password: string): boolean {
  const s = password.toLowerCase().replace(/\s+/g, '');
  return s.length > 0 && ALL_SEQUENCES.some((q) => q.includes(s));
}
