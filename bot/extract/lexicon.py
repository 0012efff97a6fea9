"""General English word lists the extractor relies on: speech cues, titles, pronouns, name hints.

Nothing here is keyed to any particular article or corpus; these are ordinary closed classes.
Multi-word entries are written with "_" ("went_on").
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set from a block of space-separated words (keeps long lists compact)."""
    return frozenset(w.replace("_", " ") for w in text.split())


# Verbs that introduce speech or writing, in every inflection we match.
SPEECH_VERBS: frozenset[str] = words(
    """
    accused accuses acknowledge acknowledged acknowledges acknowledging add added adding
    adds admit admits admitted admitting advised advises agreed agrees alleged alleges
    announce announced announces announcing answered answers apologized apologizes argue
    argued argues arguing ask asked asking asks assert asserted asserting asserts attacked
    berated berates blasted blasts boasted boasting boasts bragged brags called calling
    calls cautioned characterized characterizes charged charging chided chides chimed
    cited cites claimed claiming claims commented complain complained complaining
    complains concede conceded concedes conceding conclude concluded concludes concluding
    condemned condemns confessed confesses confirm confirmed confirming confirms contend
    contended contending contends continue continued continues continuing countered
    criticized criticizes declare declared declares declaring decried decries defended
    defends demanded denied denies denounced denounces deny denying described describes
    disagreed disagrees disclosed discloses dismissed dismisses echoed elaborated
    elaborates emailed emphasize emphasized emphasizes emphasizing exclaim exclaimed
    exclaims explain explained explaining explains hailed hinted indicated indicates
    insist insisted insisting insists joked jokes joking lambasted lambastes lamented
    laments maintained maintains mocked mocks mused muses note noted notes noting observe
    observed observes observing opined opines pledged pledges pledging pointed_out posted
    praised praises predict predicted predicting predicts proclaimed proclaims promised
    promising protested protests questioned quip quipped quips recall recalled recalling
    recalls recounted recounts referenced reiterate reiterated reiterates rejected rejects
    remarked remarking repeat repeated repeating repeats replied replies reply replying
    reported reporting respond responded responding responds retorted retorts revealed
    reveals ridiculed ridicules said say saying says scoff scoffed scolded scolds shouted
    shouting signaled slammed slams speculated speculates stated stating stressed
    stressing suggest suggested suggesting suggests tell telling tells testified testifies
    testify testifying texted thanked told touted touts tweet tweeted tweeting tweets
    underscored underscores urge urged urges urging vow vowed vowing vows warn warned
    warns went_on write writes writing wrote yelled surmised surmises pressed reacted
    chanted chanting sniped snapped conceded quipping insisted recounted explains
    interjected interrupted shot_back fired_back wondered wonders continued
    reads states citing blamed blames blaming promises accusing assured assures barked
    warning praising chiding portrayed portraying retweeted implied implies quoted
    remembered proposed proposes put_it puts_it boomed beamed cried cries screamed
    whispered sighed laughed muttered griped groused fumed raged ranted railed rails
    estimated reasoned confided gushed objected pleaded thundered summarized grumbled
    bemoaned bemoans marveled cheered stresses posts read yelling screaming whispering
    interjecting bragging muttering pleading proclaiming retorting lamenting mocking
    scoffing griping mentioned mentions
    """
)

# PRONOUNS_MALE
PRONOUNS_MALE: frozenset[str] = words(
    """
    he him himself his
    """
)

# PRONOUNS_FEMALE
PRONOUNS_FEMALE: frozenset[str] = words(
    """
    her hers herself she
    """
)

# SUBJECT_PRONOUNS
SUBJECT_PRONOUNS: frozenset[str] = words(
    """
    he i it she they we
    """
)

# Honorifics that mark the following capitalised words as a person's name.
HONORIFICS_MALE: frozenset[str] = words(
    """
    king lord mr mr. prince sir
    """
)

# HONORIFICS_FEMALE
HONORIFICS_FEMALE: frozenset[str] = words(
    """
    dame lady madam miss mrs mrs. ms ms. princess queen
    """
)

# Words that form a role or title before a name ("White House press secretary Jen Psaki").
TITLE_WORDS: frozenset[str] = words(
    """
    acting adm. administration admiral adviser advisor agency agriculture aide ambassador
    american analyst and assistant attorney bishop british campaign candidate capt.
    captain ceo cfo chair chairman chairwoman challenger chancellor chief chinese cmdr.
    co-founder col. colonel columnist commerce commissioner committee congressman
    congresswoman coo council councilman councilmember councilwoman counsel counselor dame
    defense democrat democratic department deputy director dr dr. economist editor
    education energy ex- executive father federal foreign former founder french
    front-runner frontrunner gen. general german gop gov gov. governor health homeland
    hopeful house incumbent independent interior iranian israeli judge justice king labor
    lawmaker leader lieutenant lord lt. maj. major majority manager mayor mexican minister
    minority mr mr. mrs mrs. ms ms. national nominee of office officer party pastor
    pollster pope premier president presidential press presumptive prime prince princess
    prof. professor queen rep rep. representative republican republican-led rev. reverend
    russian secretary security sen sen. senator senior sergeant sgt. sheriff sir speaker
    spokesman spokesperson spokeswoman state strategist superintendent then top
    transportation treasurer treasury u.s. under us vice whip white host anchor moderator
    correspondent reporter commentator
    """
)

# Lower-case heads of unnamed sources ("a senior administration official").
UNNAMED_HEADS: frozenset[str] = words(
    """
    administration adviser advisers advisor advisors agent agents aide aides analysis
    analyst analysts attorney attorneys authorities campaign candidate congressman
    congresswoman critic critics diplomat diplomats economist economists expert experts
    governor insider insiders investigator investigators lawmaker lawmakers lawyer lawyers
    leader leaders mayor member members nominee observer observers officer officers
    official officials operative operatives organizers people person police poll polls
    president prosecutor prosecutors protesters report reports representative
    representatives resident residents secretary senator senators source sources spokesman
    spokespeople spokesperson spokeswoman staffer staffers statement strategist
    strategists study supporter supporters survey voter voters witness witnesses worker
    workers outlet outlets group groups organization organizations activist activists
    crowd crowds audience delegate delegates donor donors editorial editorials email emails
    letter memo ad ads website consultant consultants
    """
)

# DETERMINERS
DETERMINERS: frozenset[str] = words(
    """
    a an another both few many most one other several some that the these this those three
    two
    """
)

# Abbreviations that end in a period without ending a sentence.
ABBREVIATIONS: frozenset[str] = words(
    """
    adm approx apr aug capt cmdr co col corp d dec dept dr est feb ft gen gov i inc jan jr
    jul jun lt ltd maj mar mr mrs ms mt no nov oct pres prof r rep rev sen sep sept sgt sr
    st u.k u.n u.s vs
    """
)

# Capitalised words that start sentences but are not names.
NOT_NAME_WORDS: frozenset[str] = words(
    """
    a according added after all also although an and another april as asked at august
    because before both but by december despite dr during each earlier even every february
    for former friday from gov he her here his how however i if in indeed instead it its
    january july june just last later many march may meanwhile monday mr mrs ms my new
    next no not november now october of on once one only or other our rep said saturday
    say says sen september she since so some still sunday than that the their then there
    these they this those though three thursday to today told tuesday two until we
    wednesday well what when where which while who whom whose why with without yes
    yesterday yet you your does did do is are was were has have had should could would can
    more see
    """
)

# Words that make a capitalised run an organisation rather than a person.
ORG_WORDS: frozenset[str] = words(
    """
    abc administration agency american army associated association bank board bureau
    campaign cbs center centre church club cnn college commission committee company
    congress corp council court democrats department federal foundation fox fund
    government group house inc institute international islamic journal kremlin ministry
    msnbc national navy nbc network news npr office party pentagon police post press
    republicans reuters school senate service state street times union university white
    tower lodge hall hotel building arena stadium airport hospital centers institute
    agency council coalition alliance show program programme podcast magazine radio
    television survey administration
    """
)
# Words that make a capitalised run a place rather than a person.
PLACE_WORDS: frozenset[str] = words(
    """
    africa alabama alaska america arizona arkansas asia bay beach california city coast
    colorado connecticut county dakota delaware east europe florida fort hampshire hawaii
    idaho illinois iowa island islands jersey kansas kentucky kingdom lake las los
    louisiana maine maryland massachusetts mexico michigan minnesota mississippi missouri
    montana mount nebraska nevada new north ohio oklahoma oregon park pennsylvania
    republic rhode river san south states tennessee texas united utah valley vermont
    washington west wisconsin wyoming york
    """
)
ORG_PLACE_WORDS: frozenset[str] = ORG_WORDS | PLACE_WORDS

# Titles that tell a woman.
FEMALE_TITLES: frozenset[str] = words(
    """
    chairwoman congresswoman councilwoman first spokeswoman
    """
)

# Titles that tell a man.
MALE_TITLES: frozenset[str] = words(
    """
    chairman congressman councilman spokesman
    """
)

# Titles that only a person holds: the name after one is a person's.
PERSON_TITLES: frozenset[str] = words(
    """
    adm. adviser advisor aide ambassador attorney candidate capt. chairman chairwoman
    chancellor col. commissioner congressman congresswoman director dr dr. gen. general
    gov gov. governor judge justice king leader lt. mayor minister mr mr. mrs mrs. ms ms.
    nominee pope premier president prince princess prof. professor queen rep rep.
    representative rev. secretary sen sen. senator sgt. sheriff speaker spokesman
    spokeswoman
    """
)

# The words Title Case leaves in lower case.
SMALL_WORDS: frozenset[str] = words(
    """
    a an and are as at be but by for from in into is nor of on or over the to via vs with
    """
)

# Words between a subject and its cue that belong to neither ("Blinken also said").
ADVERBS_AUX: frozenset[str] = words(
    """
    again already also are be been did do does earlier even finally first frequently
    further had has have immediately is just last later never now often once only
    previously privately publicly quickly recently repeatedly reportedly separately still
    subsequently then was were will would always usually sometimes long yet twice ever
    """
)

# Words that cannot end a noun phrase: "a book by", "a round of cheers upon".
FUNCTION_WORDS: frozenset[str] = words(
    """
    about after also and as at before but by for from if in into not of on or than to upon
    while with
    """
)

# Words that open an introductory phrase rather than the subject.
INTRO_WORDS: frozenset[str] = words(
    """
    after against along also although amid among and around as at before behind beside
    besides beyond but by despite during even following for from given here however if in
    inside instead into like meanwhile near now on once outside over since so still then
    there though through throughout to today toward towards under unlike until upon when
    where while with within without yesterday yet likewise similarly moreover furthermore
    indeed nevertheless nonetheless otherwise thus hence therefore besides additionally
    """
)

# Words of a time phrase between a subject and its verb: "Tate on Tuesday said".
TIME_WORDS: frozenset[str] = words(
    """
    again also afternoon earlier evening friday last later monday month morning night on
    recently saturday sunday that then this thursday today tonight tuesday wednesday week
    weekend year yesterday
    """
)

# Heads of time phrases, which are never anyone's voice: "two weeks ago said", "the next day:".
TIME_HEADS: frozenset[str] = words(
    """
    ago day days hour hours minute minutes moment moments month months morning mornings
    night nights point time times week weeks weekend year years afternoon evening later
    """
)

# Determiners and possessives before a cue that is also a noun: "a tweet", "his reply".
NOUN_MARKERS: frozenset[str] = words(
    """
    a an the his her their its our my your this another subsequent controversial
    recent new latest later earlier brief lengthy separate previous
    """
)

# Things written or made that carry someone's words: "issued a statement saying …" is the
# issuer's speech, not the statement's.
DOCUMENT_HEADS: frozenset[str] = words(
    """
    ad ads article book commercial email emails film letter letters memo message messages
    note op-ed post posts release releases spot statement statements tweet tweets video
    videos
    """
)

# Heads of a phrase naming a body or a made thing, either of which "it" may speak for:
# "the agency … it said", "the lawsuit … it says"
THING_HEADS: frozenset[str] = DOCUMENT_HEADS | words(
    """
    administration agency alliance association authority bank board bureau campaign
    center centre church club coalition college commission committee company corporation
    council court department firm foundation fund government group institute league
    ministry network newspaper office organization panel paper party school service site
    station team union university website report study survey lawsuit complaint suit
    filing ruling document resolution bill measure order notice sign card page poll
    editorial analysis
    """
)

# Nouns for something said: a possessive name before one owns the words that follow
# ("Varga’s response was:", "Tate’s claim that “…”").
SPEECH_NOUNS: frozenset[str] = words(
    """
    claim claims statement statements remark remarks comment comments words assertion
    assertions reply response answer answers promise promises pledge vow warning warnings
    message slogan refrain description charge charges suggestion complaint argument
    retort quip boast insistence contention declaration admission prediction verdict
    reaction post tweet letter email note advice
    """
)

# Possessive determiners: "his wife said" is a described source, like "the aide said".
POSSESSIVE_DETERMINERS: frozenset[str] = words("my his her their our your its")

# Conjunctions that may open a clause before its subject: "And Falk said", "So when …".
LEAD_CONJUNCTIONS: frozenset[str] = words("and but so yet then")

# Number words, which open phrases of time ("Six years ago, …") and never a name.
NUMBER_WORDS: frozenset[str] = words(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand several few couple dozen
    """
)
