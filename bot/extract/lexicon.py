"""General English word lists the extractor relies on: speech cues, titles, pronouns, name hints.

Nothing here is keyed to any particular article or corpus; these are ordinary closed classes.
"""

from __future__ import annotations

# Verbs that introduce speech or writing, in every inflection we match.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say says said saying tell tells told telling add adds added adding note notes noted noting
    write writes wrote writing tweet tweets tweeted tweeting warn warns warned
    ask asks asked asking answers answered reply replies replied replying
    explain explains explained explaining argue argues argued arguing insist insists insisted
    insisting claimed claiming declare declares declared declaring
    announce announces announced announcing recall recalls recalled recalling
    continue continues continued continuing conclude concludes concluded concluding
    acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting
    suggest suggests suggested suggesting predict predicts predicted predicting
    complain complains complained complaining joked joking quip quips quipped
    respond responds responded responding remarked remarking
    stated stating observe observes observed observing urge urges urged urging
    assert asserts asserted asserting contend contends contended contending
    emphasize emphasizes emphasized emphasizing stressed stressing
    promised promising vow vows vowed vowing pledged
    pledging repeat repeats repeated repeating reported reporting
    posted told wrote testified testifies testify testifying
    charged charging shouted shouting yelled
    exclaimed exclaims exclaim boasted boasting scoffed scoff
    countered cautioned concede concedes conceded conceding
    confirm confirms confirmed confirming deny denies denied denying
    described called calling
    mused lamented added insisted chimed
    predicted reiterated reiterates reiterate conceded
    """.split()
)

# Cues whose quoted complement may be a label rather than speech ("called it a 'hoax'").
LABEL_VERBS: frozenset[str] = frozenset(
    "called calling dubbed dubs dub dubbing labeled labelled labels label "
    "nicknamed termed terms described branded brands "
    "titled entitled named".split()
)

PRONOUNS_MALE: frozenset[str] = frozenset({"he", "him", "his", "himself"})
PRONOUNS_FEMALE: frozenset[str] = frozenset({"she", "her", "hers", "herself"})
PRONOUNS_PLURAL: frozenset[str] = frozenset({"they", "them", "their", "we"})
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "i", "we", "it"})

# Honorifics that mark the following capitalised words as a person's name.
HONORIFICS_MALE: frozenset[str] = frozenset({"mr", "mr.", "sir", "lord", "king", "prince"})
HONORIFICS_FEMALE: frozenset[str] = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "queen", "princess", "dame"}
)

# Words that form a role or title before a name ("White House press secretary Jen Psaki").
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president vice secretary sen. sen senator rep. rep representative gov. gov governor
    mayor chairman chairwoman chair chief director minister prime attorney general gen.
    speaker leader majority minority whip judge justice ambassador commissioner
    spokesman spokeswoman spokesperson press adviser advisor aide counsel counselor
    deputy assistant under acting former then candidate nominee frontrunner front-runner
    congressman congresswoman councilman councilwoman councilmember lawmaker
    mr. mr mrs. mrs ms. ms dr. dr prof. professor rev. reverend pastor father bishop pope
    lt. col. sgt. capt. maj. adm. admiral colonel captain sergeant lieutenant major cmdr.
    officer sheriff chancellor premier king queen prince princess lord sir dame
    executive ceo cfo coo founder co-founder editor columnist analyst strategist
    pollster economist manager campaign chairman treasurer superintendent
    republican democrat democratic gop independent presidential senior top state
    department house white national security foreign defense homeland justice treasury
    commerce agriculture energy labor interior education health transportation
    committee party campaign agency office administration council federal u.s. us
    american british russian chinese french german israeli iranian mexican
    ex- candidate hopeful challenger incumbent nominee presumptive republican-led
    of and
    """.split()
)

# Lower-case heads of unnamed sources ("a senior administration official").
UNNAMED_HEADS: frozenset[str] = frozenset(
    """
    official officials source sources spokesman spokeswoman spokesperson aide aides
    adviser advisers advisor advisors person people officer officers analyst analysts
    expert experts critic critics supporter supporters observer observers lawmaker lawmakers
    diplomat diplomats member members staffer staffers insider insiders witness witnesses
    resident residents voter voters worker workers economist economists leader leaders
    statement report reports poll polls survey study analysis spokespeople representative
    representatives strategist strategists operative operatives agent agents investigator
    investigators prosecutor prosecutors lawyer lawyers attorney attorneys
    senator senators congressman congresswoman governor mayor president secretary
    candidate nominee campaign administration organizers protesters police authorities
    """.split()
)

DETERMINERS: frozenset[str] = frozenset(
    {"a", "an", "the", "one", "two", "three", "several", "some", "many", "another", "other",
     "most", "both", "few", "those", "these", "this", "that"}
)

# Abbreviations that end in a period without ending a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms dr sen rep gov gen lt col sgt capt maj adm cmdr rev prof st jr sr vs
    jan feb mar apr jun jul aug sep sept oct nov dec no inc co corp ltd u.s u.k u.n
    d r i ft mt pres dept est approx
    """.split()
)

# Capitalised words that start sentences but are not names.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    """
    the a an and but or if when while after before as at in on of for to from by with
    this that these those it its he she they we i you his her their our my your
    there here what who whom whose which where why how then than also so yet still
    said says say told according asked added tuesday monday wednesday thursday friday
    saturday sunday january february march april may june july august september
    october november december mr mrs ms dr sen rep gov one two three some many
    no not yes now today yesterday last next new former other another each every
    all both while though although because since until during despite without
    however meanwhile earlier later instead indeed even just only once well
    """.split()
)
