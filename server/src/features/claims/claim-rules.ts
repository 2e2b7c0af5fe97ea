/**
 * The claim rules as data: every word list and pattern that decides whether a
 * draft sentence is a checkable claim, in one place. `detect-claims.ts` applies
 * them in a fixed order; docs/claims.md explains them in plain words. Only
 * general English lives here, never names or phrases from a corpus.
 */

const list = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Comment texts that suppress the claim check (`<!-- sourced-ignore -->` before a sentence; start/end around several). */
export const SUPPRESS = {
  next: 'sourced-ignore',
  start: 'sourced-ignore-start',
  end: 'sourced-ignore-end',
} as const;

/**
 * The writer's own framing, analysis and hedging: a sentence matching one of
 * these is not a claim, unless it also attributes something to someone
 * (`ATTRIBUTION`), because "X said the talks may fail" still reports a fact.
 */
export const NOT_A_CLAIM: { name: string; pattern: RegExp; overriddenByAttribution: boolean }[] = [
  // "We think…", "I believe…", "We would argue…", "Our reading is…"
  {
    name: 'first-person view',
    pattern:
      /^(?:but |and |so |yet |still |here )?(?:we|i)(?: would| might| do| also| still| now)? (?:think|believe|argue|suspect|expect|feel|doubt|consider|reckon|assume|guess|suggest|fear|hope|wonder|conclude|see|read|note|find|look|turn|ask|focus|want|return|begin|start|set out|should|must|can|will)\b/i,
    overriddenByAttribution: false,
  },
  {
    name: 'framing phrase',
    pattern:
      /^(?:but |and |so |yet )?(?:in (?:our|my) (?:view|opinion|reading|judgement|judgment|assessment)|to (?:our|my) mind|for (?:our|my) part|our (?:reading|view|assessment|sense|guess|argument) is|(?:it is|it's) (?:our|my) view|on balance|arguably|presumably|perhaps|maybe|conceivably|in short|in sum|to sum up|in other words|put simply|that said|all (?:of )?this|taken together|by (?:contrast|comparison), (?:we|our))\b/i,
    overriddenByAttribution: false,
  },
  // "This briefing looks at…", "The next section sets out…", "This note argues…"
  {
    name: 'document framing',
    pattern:
      /^(?:this|the|our|the (?:next|following|previous|last)) (?:briefing|report|note|memo|section|chapter|piece|paper|article|analysis|summary|overview|draft|part|post|essay|review|story)\b.{0,40}\b(?:looks?|examines?|considers?|sets? out|explores?|describes?|summari[sz]es?|reviews?|argues?|asks?|focus(?:es)?|covers?|outlines?|traces?|turns?|discusses?|concludes?|shows?|tries?|attempts?|aims?)\b/i,
    overriddenByAttribution: false,
  },
  // "Much remains uncertain.", "It remains to be seen…", "Time will tell."
  {
    name: 'open question',
    pattern:
      /\b(?:remains? (?:uncertain|unclear|to be seen|an open question|murky|hard to (?:say|judge|know))|it is (?:not )?(?:too early|unclear|uncertain|hard to (?:say|know|judge|tell)|difficult to (?:say|know|judge|tell)|impossible to (?:say|know)|worth (?:asking|noting|remembering|watching))|time will tell|nobody (?:yet )?knows|no one (?:yet )?knows|is anyone's guess|only time|open question)\b/i,
    overriddenByAttribution: true,
  },
  // Speculation in the writer's voice: "…is likely to…", "…seems…", "…could well…"
  {
    name: 'hedged analysis',
    pattern:
      /\b(?:seems?|seemingly|likely|unlikely|probably|possibly|perhaps|arguably|presumably|apparently|may well|might well|could well|would seem|is bound to|is set to|may be|might be|could be|in all likelihood|we (?:think|believe|suspect|expect)|in (?:our|my) view)\b/i,
    overriddenByAttribution: true,
  },
  // Definitions of terms: "X refers to…", "By X we mean…", "X is defined as…"
  {
    name: 'definition',
    pattern:
      /\b(?:refers? to|is defined as|are defined as|stands for|is short for|by [^,]{1,40} we mean|is the term for|is a term for|we use the term|we call)\b/i,
    overriddenByAttribution: false,
  },
  // Bare transitions and signposts: "More on that below.", "Consider the numbers.", "First, some background."
  {
    name: 'transition',
    pattern:
      /^(?:(?:first|second|third|next|finally|lastly|then|now|meanwhile|still|moreover|furthermore|however|nevertheless|nonetheless|so|but|and|yet|also|again|consider|recall|note|see|more on (?:this|that)|on (?:this|that)|back to|turning to|to (?:begin|start|recap|conclude)|in (?:brief|short|sum|conclusion)|for (?:now|context|background))\b[\w\s,'\u2019-]{0,40}[.:!]?|(?:some|a (?:little|bit of)) (?:background|context|history)[.:]?|(?:more|details) (?:below|follow|later)[.:]?)$/i,
    overriddenByAttribution: false,
  },
];

/** Verbs and phrases that attribute a statement or report an act of speech. */
export const ATTRIBUTION =
  /\b(?:said|says|told|tells|according to|reported|reports|announced|announces|stated|states|declared|declares|claimed|claims|insisted|insists|added|adds|warned|warns|urged|urges|denied|denies|confirmed|confirms|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|argued|argues|accused|accuses|rejected|rejects|admitted|admits|acknowledged|pledged|promised|vowed|called for|calls for|described|describes|branded|brands|termed|recalled|revealed|blamed|blames|highlighted|highlights|pointed out|points out|disclosed|wrote|writes|tweeted|posted|quoted|asserted|suggested|expressed|agreed|agrees|welcomed|condemned|criticised|criticized|praised|threatened|predicted|estimated|estimates)\b/i;

/** Verbs of events and actions that a source can confirm (past tense and reporting present). */
export const EVENT_VERBS = list(`
  launched launches captured captures seized seizes killed kills attacked attacks invaded invades bombed bombarded fired
  won wins lost loses beat beats defeated fell falls rose rises grew grows dropped drops doubled tripled halved surged slumped
  met meets signed signs held holds hosted hosts hosting opened opens closed closes visited visits arrived left resigned
  elected appointed named sacked fired hired bought buys sold sells acquired merged raised cut cuts increased increases
  decreased reduced spent spends paid pays earned earns cost costs fined charged arrested jailed sentenced convicted
  banned approved approves passed passes blocked vetoed voted votes backed backs supported supports opposed opposes
  controlled controls occupied occupies entered withdrew withdraws deployed deploys sent sends received receives
  released releases published publishes launched broke broken began begins started starts ended ends finished
  discussed discusses negotiated brokered agreed joined joins formed founded created built produced made makes
  reached reaches recorded records scored scores topped tops overtook led leads trailed took takes gave gives
  phoned called calls informed warned invited invites refused refuses failed fails managed died injured displaced fled
  expanded collapsed sued ruled rules found finds showed shows revealed announced reported confirmed denied
  employs employed owns owned operates operated sheltered shelters fought fights waged wages staged stages
  triggered triggers caused causes prompted prompts struck strikes hit hits shut ordered orders demanded demands
  patrolled patrols monitored monitors wrested swept sweeps advanced advances retreated surrendered captured
  views viewed regards regarded considers considered sees saw sought seeks tried tries plans planned intends intended
  allows allowed enables enabled runs ran
`);

/**
 * A study, survey or report as the subject ("A new study investigates…", "The survey found…"): what it
 * examined or found is checkable against it. `this|our report` framing the writer's own document is caught
 * earlier by the document-framing rule.
 */
export const RESEARCH_SUBJECT_RE =
  /^(?:a|an|the|one|another|that|last (?:week|month|year)'s)(?: \w+){0,2}? (?:study|studies|survey|poll|report|trial|experiment|analysis|review|paper|census|audit|inquiry|investigation|research|researchers|scientists) (?:(?:of|by|from|in|at) [\w\s,'\u2019-]{1,60}? )?(?:investigat|examin|find|found|show|suggest|reveal|measur|test|track|compar|estimat|conclud|identif|look(?:s|ed) at|report)/i;

/** Words that make a figure: scales and units that follow numbers. */
export const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

/** Cardinal numbers written as words ("five years", "seven million"); "one" is left out, it is mostly a pronoun. */
export const CARDINAL_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

/** Number words that count as figures in prose: the cardinals and vague quantities ("dozens", "half"). */
export const NUMBER_WORDS: Record<string, number> = {
  ...CARDINAL_WORDS,
  dozen: 12,
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
  millions: 2e6,
  billions: 2e9,
  half: 0.5,
  quarter: 0.25,
  third: 0.33,
  twice: 2,
  double: 2,
};

/** A figure in prose: digits with optional separators, decimals, currency and scale or percent. */
export const FIGURE_RE =
  /(?<![\p{L}\p{N}.,])(?:[$£€¥]\s?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn|m|k)\b)?(?:\s?(?:%|per ?cent|percent))?|(?<![\p{L}\p{N}.,])(?:[$£€¥]\s?)?\d+(?:\.\d+)?(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn|m|k)\b)?(?:\s?(?:%|per ?cent|percent))?/gu;

/** Dates and times a source can confirm (month and day names capitalised, so the modal "may" is not a date). */
export const DATE_RE =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Sept|yesterday|last (?:week|month|year|night|weekend)|this (?:week|month|year|weekend)|(?:1[89]|20)\d\ds?)\b/g;

/** Comparisons and superlatives. */
export const COMPARISON_RE =
  /\b(?:more than|less than|fewer than|at least|at most|up to|over \d|under \d|nearly|almost|around \d|about \d|some \d|roughly|as many as|as much as|twice as|the (?:first|second|third|last|only|biggest|largest|smallest|highest|lowest|best|worst|most|least|main|top|fastest|oldest|youngest|latest)|[a-z]+est\b(?= (?:city|country|party|company|firm|group|rise|fall|drop|level|number|share|total|ever|since|in))|record|biggest|largest|highest|lowest|worst|best-selling|second-largest|second largest)\b/i;

/** Capitalised words that do not name an actor when they open a sentence. */
export const COMMON_OPENERS = list(`
  a an the this that these those it its it's there here he she they we i you his her their our my your
  but and or so yet also still then now however meanwhile moreover indeed instead although though while when
  where after before since because if unless as at by for from in into of on to with without over under
  some many most much few several all both each every any no none one two three other another such
  what which who whom whose why how yes not only even just more less what's
`);

/** Pronoun subjects: with an event verb or attribution they make a claim ("He said…", "They captured…"). */
export const PRONOUN_SUBJECTS = list('he she they it his her their its');

/** Words that open a subordinate clause: a modal after one of them does not hedge the main statement. */
export const CLAUSE_OPENERS = /\b(?:that|which|who|whom|whose|because|if|unless|when|where|while|although|though|so that)\b/i;

/** Two or more distinct named actors in a sentence make it checkable even without a known verb. */
export const MIN_ACTORS_FOR_CLAIM = 2;

/** Minimum number of words for a sentence to be checked at all ("Not so." is not a claim). */
export const MIN_CLAIM_WORDS = 4;
