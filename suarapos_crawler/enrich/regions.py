"""Which regency or city of Bangka Belitung an article is about, read from its dateline and its sections.

The rule, in order:

1. The dateline's place (``SUARAPOS.COM, TOBOALI``): the regency or city it lies in (the towns below);
   a place known to lie outside the province: ``luar Babel``.
2. Else the first of the article's sections that is a regency or city (the site files regional news
   under Daerah: Pangkalpinang, Bangka, ... Belitung Timur).
3. Else a national section (``Nasional``): ``luar Babel``.
4. Else ``Bangka Belitung (provinsi)``: news of the whole province, or of no one place.

Every article gets exactly one region, so the facet's counts add up to the number of articles.
"""

from __future__ import annotations

import re

PROVINCE = "Bangka Belitung (provinsi)"
OUTSIDE = "luar Babel"
# The seven regencies and cities, with their seat's coordinates (for a map of coverage).
REGIONS = {
    "Pangkalpinang": (-2.1316, 106.1169),
    "Bangka": (-1.8617, 106.1094),  # Sungailiat
    "Bangka Barat": (-2.0613, 105.1647),  # Muntok
    "Bangka Tengah": (-2.4089, 106.2544),  # Koba
    "Bangka Selatan": (-3.0116, 106.4603),  # Toboali
    "Belitung": (-2.7411, 107.6500),  # Tanjungpandan
    "Belitung Timur": (-2.8770, 108.2852),  # Manggar
}
# Towns and districts (kecamatan) of each, as datelines write them.
TOWNS = {
    "Pangkalpinang": ("pangkalpinang", "pangkal pinang", "gerunggang", "bukit intan", "rangkui", "taman sari"),
    "Bangka": ("sungailiat", "belinyu", "pemali", "merawang", "mendo barat", "puding besar", "riau silip", "bakam"),
    "Bangka Barat": ("muntok", "mentok", "jebus", "kelapa", "simpang teritip", "tempilang", "parittiga"),
    "Bangka Tengah": ("koba", "pangkalan baru", "namang", "simpang katis", "sungai selan", "lubuk besar"),
    "Bangka Selatan": ("toboali", "payung", "air gegas", "simpang rimba", "lepar pongok", "tukak sadai"),
    "Belitung": ("tanjungpandan", "tanjung pandan", "badau", "membalong", "sijuk", "selat nasik"),
    "Belitung Timur": ("manggar", "gantung", "kelapa kampit", "dendang", "damar", "simpang renggiang"),
}
PLACE_REGION = {town: region for region, towns in TOWNS.items() for town in towns} | {
    region.lower(): region for region in REGIONS
}
OUTSIDE_PLACES = {"jakarta", "palembang", "bandung", "surabaya", "batam", "pekanbaru", "medan", "bogor"}
NATIONAL_SECTIONS = {"nasional", "internasional"}
DATELINE_PLACE = re.compile(r",\s*([^,]+)$")


def place_region(place: str) -> str | None:
    """The region of a town, or None for a place this list does not know."""
    place = " ".join(place.lower().replace("-", " ").split())
    return OUTSIDE if place in OUTSIDE_PLACES else PLACE_REGION.get(place)


def region_of(dateline: str | None, sections: list[str] | None) -> str:
    """The article's region by the rule above."""
    found = DATELINE_PLACE.search(dateline or "")
    if found:
        region = place_region(found.group(1))
        if region:
            return region
    for section in sections or []:
        if section in REGIONS:
            return section
    if any(s.lower() in NATIONAL_SECTIONS for s in sections or []):
        return OUTSIDE
    return PROVINCE
