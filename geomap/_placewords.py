"""Private word tables of the geoparser: English, not answers.

Titles and organisation words that turn a place name into part of a person's
or an organisation's name, words that never start or continue a place name,
connectors inside names, kind words around names, and demonyms that no suffix
rule derives. :mod:`geomap.geoparse` reads them; nothing here knows any
particular article.
"""

from __future__ import annotations

# These tables describe English, not answers: words that head or follow names
# of people and organisations, and words that are never place names.

TITLES = frozenset(
    """president presidents minister ministers secretary chancellor premier governor gov gov.
    senator sen sen. rep rep. representative congressman congresswoman mayor king queen prince
    princess emperor sheikh sheik emir ayatollah pope cardinal bishop archbishop reverend rev
    rev. father sister brother imam mullah general gen gen. colonel col col. lieutenant lt lt.
    captain capt capt. major sergeant sgt admiral commander marshal chief judge justice
    ambassador envoy spokesman spokeswoman spokesperson director chairman chairwoman chair
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir lord lady dame saint
    leader deputy vice prime foreign defence defense interior finance health officer
    coach striker midfielder goalkeeper defender manager captain ceo founder
    detective constable inspector superintendent sheriff attorney councillor councilor
    commissioner trooper agent officer nurse doctor""".split()
)

# Words after a place name that make it a modifier of a person's title, which
# keeps the place a place ("New York Gov. Andrew Cuomo", "US President").
TITLE_AFTER = TITLES | frozenset({"government", "authorities", "officials", "official"})

ORG_WORDS = frozenset(
    """police department ministry university college school academy institute council
    committee commission party bank post times news herald tribune journal gazette telegraph
    guardian observer mail daily weekly press radio television tv network channel agency
    company corporation corp corp. inc inc. ltd ltd. group airlines airways airline railway
    railways club fc united city' hospital clinic museum library church cathedral mosque
    temple foundation fund trust association society union federation league board authority
    service services office bureau court tribunal parliament assembly senate congress
    army navy force forces guard guards brigade regiment battalion corps command
    times-picador stadium arena centre center hotel mall market exchange studios records
    symphony orchestra theatre theater festival prize award cup open games olympics
    championship series tour motors energy oil gas petroleum airport's fort camp base
    liberal liberals conservative conservatives republican republicans democrat democrats
    democratic labour labor socialist socialists communist communists green greens
    organization organisation organizations organisations front movement alliance coalition
    confederation""".split()
)

# Generic heads of organisation names. A capitalised word right before one is part of the
# name ("African Union", "Islamic Front", "Kabul Bank"), not a place or a demonym.
ORG_HEADS = frozenset(
    """union council organization organisation front movement party bank court league alliance
    coalition commission federation confederation committee congress assembly""".split()
)

# Capitalised words that are never part of a place name and end a run.
STOPWORDS = frozenset(
    """a an the this that these those it its he she his her they them their we our you your
    i me my mine who whom whose which what when where why how there here then than
    and or but nor so yet for if as at by in into on onto of off to from with without
    within about above across after against along among around before behind below beneath
    beside between beyond during except inside near outside over past since through
    throughout toward towards under until unto upon via
    is are was were be been being am do does did done have has had having will would shall
    should can could may might must not no yes all any both each few more most other some such
    only own same too very just also even still now ever never always often
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    today tomorrow yesterday tonight
    mr mrs ms dr however meanwhile although though because while after before despite
    many much several one two three four five six seven eight nine ten
    said says say according""".split()
)

# Connectors allowed inside a multi-word place name ("Isle of Man", "Rio de Janeiro").
CONNECTORS = frozenset(
    "of de del la le les du des da do dos das di al el es and upon the e i y van von am".split()
)

# Connectors that, capitalised, may also open a name ("El Fasher", "Al Hudaydah", "La Paz").
NAME_ARTICLES = frozenset("al el la le les los las de da du des van von di del".split())

# Modifiers that may stand before a place without making it someone's name.
MODIFIERS = frozenset(
    """north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern greater upper
    lower downtown metro metropolitan inner outer mid rural urban coastal occupied""".split()
)

# Generic words that, capitalised right after a name, make it a proper name of
# that kind of place ("Kunduz Province", "Panj River").
KIND_WORDS = {
    "province": ("province",),
    "state": ("province",),
    "region": ("province", "region"),
    "oblast": ("province",),
    "governorate": ("province",),
    "prefecture": ("province",),
    "county": ("province",),
    "district": ("province", "city"),
    "city": ("city",),
    "town": ("city",),
    "village": ("city",),
    "river": ("river",),
    "lake": ("lake",),
    "mountains": ("mountain_range", "mountain"),
    "valley": ("physical",),
    "airport": ("airport",),
    "crossing": ("crossing",),
    "border": ("border",),
}

# Place-type words whose "X of Y" keeps Y a place ("the city of Panj").
OF_PLACE_HEADS = {
    "city": ("city",),
    "town": ("city",),
    "village": ("city",),
    "capital": ("city",),
    "province": ("province",),
    "state": ("province",),
    "region": ("province", "region"),
    "county": ("province",),
    "district": ("province", "city"),
    "island": ("island",),
    "isle": ("island",),
    "port": ("city",),
    "republic": ("country",),
    "kingdom": ("country",),
    "gulf": ("sea",),
    "bay": ("sea",),
    "sea": ("sea",),
    "lake": ("lake",),
    "mount": ("mountain",),
}

LOCATIVES = frozenset(
    """in at near from to outside inside into across around toward towards via through
    throughout within between beyond across off northern southern eastern western central
    north south east west northeast northwest southeast southwest""".split()
)

# Lower-case nouns that, right after a place name, make it part of the name of
# a disease, a breed or a dish rather than a location ("West Nile virus").
EPONYM_NOUNS = frozenset(
    """virus viruses fever flu influenza disease syndrome strain strains outbreak
    variant variants vaccine""".split()
)

# Unknown names still count as places when their first word says so ("Fort Hood").
PLACE_PREFIXES = frozenset({"fort", "camp"})

# Unresolvable names still count as places when their last word says so.
PLACE_SUFFIXES = frozenset(
    """county province district township parish governorate oblast prefecture municipality
    road street avenue boulevard highway river""".split()
)

# Demonyms that no suffix rule derives from their country's name, with the name of
# the country or region they point to ("" where they name no one place).
IRREGULAR_DEMONYM_PLACES = {
    "french": "France", "dutch": "Netherlands", "swiss": "Switzerland", "welsh": "Wales",
    "irish": "Ireland", "scottish": "Scotland", "scots": "Scotland", "scot": "Scotland",
    "british": "United Kingdom", "brit": "United Kingdom", "brits": "United Kingdom",
    "briton": "United Kingdom", "britons": "United Kingdom", "english": "England",
    "spanish": "Spain", "polish": "Poland", "danish": "Denmark", "dane": "Denmark",
    "danes": "Denmark", "swedish": "Sweden", "swede": "Sweden", "swedes": "Sweden",
    "finnish": "Finland", "finn": "Finland", "finns": "Finland", "greek": "Greece",
    "czech": "Czechia", "slovak": "Slovakia", "cypriot": "Cyprus", "filipino": "Philippines",
    "filipinos": "Philippines", "argentine": "Argentina", "turk": "Turkey", "turks": "Turkey",
    "turkish": "Turkey", "thai": "Thailand", "iraqi": "Iraq", "kuwaiti": "Kuwait",
    "saudi": "Saudi Arabia", "saudis": "Saudi Arabia", "emirati": "United Arab Emirates",
    "malay": "Malaysia", "tajik": "Tajikistan", "tajiks": "Tajikistan", "uzbek": "Uzbekistan",
    "uzbeks": "Uzbekistan", "kazakh": "Kazakhstan", "kazakhs": "Kazakhstan",
    "kyrgyz": "Kyrgyzstan", "turkmen": "Turkmenistan", "afghan": "Afghanistan",
    "afghans": "Afghanistan", "american": "United States", "americans": "United States",
    "german": "Germany", "germans": "Germany", "lebanese": "Lebanon", "burmese": "Myanmar",
    "peruvian": "Peru", "peruvians": "Peru", "moroccan": "Morocco", "moroccans": "Morocco",
    "mexican": "Mexico", "mexicans": "Mexico", "nigerien": "Niger", "kosovar": "Kosovo",
    "congolese": "Democratic Republic of the Congo", "malagasy": "Madagascar",
    "ivorian": "Ivory Coast", "bahraini": "Bahrain", "omani": "Oman", "nepalese": "Nepal",
    "sahrawi": "Western Sahara", "basotho": "Lesotho", "monegasque": "Monaco",
    "flemish": "Flanders", "basque": "", "arab": "", "arabs": "", "kurd": "", "kurds": "",
    "kurdish": "", "pashtun": "", "pashtuns": "", "uyghur": "", "uyghurs": "", "uighur": "",
    "uighurs": "", "hazara": "", "hazaras": "", "baluch": "", "tamil": "", "tamils": "",
    "sikh": "", "hindu": "", "muslim": "", "muslims": "", "jewish": "", "christian": "",
    "islamic": "", "western": "", "eastern": "", "european": "Europe", "europeans": "Europe",
    "african": "Africa", "africans": "Africa", "asian": "Asia", "asians": "Asia", "latino": "",
    "hispanic": "", "yankee": "", "yankees": "", "aussie": "Australia", "aussies": "Australia",
    "kiwi": "New Zealand", "kiwis": "New Zealand", "gallic": "France", "teutonic": "",
    "sino": "China", "anglo": "", "bengali": "", "punjabi": "", "sindhi": "",
    "palestinian": "Palestinian Territory", "palestinians": "Palestinian Territory",
}
IRREGULAR_DEMONYMS = frozenset(IRREGULAR_DEMONYM_PLACES)

_DEMONYM_SUFFIXES = ("ians", "ans", "ese", "ish", "ian", "an", "is", "i", "n", "ic", "s")
