/**
 * General-English word lists for attribution: speech verbs, titles, honorifics
 * and the nouns of unnamed speakers ("a ministry source"). No corpus names.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Verbs that introduce or close a quotation (`“…,” X said`, `X told reporters: “…”`). */
export const SPEECH_VERBS = set(`
  said says say told tells added adds warned warns stressed stresses noted notes insisted insists argued argues
  claimed claims explained explains announced announces confirmed confirms denied denies revealed reveals admitted admits
  acknowledged acknowledges urged urges pledged pledges vowed vows promised promises emphasized emphasised emphasizes emphasises
  asserted asserts declared declares described describes wrote writes replied replies responded responds commented comments
  remarked remarks observed observes suggested suggests predicted predicts informed informs expressed expresses reported reports
  rejected rejects accused accuses complained complains conceded concedes continued continues concluded concludes cautioned
  cautions stated states agreed agrees maintained maintains recalled recalls boasted joked quipped tweeted posted written
  shouted shouts yelled screamed whispered cried asked asks criticised criticized welcomed praised condemned hailed defended
  laughs laughed smiles smiled sighs sighed
  saying adding warning stressing noting insisting arguing claiming explaining announcing confirming denying revealing
  admitting urging pledging vowing promising emphasizing emphasising asserting declaring describing telling calling
  writing replying expressing rejecting accusing complaining conceding stating
  called calls branded brands termed terms dubbed labelled labeled
`);

/** Verbs that put the speaker right after the quotation: `“…,” said X` / `“…,” X said`. */
export const CLOSING_VERBS = set(`
  said says added adds told tells warned warns stressed stresses noted notes insisted insists argued argues explained explains
  continued continues wrote writes replied replies reported reports declared declares asserted asserts remarked remarks
  admitted admits acknowledged acknowledges conceded concedes claimed claims announced announces urged urges concluded
  concludes observed observes commented comments cautioned cautions stated states recalled recalls predicted predicts
  boasted joked quipped tweeted posted confirmed confirms revealed reveals suggested suggests say asked asks
  laughs laughed smiles smiled sighs sighed
`);

/** Verbs of `X said that …` indirect speech. */
export const THAT_VERBS = set(`
  said says told tells added adds stressed stresses noted notes warned warns insisted insists argued argues claimed claims
  explained explains announced announces confirmed confirms revealed reveals emphasized emphasised emphasizes emphasises
  acknowledged acknowledges admitted admits declared declares asserted asserts reported reports stated states pointed
`);

/** Verbs of sentence-final indirect speech: `…, he said.` */
export const TAIL_VERBS = set(`
  said says added adds told tells warned warns stressed stresses noted notes insisted insists argued argues wrote writes
  explained explains reported reports continued continues
`);

/** Words between a speaker and the verb that do not change who speaks: `Okafor also said`. */
export const FILLER_WORDS = set(`
  also has have had would will was is then later further previously earlier recently again once himself herself itself
  however had already now still subsequently separately
`);

/** Honorifics dropped before a surname: `Mr Berglund` is the person called Berglund. */
export const HONORIFICS = set('mr mrs ms miss dr prof professor sir dame lord lady rev mr. mrs. ms. dr. prof. rev. mme mlle');

/**
 * Capitalised title words stripped from the front of a name phrase
 * (`Foreign Minister Lena Okafor` → `Lena Okafor`), lower-cased.
 */
export const TITLE_WORDS = set(`
  president vice prime minister foreign defence defense interior finance home health economy economic trade culture education
  environment transport justice energy labour labor industry agriculture development security intelligence digital
  secretary state chancellor chief executive spokesman spokeswoman spokesperson senator governor mayor king queen prince
  princess general gen colonel col captain capt judge ambassador deputy director chairman chairwoman chair commissioner
  leader shadow former acting top senior head coach manager boss inspector sergeant officer detective supt constable bishop
  archbishop pope emir sheikh sultan premier mp mep msp ceo cfo coo attorney solicitor lieutenant lt major commander admiral marshal
  minister's counterpart chancellor's envoy representative rep adviser advisor analyst professor dr mr mrs ms sir lord lady
  dame rev speaker presidential ministerial cabinet auditor councillor councilor councilman councilwoman treasurer
  superintendent alderman sheriff coroner registrar provost dean rector ombudsman comptroller controller lawmaker congressman
  congresswoman assemblyman assemblywoman legislator delegate candidate nominee pastor imam rabbi cardinal chairperson
  president-elect mayor-elect undersecretary under-secretary permanent assistant associate general-secretary
`);

/** Nouns that name a role: `the minister`, `Peru’s top diplomat`, `the spokesman`. */
export const ROLE_NOUNS = set(`
  minister president secretary spokesman spokeswoman spokesperson chancellor leader chief director chairman chairwoman governor
  mayor ambassador diplomat premier senator coach manager captain boss executive commissioner judge prosecutor general
  commander envoy head founder owner editor economist analyst
`);

/** Role nouns that name the same office in other words. */
export const ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  diplomat: ['minister', 'secretary', 'ambassador', 'envoy'],
  premier: ['minister'],
  boss: ['chief', 'executive', 'manager', 'director', 'chairman'],
  executive: ['chief'],
  chief: ['executive', 'head', 'director'],
};

/**
 * More nouns a bare description (`the minister said`, no modifier) may point back with: `Environment Secretary X …
 * The minister said`. Not for `the prime minister`, which names one office.
 */
export const BARE_ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  minister: ['secretary'],
  lawmaker: ['senator', 'congressman', 'congresswoman', 'representative', 'mp', 'legislator', 'assemblyman', 'assemblywoman'],
  legislator: ['senator', 'congressman', 'congresswoman', 'representative', 'mp', 'lawmaker'],
  judge: ['justice'],
  manager: ['boss', 'coach'],
  coach: ['manager', 'boss'],
  researcher: ['scientist', 'professor', 'author'],
  scientist: ['researcher', 'professor'],
};

/** Nouns of unnamed speakers: `a Chilean foreign ministry source`, `the Chilean side`, `police`. */
export const SOURCE_NOUNS = set(`
  source sources official officials side spokesman spokeswoman spokesperson leader leaders monitor diplomat diplomats ministry
  government analyst analysts expert experts officer officers police statement sources spokesmen spokespeople aide aides
  insider insiders negotiator negotiators group agency army military administration authorities authority campaigners
  campaigner residents resident witness witnesses commander commanders
`);

/** Words that mark a name phrase as an organisation or institution rather than a person. */
export const ORGANISATION_WORDS = set(`
  department ministry office party organization organisation council agency union army forces force police government
  commission committee court bank group company corporation association federation league club university institute
  foundation trust service services authority board assembly parliament congress senate times news post press journal herald
  telegraph network alliance coalition front movement society centre center fund bureau channel radio tv media television
  airlines airways motors exchange reserve treasury inc ltd plc fc united city monitor observatory agency side newspaper
  daily weekly magazine review house palace kremlin pentagon
`);

/** Prepositions that make the following name an object, not the subject: `a call with X said`. */
export const PREPOSITIONS = set('with to of by from for against at in on about than between among into over under toward towards via');

/** Capitalised words that open sentences but are no names: `Also on Monday, …`, `The …`. */
export const STOP_CAPS = set(`
  also however but and the a an in on at after before during meanwhile speaking asked when while although though even indeed
  this that these those it he she they we i you last earlier later since under with without for from by as if his her its
  their our my your there here then so yet still both all some many most several according following despite amid among
  between because once now today yesterday tomorrow what which who where why how not no one two three four five another
  each every other others such nor or instead unlike like while whereas monday tuesday wednesday thursday friday
  saturday sunday january february march april may june july august september october november december
`);

/** Occupations written before a name like a title: `striker X`, `spokesman X`, `actress X`. */
export const OCCUPATIONS = set(`
  striker winger midfielder defender goalkeeper keeper skipper forward player actor actress singer star rapper model presenter
  host comedian producer writer author novelist musician guitarist drummer designer lawyer researcher scientist economist
  analyst campaigner activist founder boss chairman spokesman spokeswoman spokesperson manager coach captain veteran champion
  seed rival opponent broadcaster journalist reporter columnist photographer chef artist painter poet businessman businesswoman
  entrepreneur tycoon billionaire millionaire banker investor trader farmer doctor surgeon nurse teacher pupil student
  resident shopper fan supporter driver pilot soldier officer actor comedienne dj presenter commentator pundit broadcaster
  tennis golfer footballer cricketer batsman bowler jockey boxer athlete sprinter swimmer cyclist skier rugby
`);

/** Last words of events and tournaments, lower-cased: a name ending so is an event, never a speaker. */
export const EVENT_WORDS = set(`
  championship championships cup open games olympics festival fair expo exposition prix trophy marathon derby
  tournament classic masters invitational series regatta rally grand-slam slam
`);

/** Heads of a definite description of a person already named: `the youngster`, `the pop star`, `the veteran`. */
export const PERSON_DESCRIPTORS = set(`
  youngster teenager star superstar legend icon great winner newcomer rookie favourite favorite underdog
  holder titleholder finalist semi-finalist debutant
`);

/** Heads of a definite description of an organisation already named: `the company`, `the retailer`. */
export const ORGANISATION_DESCRIPTORS = set(`
  company firm group bank retailer chain carrier airline club charity organisation organization agency council team
  union party startup start-up giant maker manufacturer insurer lender operator publisher brand business network
  regulator watchdog supermarket conglomerate corporation
  station channel newspaper paper website magazine studio label federation association institute university
  hospital court committee commission panel inquiry fund trust
`);

/** Documents that speak for whoever issued them: `the statement read`, `the letter said`. */
export const DOCUMENT_NOUNS = set('statement letter release communique communiqué note post tweet message notice memo filing');

/**
 * Studies that speak for the body that wrote them (`the report said`, `as the audit states`), but only when the text
 * says whose they are: `a report by X`, or X speaking just before in the paragraph.
 */
export const STUDY_NOUNS = set('report study audit survey review analysis research findings paper');

/** Things a person writes or owns that speak for them: `his sales pitch adds`, `her website says`. */
export const OWNED_TEXT_NOUNS = set(`
  pitch website site blog page profile book memoir autobiography biography account column article speech advert
  advertisement listing manifesto statement letter note post tweet message
`);

/** A noun naming what someone does (`sufferer`, `campaigner`, `pianist`, `frontman`), by its ending; not a time or filler word. */
export function isAgentNoun(word: string): boolean {
  return (
    /^(?:\p{Ll}+-)?\p{Ll}{3,}(?:er|or|ist|ant|ent|ian|man|woman)$/u.test(word) &&
    !FILLER_WORDS.has(word) &&
    !STOP_CAPS.has(word) &&
    !/(?:ever|over|under|after|other|rather|whether|either|neither|human|woman)$/.test(word)
  );
}
