"""Private reference tables of the gazetteer.

Press and postal abbreviations of states and provinces, and the world regions
news name often (UN M49 sub-regions and common groupings) with their member
countries. :mod:`geomap.gazetteer` indexes them with the shipped sources.
"""

from __future__ import annotations

# Standard postal and press (AP style) abbreviations of states and provinces.
# They are matched case-sensitively only (see ``Gazetteer.short_forms``).
STATE_ABBREVIATIONS = {
    "US": {
        "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO",
        "Conn.": "CT", "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL",
        "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA",
        "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS",
        "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
        "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
        "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC",
        "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA",
        "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
    },
    "CA": {
        "B.C.": "BC", "Alta.": "AB", "Sask.": "SK", "Man.": "MB", "Ont.": "ON",
        "Que.": "QC", "N.S.": "NS", "N.B.": "NB", "P.E.I.": "PE", "Nfld.": "NL",
    },
    "AU": {
        "NSW": "NSW", "QLD": "QLD", "Qld": "QLD", "Vic.": "VIC", "Tas.": "TAS",
        "SA": "SA", "WA": "WA", "NT": "NT", "ACT": "ACT",
    },
}


# World regions news name often, as UN M49 sub-regions and common groupings
# (ISO2 members). Each is placed at the component-wise median of its members'
# points, which a giant member (Russia in Eastern Europe) cannot drag away.
WORLD_REGIONS = {
    "Middle East": ("AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE", "Mideast|Near East"),
    "Southeast Asia": ("BN KH ID LA MM MY PH SG TH TL VN", "South East Asia|South-East Asia"),
    "Central Asia": ("KZ KG TJ TM UZ", ""),
    "South Asia": ("AF BD BT IN LK MV NP PK", "Indian subcontinent"),
    "East Asia": ("CN JP KP KR MN TW", "Far East"),
    "West Africa": ("BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG", ""),
    "East Africa": ("BI DJ ER ET KE RW SO SS TZ UG", ""),
    "Central Africa": ("AO CM CF TD CG CD GQ GA ST", ""),
    "North Africa": ("DZ EG LY MA SD TN", "Northern Africa"),
    "Southern Africa": ("BW LS NA SZ ZA ZM ZW MZ MW", ""),
    "Horn of Africa": ("DJ ER ET SO", ""),
    "Sahel": ("BF ML MR NE TD", ""),
    "Western Europe": ("AT BE CH DE FR LU NL", ""),
    "Eastern Europe": ("BG BY CZ HU MD PL RO RU SK UA", ""),
    "Northern Europe": ("DK EE FI IS IE LV LT NO SE GB", ""),
    "Southern Europe": ("AL BA HR GR IT MT ME MK PT RS SI ES", ""),
    "Balkans": ("AL BA BG HR GR ME MK RO RS SI", "Balkan Peninsula"),
    "Scandinavia": ("DK NO SE", ""),
    "Latin America": ("AR BO BR CL CO CR CU DO EC SV GT HN MX NI PA PY PE UY VE", ""),
    "Central America": ("BZ CR SV GT HN NI PA", ""),
    "Caribbean": ("AG BS BB CU DM DO GD HT JM KN LC VC TT", "West Indies"),
    "Gulf States": ("AE BH KW OM QA SA", "Gulf countries"),
    "Persian Gulf region": ("AE BH KW OM QA SA IR IQ", ""),
}
