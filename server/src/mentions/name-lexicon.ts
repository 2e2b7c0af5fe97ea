/**
 * General English word lists for telling names from other capitalised words: titles and roles,
 * honorifics, words that end organisation and place names, and capitalised words that are never actors.
 * General vocabulary only: nothing here comes from a corpus.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Words that end a role ("minister", "spokesperson"): a title needs one. Lower-case. */
export const ROLE_HEADS = set(`
minister ministers president secretary chancellor spokesperson spokesman spokeswoman chief leader head chairman
chairwoman chair director governor ambassador envoy general commander king queen prince princess mayor senator
congressman congresswoman mp mep msp deputy executive officer ceo cfo coo cto founder co-founder editor
correspondent analyst economist diplomat official judge attorney lawyer professor secretary-general member
treasurer speaker commissioner adviser advisor aide manager boss premier monarch emir sheikh ayatollah
chancellor pope cardinal archbishop bishop spokesperson owner partner presenter producer director-general
vice-president vice-chairman coach captain striker chairperson negotiator lieutenant colonel major sergeant
marshal admiral brigadier inspector superintendent constable sheriff prosecutor investigator strategist
campaigner activist chiefs whip coordinator co-ordinator organiser organizer accountant auditor banker
consultant researcher scientist author writer journalist reporter photographer historian academic expert
specialist pollster lecturer teacher doctor surgeon farmer businessman businesswoman entrepreneur investor tycoon
magnate billionaire architect designer artist musician singer actor actress novelist poet comedian host rapporteur representative delegate consul attache counsel registrar
champion medallist medalist skipper developer programmer engineer chemist physicist biologist mathematician philosopher
nominee veteran guardsman soldier attorney-general solicitor-general fisherman pilot nurse paramedic firefighter
star player goalkeeper midfielder defender winger batsman bowler jockey trainer boxer golfer cyclist sprinter runner
swimmer athlete driver rider chef blogger councillor councilor alderman assemblyman assemblywoman legislator lawmaker
peer priest vicar pastor rector dean provost headteacher headmaster headmistress curator conductor composer guitarist
drummer bassist vocalist frontman rapper filmmaker screenwriter playwright commentator pundit columnist critic
trustee volunteer employee staffer planner trader broker landlord shopkeeper miner barrister magistrate coroner liaison
warden detective agent student pupil graduate survivor witness resident protester spokesmen
lyricist publisher nanny dancer ombudsman cinematographer choreographer qc associate
councilmember councilwoman councilman assemblymember supervisor librarian
co-director co-chair co-chairman co-chairwoman co-host co-owner co-president
geophysicist astrophysicist meteorologist astronomer oceanographer geologist sociologist psychologist anthropologist
epidemiologist neuroscientist ecologist climatologist zoologist archaeologist pathologist linguist statistician
demographer geographer cartographer physician pediatrician paediatrician psychiatrist dentist pharmacist therapist
technician electrician politician lobbyist publicist cartoonist pianist violinist cellist guitarist archivist
pm democrat republican dj
`);

/** Words that may stand before a role head inside a title ("foreign", "prime", "shadow"). Lower-case. */
export const ROLE_MODIFIERS = set(`
foreign prime interior defence defense finance home health education trade justice economy economic culture
energy environment transport shadow deputy vice chief executive managing general top senior former acting
interim state presidential intelligence security national military party opposition labour work pensions
business industry treasury exchequer agriculture fisheries communities local government cabinet europe european
international development digital media sport sports science technology treasurer exchequer affairs
northern scottish welsh permanent assistant under junior principal lead associate regional district
majority minority medical
financial operating commercial marketing technical news political economics legal public press communications
information police army naval air armed forces supreme high court federal central county city tourism
housing planning transport women equalities constitutional religious spiritual first second former ex
election campaign production marketing sales research
revenue content strategy product data risk investment creative customer brand people
`);

/** Relation words between a nationality and a name that carry no role ("his Peruvian counterpart X"). */
export const RELATION_WORDS = set('counterpart counterparts colleague colleagues rival rivals ally allies opponent');

/** Lower-case nouns that, right before a name, say it is a person's ("compatriot X", "her sister, X", "British pair X and Y"). */
export const PERSON_NOUNS = set(`
compatriot compatriots teammate team-mate teammates pair duo trio sister brother wife husband son daughter father
mother friend girlfriend boyfriend widow widower uncle aunt cousin grandson granddaughter grandfather grandmother
fiance fiancee nephew niece stepfather stepmother sibling twin mum mom dad
`);

/** Honorifics that mark a person and are not part of the name. */
export const HONORIFICS = set(`
Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Baroness Baron Prof Professor Rev Revd Sen Rep Gov Gen Col Capt Lt Sgt
Maj Adm Cmdr Cdr Mr. Mrs. Ms. Dr. Prof. Rev. Sen. Rep. Gov. Gen. Col. Capt. Lt. Sgt. Maj. Adm. Sheikh Imam Rabbi
Father Sister Brother Judge Justice King Queen Prince Princess Pope Cardinal Archbishop Bishop Ayatollah Emir
`);

/** Last words of organisation names. */
export const ORG_HEADS = set(`
Party Parties Ministry Ministries Department Council Organization Organisation Agency Forces Force Army Units Unit
Front Bank Group Union Commission Committee Association Federation Corporation Corp Corp. Company Co Co. Inc Inc.
Ltd Ltd. Plc plc PLC LLC Authority Office Service Services Institute Institution University College Court Parliament
Assembly Government League Times Post News Network Airways Airlines Motors Holdings Foundation Trust Fund Board
Bureau Centre Center Club Society Alliance Coalition Movement Brigade Brigades Guard Guards Police Congress Senate
Cabinet Telegraph Journal Herald Tribune Mail Express Exchange Industries Partners Capital Securities Insurance
Petroleum Telecom Communications Media Press Radio Television TV Channel Records Studios Pictures Entertainment
Systems Technologies Software Electronics Pharmaceuticals Tribunal Executive Forum Secretariat
Administration Agencies Bloc Caucus Directorate Command Navy Militia Monitor Observatory Watch Institute Council Chamber Academy
School Hospital Clinic Review Magazine Gazette Daily Weekly Broadcasting Corporation Airport Stores Group Bancorp
Motor Energy Oil Gas Steel Foods Brewery Brands Retail Labs Laboratories Consulting Associates Fed Reserve
`);

/** First words of organisation names ("Ministry of …", "Bank of …"). */
export const ORG_STARTS = set(
  'Ministry Department University Bank Office House Court Council Board Institute Federation Union Organisation Organization Commission Church',
);

/** Last words of place names. */
export const PLACE_HEADS = set(`
City Province Region County Street Square Island Islands River Valley Mountains Mountain Sea Ocean Gulf Strait
Bay Coast Heights Peninsula Desert Road Bridge Lake Park District Governorate Prefecture Territory Territories
Canal Hills Plain Basin Delta Harbour Harbor Port Village Town Borough Quarter Camp Crossing Border Avenue Lane
`);

/** Well-known regions that the country table does not list. */
export const REGIONS = set(`
Europe Asia Africa America Americas Antarctica Arctic Oceania Balkans Caucasus Levant Maghreb Sahel Scandinavia
Siberia Crimea Donbas Kashmir Tibet Xinjiang Chechnya Darfur Sinai Golan Mediterranean Atlantic
Pacific Baltic
`);

/** Multi-word regions. */
export const REGION_PHRASES: ReadonlySet<string> = new Set(
  `
Middle_East Far_East West_Bank Gaza_Strip Latin_America South_America North_America Central_Asia South_Asia
East_Asia Southeast_Asia Eastern_Europe Western_Europe Central_Europe Horn_of_Africa Persian_Gulf Red_Sea
Black_Sea South_Caucasus North_Africa West_Africa East_Africa Sub-Saharan_Africa Golan_Heights
`
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/_/g, ' ')),
);

/** Common nouns that, just before a capitalised name, say it is an organisation ("the newspaper X"). Lower-case. */
export const ORG_NOUNS = set(`
newspaper paper agency group party company firm broadcaster channel website carrier airline bank retailer giant
maker insurer publisher club charity union tank network organisation organization movement militia daily tabloid
outlet magazine station operator supermarket chain lender brewer manufacturer producer conglomerate fund insurer
regulator watchdog body association alliance coalition faction label studio
`);

/** Common nouns that, just before a capitalised name, say it is a place ("the city of X", "town X"). Lower-case. */
export const PLACE_NOUNS = set(
  'city town village province region capital district state county port island neighbourhood neighborhood suburb area municipality governorate',
);

/** Prepositions after which an unknown single name is most likely a place. Lower-case. */
export const PLACE_PREPOSITIONS = set('in near across around outside inside throughout');

/** Verbs of speech after which an unknown name is most likely a person. Lower-case. */
export const SPEECH_VERBS = set(
  'said says told added warned argued insisted claimed explained stressed noted admitted asked wrote believes',
);

/** Lower-case words that may join the capitalised words of one name ("Secretary of State", "bin", "van"). */
export const NAME_CONNECTORS = set('of for de da di du del della der den van von la le bin ibn bint abu al el ul y');

/** Capitalised words that are never actors or parts of actors' names: days, months, seasons, languages, faiths. */
export const NEVER_ACTORS = set(`
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays
Sundays January February March April May June July August September October November December Jan Feb Mar Apr
Jun Jul Aug Sep Sept Oct Nov Dec Christmas Easter Ramadan Eid Hanukkah Diwali Spring Summer Autumn Winter
Muslim Muslims Christian Christians Jewish Jews Jew Islamic Islam Sunni Sunnis Shia Shiite Shiites Catholic
Catholics Protestant Protestants Hindu Hindus Buddhist Arab Arabs Arabic Kurd Kurds Kurdish Westerners Internet Web God AM PM GMT BST UTC TV CEO CEOs MPs MP MEPs MSPs Covid No Yes Mr Mrs
Ms Dr Sir Lord Lady OK I I'm I've I'd I'll I’m I’ve I’d I’ll Oscar Oscars Grammy Grammys Olympics Olympic Premiership Championship Cup Final Finals
European Europeans African Africans Asian Asians Arabian Scandinavian Caribbean Latin Jihadist Jihadists
`);

/**
 * Capitalised at the start of a sentence, these are ordinary words, not names. Lower-case.
 * (Function words, sentence adverbs and the commonest sentence-initial nouns and verbs of news prose.)
 */
export const COMMON_WORDS = set(`
a an the this that these those there here it its he she they we i you his her their our my your them him us
me who whom whose which what when where why how if unless until while whilst although though because since as
so but and or nor yet for to of in on at by with from into onto over under after before during between among
amid about against without within across through throughout around behind beyond despite including
also however meanwhile moreover furthermore nevertheless nonetheless instead indeed still even only just
already now then today yesterday tomorrow tonight later earlier recently currently previously finally first
second third last next another other others some many most more much few several all both each every any
no not none nobody nothing everyone everything someone something anyone anything such same own
one two three four five six seven eight nine ten hundreds thousands millions dozens
mr mrs ms dr sir prime president minister secretary chancellor leader chief officials official police
analysts experts critics sources reports report people residents witnesses observers investors shares
prices sales profits figures data government ministers lawmakers voters users customers workers members
according asked speaking writing meanwhile overall elsewhere separately additionally similarly likewise
sadly unfortunately fortunately clearly obviously perhaps maybe certainly surely apparently reportedly
following under unlike like given based while after amid being having let please thanks thank well oh
yes no okay anyway otherwise therefore thus hence accordingly consequently ultimately eventually once
whether either neither rather almost nearly around roughly approximately just about above below
last this next new old big small top early late high low major key main chief senior former total
meanwhile there's it's that's he's she's they're we're i'm don't doesn't didn't can't won't isn't wasn't
aren't weren't hasn't haven't hadn't wouldn't couldn't shouldn't let's what's who's where's
speaking talking asked writing responding commenting announcing describing referring adding
breaking update updated exclusive photo video watch read more see also share search archive
`);

/** Nouns common in names of companies and bodies ("Acme Research", "Acme Tobacco"): any of them makes a name an organisation. */
export const ORG_WORDS = set(`
Research Tobacco Securities Capital Holdings Investments Partners Resources Mining Oil Gas Petroleum Energy
Utilities Rail Railways Airways Airlines Motors Automotive Foods Beverages Brewing Brewery Pharmaceuticals Pharma
Chemicals Steel Metals Insurance Assurance Bank Bancorp Financial Finance Fund Funds Management Consulting
Solutions Services Systems Technologies Technology Software Electronics Communications Telecom
Telecommunications Networks Network Media Broadcasting Radio Television Entertainment Studios Pictures Records
Music Games Publishing Press News Newspapers Times Post Mail Telegraph Herald Journal Magazine Stores Retail
Supermarkets Group Corporation Company Industries Enterprises International Global Worldwide Limited Association
Federation Council Committee Commission Union Institute Foundation Society Club League Alliance Coalition
Concern Aid Charity Trust Watch Universities University College School Academy Hospital Airport Party Ministry
Department Agency Authority Office Service Court Parliament Assembly Government Army Police Forces Church
Democrats Republicans Conservatives Liberals Socialists Nationalists Unionists Advisors Advisers Associates House Health
`);

/** First words of place names ("District of Columbia", "Province of …"). */
export const PLACE_STARTS = set('District Province State City County Region Republic Kingdom Isle Lake Mount Port Fort Cape Gulf Bay');
