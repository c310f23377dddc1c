"""Synthetic people for the demo agency: names, birth dates, demographics, contacts.

Nobody here is real: names are drawn from built-in lists, phones are in the
fictional 555-01xx range. A person depends only on (seed, index), so the
near-duplicate of person `i` can re-create person `i - 1` to misspell it.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from db.textfold import fold_name

GIVEN_NAMES = (
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
    "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
    "Thomas", "Sarah", "Christopher", "Karen", "Daniel", "Lisa", "Matthew", "Nancy",
    "Anthony", "Sandra", "Mark", "Ashley", "Steven", "Kimberly", "Andrew", "Emily",
    "Joshua", "Michelle", "Kevin", "Amanda", "Brian", "Melissa", "Jason", "Stephanie",
    "Tyler", "Rebecca", "Aaron", "Laura", "Jose", "Maria", "Luis", "Ana", "Carlos",
    "Sofía", "José", "Lucía", "Andrés", "Mateo", "Camila", "Wei", "Mei", "Hiroshi",
    "Yuki", "Minh", "Thảo", "Aisha", "Omar", "Fatima", "Kwame", "Amara", "Chidi",
    "Zoë", "Chloë", "Łukasz", "Małgorzata", "Søren", "Bjørn", "Ingrid", "Siobhán",
    "Seán", "Aoife", "Renée", "François", "Hélène", "Jürgen", "Björn", "Ömer", "Ayşe",
    "Çağlar", "İlker", "Dmitri", "Katarzyna", "Tomáš", "Jiří", "Ngozi", "Tāne", "Aroha",
    "Dakota", "Cheyenne", "Winona", "Keanu", "Leilani", "Priya", "Arjun",
)  # fmt: skip
FAMILY_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
    "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
    "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White",
    "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
    "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter",
    "Mitchell", "Roberts", "Campbell", "O'Brien", "MacDonald", "Fitzgerald", "Núñez",
    "Peña", "Muñoz", "Sánchez", "Ramírez", "Nguyễn", "Trần", "Lê", "Phạm", "Đặng",
    "Wang", "Li", "Zhang", "Chen", "Kim", "Park", "Tanaka", "Suzuki", "Okafor",
    "Adeyemi", "Mensah", "Diallo", "Haddad", "Khalil", "Ağaoğlu", "Yılmaz", "Çelik",
    "Şahin", "Kowalski", "Wiśniewski", "Wójcik", "Dvořák", "Novák", "Šimić", "Søndergaard",
    "Jørgensen", "Ólafsdóttir", "Müller", "Schröder", "Weiß", "Dubois", "Lefèvre",
    "Begay", "Yazzie", "Tsosie", "Kealoha", "Te Whata", "Patel", "Sharma", "Singh",
    "van der Berg", "De Luca", "Russo",
)  # fmt: skip
NICKNAMES = {
    "Robert": "Bobby", "William": "Bill", "Elizabeth": "Liz", "Christopher": "Chris",
    "Michael": "Mike", "Katarzyna": "Kasia", "Małgorzata": "Gosia", "Łukasz": "Luke",
    "Jennifer": "Jen", "Anthony": "Tony", "Joseph": "Joe", "Dmitri": "Dima",
    "Rebecca": "Becca", "Patricia": "Trish", "Stephanie": "Steph", "Richard": "Rick",
}  # fmt: skip
# Spellings a second registration of the same person might get.
VARIANTS = {
    "Steven": "Stephen", "John": "Jon", "Sarah": "Sara", "Zoë": "Zoe", "Łukasz": "Lukasz",
    "Søren": "Soren", "José": "Jose", "Sofía": "Sofia", "Chloë": "Chloe", "Mary": "Marie",
    "Aaron": "Aron", "Matthew": "Mathew", "Ayşe": "Ayse", "Jürgen": "Juergen",
}  # fmt: skip
AREAS = (
    "97201", "97202", "97203", "97204", "97205", "97206", "97209", "97210",
    "97211", "97212", "97214", "97215", "97217", "97218", "97220",
)  # fmt: skip
AREA_WEIGHTS = (14, 11, 9, 9, 8, 8, 7, 6, 6, 5, 4, 4, 3, 3, 3)
AREA_CUM = tuple(sum(AREA_WEIGHTS[: i + 1]) for i in range(len(AREA_WEIGHTS)))

_RACES = ("american_indian_alaska_native", "asian", "black", "native_hawaiian_pacific_islander",
          "white", "multiple", "other", "declined")  # fmt: skip
_RACE_CUM = (5, 11, 30, 31, 78, 86, 92, 100)
_ETHNICITIES = ("hispanic_latino", "not_hispanic_latino", "declined")
_ETHNICITY_CUM = (18, 94, 100)
OLDEST = dt.date(1950, 1, 1)
YOUNGEST = dt.date(2006, 12, 31)


@dataclass(frozen=True)
class Person:
    given_name: str
    family_name: str
    preferred_name: str | None
    birth_date: dt.date
    sex_at_birth: str
    gender: str
    race: str
    ethnicity: str
    postal_code: str | None
    phone: str | None
    consent_contact: bool
    consent_share: bool  # signs a treatment, payment and operations consent (db.demo.rows)


def person_rng(seed: int, index: int) -> random.Random:
    # Integer seeding is cheap; the odd multiplier keeps neighbouring seeds apart.
    return random.Random(seed * 1_000_003 + index * 7 + 1)


def make_person(seed: int, index: int, today: dt.date) -> Person:
    """Person number `index` of a demo built with `seed`; every 100th is a near-duplicate."""
    rng = person_rng(seed, index)
    if index % 100 == 57:
        return _misspelled(make_person(seed, index - 1, today), rng)
    given = rng.choice(GIVEN_NAMES)
    sex, gender = _sex_and_gender(rng)
    return Person(
        given_name=given,
        family_name=rng.choice(FAMILY_NAMES),
        preferred_name=NICKNAMES.get(given) if rng.random() < 0.4 else None,
        birth_date=_birth_date(rng, today),
        sex_at_birth=sex,
        gender=gender,
        race=rng.choices(_RACES, cum_weights=_RACE_CUM)[0],
        ethnicity=rng.choices(_ETHNICITIES, cum_weights=_ETHNICITY_CUM)[0],
        postal_code=_postal_code(rng),
        phone=_phone(rng),
        consent_contact=rng.random() < 0.65,
        consent_share=rng.random() < 0.35,
    )


def _birth_date(rng: random.Random, today: dt.date) -> dt.date:
    # Clients are adults: nobody is younger than 18 today.
    latest = min(YOUNGEST, today.replace(year=today.year - 18, day=min(today.day, 28)))
    if latest < OLDEST:
        raise ValueError(f"today={today} is too early for clients born 1950-2006")
    # Peak around the late 1970s to early 1990s, as in treatment populations.
    year = round(rng.triangular(OLDEST.year, latest.year, min(1984, latest.year)))
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    return min(max(day, OLDEST), latest)


def _sex_and_gender(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.62:
        return "male", "man" if rng.random() < 0.97 else "transgender_woman"
    if roll < 0.97:
        return "female", "woman" if rng.random() < 0.96 else "transgender_man"
    if roll < 0.98:
        return "intersex", rng.choice(("non_binary", "other", "woman", "man"))
    return rng.choice(("declined", "unknown")), rng.choice(("non_binary", "declined", "other"))


def _postal_code(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.08:
        return None
    if roll < 0.15:
        return f"97{rng.randrange(300, 400)}"  # outside the agency's usual areas
    return rng.choices(AREAS, cum_weights=AREA_CUM)[0]


def _phone(rng: random.Random) -> str | None:
    if rng.random() < 0.25:
        return None
    # 555-0100 to 555-0199 is reserved for fiction in North America.
    return f"({rng.choice((503, 971, 360))}) 555-01{rng.randrange(100):02d}"


def _misspelled(original: Person, rng: random.Random) -> Person:
    """The same person registered again: same birth date, name spelled another way."""
    given, family = original.given_name, original.family_name
    roll = rng.random()
    if given in VARIANTS and roll < 0.5:
        given = VARIANTS[given]
    elif _strip_accents(family) != family and roll < 0.8:
        family = _strip_accents(family)
    else:
        family = _typo(family, rng)
    return Person(
        given_name=given,
        family_name=family,
        preferred_name=None,
        birth_date=original.birth_date,
        sex_at_birth=original.sex_at_birth,
        gender=original.gender,
        race=original.race,
        ethnicity=original.ethnicity,
        postal_code=original.postal_code,
        phone=original.phone if rng.random() < 0.5 else _phone(rng),
        consent_contact=rng.random() < 0.65,
        consent_share=False,
    )


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _typo(name: str, rng: random.Random) -> str:
    if len(name) < 4:
        return name + name[-1]
    i = rng.randrange(1, len(name) - 2)
    swapped = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if rng.random() < 0.5 and swapped != name:  # two letters swapped
        return swapped
    return name[:i] + name[i + 1 :]  # a letter dropped


def client_row(
    person: Person, client_id: int, code: str, created: dt.datetime
) -> dict[str, object]:
    preferred = person.preferred_name
    return {
        "id": client_id,
        "client_code": code,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "preferred_name": preferred,
        "birth_date": person.birth_date,
        "sex_at_birth": person.sex_at_birth,
        "gender": person.gender,
        "race": person.race,
        "ethnicity": person.ethnicity,
        "postal_code": person.postal_code,
        "phone": person.phone,
        "consent_contact": person.consent_contact,
        "consent_share": False,  # a column kept for old data; consents are their own rows
        "given_search": fold_name(person.given_name),
        "family_search": fold_name(person.family_name),
        "preferred_search": fold_name(preferred) if preferred else None,
        "merged_into_id": None,
        "created_at": created,
        "updated_at": created,
        "version": 1,
    }
