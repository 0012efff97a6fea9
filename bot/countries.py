"""Alias data for `bot.topics`: countries and bodies with their other names, spelling variants,
and the title words dropped from a queried name. General knowledge only.
"""

from __future__ import annotations

# name | other names | short forms | demonyms | capital or seat used for the government.
# A leading "=" marks a form that counts only as written (case-sensitive): "=US" is not "us".
COUNTRIES = """
afghanistan|||afghan|kabul
albania|||albanian|tirana
algeria|||algerian|algiers
andorra|||andorran|
angola|||angolan|luanda
antigua and barbuda|antigua||antiguan|
argentina|||argentine,argentinian|buenos aires
armenia|||armenian|yerevan
australia|||australian,aussie,aussies|canberra
austria|||austrian|vienna
azerbaijan|||azerbaijani,azeri|baku
bahamas|the bahamas||bahamian|nassau
bahrain|||bahraini|manama
bangladesh|||bangladeshi|dhaka
barbados|||barbadian|
belarus|byelorussia||belarusian|minsk
belgium|||belgian|
belize|||belizean|
benin|||beninese|porto-novo
bhutan|||bhutanese|thimphu
bolivia|||bolivian|la paz
bosnia and herzegovina|bosnia,bosnia-herzegovina||bosnian|sarajevo
botswana|||motswana,batswana|gaborone
brazil|||brazilian|brasilia
brunei|||bruneian|
bulgaria|||bulgarian|
burkina faso|||burkinabe|ouagadougou
burundi|||burundian|gitega
cambodia|||cambodian|phnom penh
cameroon|||cameroonian|yaounde
canada|||canadian|ottawa
cape verde|cabo verde||cape verdean|praia
central african republic||=CAR|central african|bangui
chad|||chadian|n'djamena
chile|||chilean|
china|people's republic of china,mainland china|prc|chinese|beijing
colombia|||colombian|bogota
comoros|||comorian|moroni
costa rica|||costa rican|
croatia|||croatian,croat,croats|zagreb
cuba|||cuban|havana
cyprus|||cypriot|nicosia
czech republic|czechia||czech,czechs|prague
democratic republic of the congo|dr congo,congo-kinshasa,congo|drc|congolese|kinshasa
denmark|||danish,dane,danes|copenhagen
djibouti|||djiboutian|
dominica||||roseau
dominican republic|||dominican|santo domingo
ecuador|||ecuadorian|quito
egypt|||egyptian|cairo
el salvador|||salvadoran,salvadorean|san salvador
equatorial guinea|||equatoguinean|malabo
eritrea|||eritrean|asmara
estonia|||estonian|tallinn
eswatini|swaziland||swazi|mbabane
ethiopia|||ethiopian|addis ababa
fiji|||fijian|suva
finland|||finnish,finn,finns|helsinki
france|||french|paris,elysee
gabon|||gabonese|libreville
gambia|the gambia||gambian|banjul
georgia|||georgian|tbilisi
germany|||german|berlin
ghana|||ghanaian|accra
greece|hellas||greek,greeks|athens
grenada|||grenadian|
guatemala|||guatemalan|guatemala city
guinea|||guinean|conakry
guinea-bissau|guinea bissau||bissau-guinean|
guyana|||guyanese|
haiti|||haitian|port-au-prince
honduras|||honduran|tegucigalpa
hong kong|||hongkonger,hong konger|
hungary|||hungarian|budapest
iceland|||icelandic,icelander|reykjavik
india|||indian|new delhi
indonesia|||indonesian|jakarta
iran|islamic republic of iran,persia||iranian,persian|tehran
iraq|||iraqi|baghdad
ireland|republic of ireland,eire||irish|dublin
israel|||israeli|
italy|||italian|rome
ivory coast|cote d'ivoire||ivorian|yamoussoukro
jamaica|||jamaican|
japan|||japanese|tokyo
jordan|||jordanian|amman
kazakhstan|||kazakh,kazakhstani|astana
kenya|||kenyan|nairobi
kiribati|||i-kiribati|tarawa
kosovo|||kosovar,kosovan|pristina
kuwait|||kuwaiti|
kyrgyzstan|kyrgyz republic||kyrgyz|bishkek
laos|lao pdr||laotian,lao|vientiane
latvia|||latvian|riga
lebanon|||lebanese|beirut
lesotho|||basotho|maseru
liberia|||liberian|monrovia
libya|||libyan|tripoli
liechtenstein|||liechtensteiner|vaduz
lithuania|||lithuanian|vilnius
luxembourg|||luxembourgish,luxembourger|
madagascar|||malagasy|antananarivo
malawi|||malawian|lilongwe
malaysia|||malaysian|kuala lumpur,putrajaya
maldives|||maldivian|
mali|||malian|bamako
malta|||maltese|valletta
marshall islands|||marshallese|majuro
mauritania|||mauritanian|nouakchott
mauritius|||mauritian|port louis
mexico|||mexican|mexico city
micronesia|||micronesian|
moldova|||moldovan|chisinau
monaco|||monegasque|
mongolia|||mongolian|ulaanbaatar
montenegro|||montenegrin|podgorica
morocco|||moroccan|rabat
mozambique|||mozambican|maputo
myanmar|burma||burmese|naypyidaw,naypyitaw
namibia|||namibian|windhoek
nauru|||nauruan|
nepal|||nepali,nepalese|kathmandu
netherlands|the netherlands,holland||dutch|the hague
new zealand|||new zealander|
nicaragua|||nicaraguan|managua
niger|||nigerien|niamey
nigeria|||nigerian|abuja
north korea|democratic people's republic of korea|dprk|north korean|pyongyang
north macedonia|macedonia||macedonian|skopje
norway|||norwegian|oslo
oman|||omani|muscat
pakistan|||pakistani|islamabad
palau|||palauan|
palestine|state of palestine,palestinian territories,palestinian authority||palestinian|ramallah
panama|||panamanian|panama city
papua new guinea||png|papua new guinean|port moresby
paraguay|||paraguayan|asuncion
peru|||peruvian|
philippines|the philippines||filipino,filipinos,philippine|manila
poland|||=Polish,=Pole,=Poles|warsaw
portugal|||portuguese|lisbon
qatar|||qatari|doha
romania|||romanian|bucharest
russia|russian federation||russian|moscow,kremlin
rwanda|||rwandan|kigali
saint kitts and nevis|st kitts and nevis|||basseterre
saint lucia|st lucia||saint lucian|castries
saint vincent and the grenadines|st vincent and the grenadines|||kingstown
samoa|||samoan|apia
san marino|||sammarinese|
sao tome and principe|||santomean|
saudi arabia|saudi||saudi,saudis|riyadh
scotland|||scottish,scot,scots|holyrood
senegal|||senegalese|dakar
serbia|||serbian,serb,serbs|belgrade
seychelles|||seychellois|
sierra leone|||sierra leonean|freetown
singapore|||singaporean|
slovakia|||slovak,slovakian|bratislava
slovenia|||slovenian,slovene|ljubljana
solomon islands|||solomon islander|honiara
somalia|||somali,somalis|mogadishu
south africa|||south african|pretoria
south korea|republic of korea,korea|=ROK|south korean|seoul
south sudan|||south sudanese|juba
spain|||spanish,spaniard|madrid
sri lanka|||sri lankan|colombo
sudan|||sudanese|khartoum
suriname|||surinamese|paramaribo
sweden|||swedish,swede,swedes|stockholm
switzerland|||swiss|bern
syria|||syrian|damascus
taiwan|republic of china|=ROC|taiwanese|taipei
tajikistan|||tajik,tajikistani|dushanbe
tanzania|||tanzanian|dodoma
thailand|||thai,thais|bangkok
timor-leste|east timor||timorese|dili
togo|||togolese|lome
tonga|||tongan|nuku'alofa
trinidad and tobago|trinidad||trinidadian|port of spain
tunisia|||tunisian|tunis
turkey|turkiye||turkish,turk,turks|ankara
turkmenistan|||turkmen|ashgabat
tuvalu|||tuvaluan|funafuti
uganda|||ugandan|kampala
ukraine|||ukrainian|kyiv,kiev
united arab emirates|emirates|uae,u.a.e.|emirati|abu dhabi
united kingdom|britain,great britain|uk,u.k.|british,britons,brits|london,downing street,whitehall
united states|united states of america,america|u.s.,usa,u.s.a.,=US|american|washington,white house
uruguay|||uruguayan|montevideo
uzbekistan|||uzbek,uzbeks|tashkent
vanuatu|||ni-vanuatu|port vila
vatican|vatican city,holy see|||
venezuela|||venezuelan|caracas
vietnam|viet nam||vietnamese|hanoi
wales|||welsh|cardiff
yemen|||yemeni|sanaa,sana'a
zambia|||zambian|lusaka
zimbabwe|||zimbabwean|harare
european union||eu,e.u.||brussels
nato|north atlantic treaty organization,north atlantic alliance|||
united nations||u.n.,=UN||
world health organization||=WHO||
international monetary fund||imf||
opec|organization of the petroleum exporting countries|||
african union||=AU||
asean|association of southeast asian nations|||
g7|group of seven|||
g20|group of twenty|||
"""

# Spelling variants: asking about one finds the other, nothing broader.
SPELLING_VARIANTS = (
    ("kyiv", "kiev"),
    ("kharkiv", "kharkov"),
    ("odesa", "odessa"),
    ("beijing", "peking"),
    ("mumbai", "bombay"),
    ("zelenskyy", "zelensky", "zelenskiy"),
    ("al-qaeda", "al qaeda", "al-qaida"),
    ("isis", "isil", "islamic state"),
)
# Words dropped from a queried name before matching: "President Biden" finds "Joe Biden".
TITLE_WORDS = (
    "president vice secretary sec senator sen rep representative congressman congresswoman gov "
    "governor mr mrs ms miss dr prof professor minister prime chancellor foreign defense defence "
    "state general gen king queen prince princess pope mayor judge justice chairman chair ceo "
    "ambassador spokesman spokeswoman spokesperson adm admiral col sir dame lord lady former ex "
    "jr sr ii iii"
)
