"""Generic personal-name shapes: no gazetteer of people, only token patterns."""

from __future__ import annotations

import re


def _ranges(chars: list[str]) -> str:
    """['Ā', 'Ă', 'Ą'] -> 'ĀĂĄ' collapsed into 'X-Y' runs where code points are consecutive."""
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(chars[i] if j == i else f"{chars[i]}-{chars[j]}")
        i = j + 1
    return "".join(out)


# Latin letters beyond Latin-1 (Latin Extended-A/B: Polish "ł", Romanian "ș", Czech "č",
# Turkish "ğ"; Latin Extended Additional: Vietnamese "ạ", "ồ", "ế"), so "Władysław", "Popșoi",
# "Čapek" and "Phạm Minh Chính" are names like "Müller"
_EXT = [chr(c) for c in (*range(0x100, 0x250), *range(0x1E00, 0x1F00))]
UP = "A-ZÀ-ÖØ-Þ" + _ranges([c for c in _EXT if c.isupper()])
LO = "a-zß-öø-ÿ" + _ranges([c for c in _EXT if c.islower()])
TOKEN = (
    rf"(?:[{UP}][{LO}]*['’][{UP}][{LO}]+"
    rf"|[{UP}][{LO}]+(?:[{UP}][{LO}]+)?(?:-[{UP}{LO}][{LO}]+)*"
    rf"|[{UP}]\.)"
)
# "al-Burhan", "el-Sisi": an Arabic article joined to a family name
ARTICLE_TOKEN = rf"(?:al|el|ad|ar|as|at|az|an|ash)-[{UP}][{LO}]+"
PARTICLES = "de|da|del|van|von|der|den|bin|ibn|al|el|la|le|du|di|dos"
# "Ursula von der Leyen", "Luiz Inácio Lula da Silva", "Abdel Fattah al-Burhan"
NAME_RE = re.compile(
    rf"{TOKEN}(?:\s+(?:(?:(?:{PARTICLES})\s+){{0,2}}{TOKEN}|{ARTICLE_TOKEN})){{0,4}}"
    r"(?:\s+(?:II|III|IV|VI|VII|VIII)\b)?"  # "King Abdullah II", "Charles III"
)
TOKEN_RE = re.compile(TOKEN)

# Capitalised words that are not parts of personal names.
NOT_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "But",
        "Or",
        "Of",
        "In",
        "On",
        "At",
        "For",
        "To",
        "From",
        "With",
        "By",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "Until",
        "Up",
        "Down",
        "Out",
        "Over",
        "Under",
        "First",
        "Last",
        "Next",
        "New",
        "Old",
        "Daily",
        "Weekly",
        "News",
        "Morning",
        "Evening",
        "Edition",
        "Day",
        "Week",
        "Weekend",
        "All",
        "Things",
        "Considered",
        "Here",
        "Now",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Their",
        "His",
        "Her",
        "Its",
        "Our",
        "Live",
        "Today",
        "Tonight",
        "Show",
        "Report",
        "Times",
        "Post",
        "Journal",
        "Press",
        "Radio",
        "TV",
        "Television",
        "Agency",
        "Ministry",
        "Department",
        "Office",
        "House",
        "Council",
        "Party",
        "Army",
        "Navy",
        "Force",
        "Forces",
        "Committee",
        "Commission",
        "University",
        "Institute",
        "Center",
        "Centre",
        "Foundation",
        "Company",
        "Group",
        "Bank",
        "Fund",
        "North",
        "South",
        "East",
        "West",
        "Eastern",
        "Western",
        "Northern",
        "Southern",
        "Central",
        "Korean",
        "Peninsula",
        "Island",
        "Islands",
        "Union",
        "War",
        "World",
        "II",
        "III",
        "Sea",
        "River",
        "Street",
        "Square",
        "Palace",
        "Complex",
        "Buildings",
        "Building",
        "Standards",
        "Practices",
        "Oblast",
        "Province",
        "Airport",
        "Stadium",
        "Hall",
        "Summit",
        "Talks",
        "Security",
        "Guarantees",
        "Says",
        "Said",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "Many",
        "Some",
        "Most",
        "Several",
        "Both",
        "Each",
        "Every",
        "No",
        "Not",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "President",
        "Minister",
        "Secretary",
        "Chancellor",
        "Leader",
        "King",
        "Queen",
        "Prince",
        "Pope",
        "Premier",
        "General",
        "Gen",
        "Admiral",
        "Director",
        "Chief",
        "Head",
        "Ambassador",
        "Envoy",
        "Spokesperson",
        "Commissioner",
        "Adviser",
        "Advisor",
        "Chairperson",
        "Spokesman",
        "Spokeswoman",
        "Chairman",
        "Chairwoman",
        "Correspondent",
        "Reporter",
        "Senator",
        "Governor",
        "Mayor",
        "Foreign",
        "Prime",
        "Vice",
        "Deputy",
        # "EU Special Representative X", "the acting President": title words, not names
        "Special",
        "Representative",
        "Acting",
        "Supreme",
        "State",
        "Federal",
        "National",
        "International",
        "United",
        "Republic",
        "Democratic",
        "People's",
        "Kingdom",
        "Empire",
        "Federation",
        "Government",
        "Administration",
        "Embassy",
        "Parliament",
        "Congress",
        "Senate",
        "Assembly",
        "Court",
        "Council",
        "Twitter",
        "Facebook",
        "Instagram",
        "Email",
        "Share",
        "Sign",
        "Subscribe",
        "Advertisement",
        "Related",
        "Read",
        "More",
        "Photo",
        "Image",
        "Video",
        "Audio",
        "Getty",
        "Images",
        "Pool",
        "Via",
        "Reuters",
        "Breaking",
        "Analysis",
        "Opinion",
        "Editorial",
        "Updated",
        "Published",
        "Posted",
        "Chinese",
        "Russian",
        "American",
        "Japanese",
        "Iranian",
        "Israeli",
        "Ukrainian",
        "Soviet",
        "European",
        "Asian",
        "African",
        "Arab",
        "Western",
        "Gulf",
        "Pacific",
        "Atlantic",
        "Middle",
        "Also",
        "Still",
        "However",
        "Meanwhile",
        "According",
        "Although",
        "Though",
        "Because",
        "Despite",
        "Instead",
        "Yet",
        "So",
        "Then",
        "Thus",
        "Asked",
        "Told",
        "Added",
        "Noted",
        "Describing",
        "Speaking",
        "Writing",
        "Meeting",
        "Talking",
        "Willing",
        "Given",
        "Open",
        "Eager",
    ]
)


_REGNAL = frozenset(["II", "III", "IV", "VI", "VII", "VIII"])
_LEADING_WORDS = frozenset(
    "For To In At On From With And But As By Like Unlike After Before When While Of".split()  # noqa: SIM905
)


def clean_name(candidate: str) -> str | None:
    """Cut a capitalised run down to the name part, or None.

    'Vladimir Putin' -> 'Vladimir Putin'; 'Up First' -> None; 'S.' -> None
    """
    tokens = candidate.split()
    # "For Samia Benkhelifa, a researcher, …": a sentence-opening preposition is not a name
    while len(tokens) > 2 and tokens[0] in _LEADING_WORDS:
        tokens = tokens[1:]
    # "Enlargement Commissioner Marta Kos": a title word with two name words after it; the
    # words before it are the title's, not the name's
    for i in range(len(tokens) - 3, 0, -1):
        if tokens[i].rstrip(".") in NOT_NAME and not any(
            t.rstrip(".") in NOT_NAME for t in tokens[i + 1 :]
        ):
            tokens = tokens[i + 1 :]
            break
    out: list[str] = []
    for k, tok in enumerate(tokens):
        bare = tok.rstrip(".")
        if out and k == len(tokens) - 1 and tok in _REGNAL:
            out.append(tok)  # "Abdullah II": a regnal number ends the name
            break
        if bare in NOT_NAME or tok in NOT_NAME:
            break
        out.append(tok)
    while out and (len(out[-1]) == 2 and out[-1].endswith(".")):
        out.pop()  # a trailing initial is a sentence end, not a name part
    while out and out[-1] in PARTICLES.split("|"):
        out.pop()
    if not out or all(len(t) <= 2 for t in out):
        return None
    # "at the Grand Hotel", "in Freedom House", "Sunan International Airport": a building or
    # a place, not a person
    if out[-1].rstrip(".,") in FACILITY_WORDS:
        return None
    return " ".join(out)


FACILITY_WORDS = frozenset(
    [
        "Hotel",
        "Palace",
        "Villa",
        "House",
        "Airport",
        "Square",
        "Hall",
        "Center",
        "Centre",
        "Street",
        "Avenue",
        "Building",
        "Tower",
        "Stadium",
        "Park",
        "Bridge",
        "Island",
        "Village",
        "Mansion",
        "Residence",
        "Castle",
        "Embassy",
        "Consulate",
        "Museum",
        "University",
        "College",
        "Institute",
        "Forum",
        "Summit",
        "Conference",
        "Port",
        "Base",
        "Station",
        "Bay",
        "Sea",
        # events: "the Winter Olympics", "the World Cup"
        "Olympics",
        "Games",
        "Cup",
        "Expo",
        "Festival",
    ]
)


def surname(name: str, family_first: frozenset[str]) -> str:
    """The form a text uses on second reference.

    'Vladimir Putin' -> 'Putin'; 'Kim Jong Un' -> 'Kim'; 'Moon Jae-in' -> 'Moon'
    """
    tokens = name.split()
    # "Ferdinand Marcos Jr." -> "Marcos": a generational suffix is not the family name
    if len(tokens) > 2 and tokens[-1].rstrip(".,") in ("Jr", "Sr", "II", "III", "IV"):
        tokens = tokens[:-1]
    elif len(tokens) == 2 and tokens[-1] in _REGNAL:
        return tokens[0]  # "Abdullah II" -> "Abdullah"
    if len(tokens) == 1:
        return tokens[0]
    # "Kim Jong Un", "Moon Jae-in", "Xi Jinping": family name first
    if tokens[0] in family_first and not (len(tokens) == 2 and tokens[1] in family_first):
        return tokens[0]
    # "Ursula von der Leyen" -> "von der Leyen": the particles belong to the family name
    k = len(tokens) - 1
    while k > 1 and tokens[k - 1] in PARTICLES.split("|"):
        k -= 1
    return " ".join(tokens[k:])


def _word_char(ch: str, hyphen: bool) -> bool:
    return ch.isalnum() or ch == "_" or (hyphen and ch == "-")


def word_spans(hay: str, needle: str, hyphen: bool = True) -> list[tuple[int, int]]:
    """Where `needle` stands as a whole word in `hay`: the spans of
    re.finditer(r"(?<![\\w-])" + re.escape(needle) + r"(?![\\w-])", hay) without compiling a
    pattern per name (with hyphen=False, '-' is a boundary as in (?<!\\w)…(?!\\w)).

    word_spans("Kim and Kim-Jong met Kim", "Kim") -> [(0, 3), (21, 24)]
    """
    out: list[tuple[int, int]] = []
    if not needle:
        return out
    n = len(needle)
    pos = hay.find(needle)
    while pos != -1:
        end = pos + n
        if (pos == 0 or not _word_char(hay[pos - 1], hyphen)) and (
            end == len(hay) or not _word_char(hay[end], hyphen)
        ):
            out.append((pos, end))
            pos = hay.find(needle, end)
        else:
            pos = hay.find(needle, pos + 1)
    return out
