"""The states (with DC and the territories) an agency may be in: the only geography a
de-identified file may carry (HIPAA Safe Harbor), stored as the two-letter postal code.
The names are marked for translation: a screen shows them in its language (Nuevo
México), the code as it is."""

from __future__ import annotations

from forms.fields import N_

STATES: dict[str, str] = {
    "AL": N_("Alabama"), "AK": N_("Alaska"), "AZ": N_("Arizona"), "AR": N_("Arkansas"),
    "CA": N_("California"), "CO": N_("Colorado"), "CT": N_("Connecticut"), "DE": N_("Delaware"),
    "DC": N_("District of Columbia"), "FL": N_("Florida"), "GA": N_("Georgia"),
    "HI": N_("Hawaii"), "ID": N_("Idaho"), "IL": N_("Illinois"), "IN": N_("Indiana"),
    "IA": N_("Iowa"), "KS": N_("Kansas"), "KY": N_("Kentucky"), "LA": N_("Louisiana"),
    "ME": N_("Maine"), "MD": N_("Maryland"), "MA": N_("Massachusetts"), "MI": N_("Michigan"),
    "MN": N_("Minnesota"), "MS": N_("Mississippi"), "MO": N_("Missouri"), "MT": N_("Montana"),
    "NE": N_("Nebraska"), "NV": N_("Nevada"), "NH": N_("New Hampshire"), "NJ": N_("New Jersey"),
    "NM": N_("New Mexico"), "NY": N_("New York"), "NC": N_("North Carolina"),
    "ND": N_("North Dakota"), "OH": N_("Ohio"), "OK": N_("Oklahoma"), "OR": N_("Oregon"),
    "PA": N_("Pennsylvania"), "RI": N_("Rhode Island"), "SC": N_("South Carolina"),
    "SD": N_("South Dakota"), "TN": N_("Tennessee"), "TX": N_("Texas"), "UT": N_("Utah"),
    "VT": N_("Vermont"), "VA": N_("Virginia"), "WA": N_("Washington"),
    "WV": N_("West Virginia"), "WI": N_("Wisconsin"), "WY": N_("Wyoming"),
    "AS": N_("American Samoa"), "GU": N_("Guam"), "MP": N_("Northern Mariana Islands"),
    "PR": N_("Puerto Rico"), "VI": N_("U.S. Virgin Islands"),
}  # fmt: skip

_BY_NAME = {name.casefold(): code for code, name in STATES.items()}


def state_code(text: str) -> str | None:
    """'or', 'OR' or 'Oregon' -> 'OR'; None when it names no state."""
    given = " ".join(text.split())
    if given.upper() in STATES:
        return given.upper()
    return _BY_NAME.get(given.casefold())
