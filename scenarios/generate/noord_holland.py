#!/usr/bin/env python3
"""Writes scenarios/noord-holland.yaml: the eight youth-care regions of Noord-Holland in one
landscape, each a scaled copy of the calibrated Westfriesland baseline, sharing crisis beds,
JeugdzorgPlus and small-scale living ("Een Thuis voor Noordje").

    python3 scenarios/generate/noord_holland.py > scenarios/noord-holland.yaml

Python 3 standard library only. Edit the tables here (REGIONS, CHANNELS, SERVICES, SHARED), never
the YAML: a test (tests/scenario/noord_holland_generated.sh) checks that the committed file is
this script's output.

How a region is made: every referral rate, capacity and census count of the Westfriesland
baseline (scenarios/westfriesland-baseline.yaml, calibrated in docs/calibration.md) is
multiplied by the region's scale factor

    s = (region's youths aged 0-22 / 52,000) x (region's usage / 9.9%)

(52,000 youths and 9.9% of them using youth care are Westfriesland's figures), rounded to whole
youths. Lengths of stay, routing shares, admission rules and tariffs are the baseline's,
unchanged. The shared services are sized for the whole province (see SHARED).
"""
import sys

BASELINE = "westfriesland-baseline.yaml"
BASE_YOUTHS = 52_000          # Westfriesland youths 0-22 (baseline; assumption there: 24%)
BASE_USAGE = 9.9              # % of Westfriesland's youths with youth care in 2020 (seed 000, 2.1)
YOUTH_SHARE = 0.24            # youths 0-22 per inhabitant, as the baseline (assumption)
CBS = "assumption: approximate CBS inhabitants 2023 (StatLine 03759ned), not in the domain file"
DOMAIN = "national-and-regional-figures.md"  # the research note; addresses in docs/calibration.md
UNDER_18_SHARE = 3.4 / 17.28  # youths <18 per inhabitant, NL 1 January 2019 (CBS; derived)
INHABITANTS_YEAR = 2021       # Westfriesland's inhabitants (1 July 2021, as the baseline)
INHABITANTS_YEAR_OTHERS = 2023  # the other municipalities' inhabitants (approximate CBS 2023)

# ---------------------------------------------------------------------------------------------
# The regions. Per region: its municipalities with inhabitants, its youths 0-22 (from the
# inhabitants x YOUTH_SHARE unless a source gives them) and its usage (% of youths with youth
# care in a year; the domain file gives a figure for one municipality in three regions, the
# rest of a region is taken at Westfriesland's level).
# ---------------------------------------------------------------------------------------------
REGIONS = [
    {
        "id": "kop",
        "name": "Kop van Noord-Holland (the Head of North Holland)",
        "short": "Kop van NH",
        "municipalities": [("Den Helder", 56_500), ("Hollands Kroon", 49_500),
                           ("Schagen", 47_000), ("Texel", 13_700)],
        "inhabitants_note": CBS,
        # Den Helder: 13.6% of youths had jeugdhulp, the highest in Noord-Holland (domain file
        # 3.2, nhnieuws, date uncertain). Den Helder is 56,500 / 166,700 = 34% of the Kop's
        # youths; the other three municipalities at Westfriesland's 9.9%.
        "usage_parts": [(56_500 / 166_700, 13.6), (1 - 56_500 / 166_700, BASE_USAGE)],
        "usage_note": ["Den Helder 13.6% (domain file 3.2: highest in Noord-Holland; date",
                       "uncertain) for its 34% of the youths, the rest at Westfriesland's 9.9%",
                       "(assumption) = 11.2%; 13.6% for the whole Kop would make s 1.06"],
    },
    {
        "id": "alkmaar",
        "name": "Regio Alkmaar (Alkmaar region)",
        "short": "Regio Alkmaar",
        "municipalities": [("Alkmaar", 111_000), ("Dijk en Waard", 89_000), ("Bergen", 30_000),
                           ("Heiloo", 24_000), ("Castricum", 36_500), ("Uitgeest", 14_000)],
        "inhabitants_note": CBS,
        # Heerhugowaard (now part of Dijk en Waard): ~12% of youths <= 23, ~1,900 youths, in
        # 2019 (domain file 3.2), so ~15,800 youths = 22% of the region's 73,100.
        "usage_parts": [(15_800 / 73_100, 12.0), (1 - 15_800 / 73_100, BASE_USAGE)],
        "usage_note": ["Heerhugowaard ~12% in 2019 (~1,900 of ~15,800 youths, domain file 3.2)",
                       "for 22% of the youths, the rest at Westfriesland's 9.9% (assumption)",
                       "= 10.4%"],
    },
    {
        "id": "westfriesland",
        "name": "Westfriesland (West Friesland)",
        "short": "Westfriesland",
        "municipalities": [("Drechterland", 19_972), ("Enkhuizen", 18_632), ("Hoorn", 73_769),
                           ("Koggenland", 23_043), ("Medemblik", 45_249), ("Opmeer", 12_059),
                           ("Stede Broec", 21_835)],
        "inhabitants_note": "1 July 2021, as westfriesland-baseline.yaml: "
                            "https://nl.m.wikipedia.org/wiki/West-Friesland_(historische_regio)",
        "youths": BASE_YOUTHS,
        "youths_note": "as westfriesland-baseline.yaml (an assumption there: 24% of inhabitants)",
        "usage_parts": [(1.0, BASE_USAGE)],
        "usage_note": ["9.9% in 2020 (seed 000, 2.1): the calibrated baseline itself, s = 1"],
    },
    {
        "id": "zaanstreek_waterland",
        "name": "Zaanstreek-Waterland (Zaan district and Waterland)",
        "short": "Zaanstreek-Waterland",
        # Seed 003 counts 8 municipalities (2018); Beemster joined Purmerend on 1 January 2022.
        "municipalities": [("Zaanstad", 158_000), ("Purmerend", 94_000),
                           ("Edam-Volendam", 37_000), ("Waterland", 17_500),
                           ("Wormerland", 16_500), ("Oostzaan", 9_800), ("Landsmeer", 11_600)],
        "inhabitants_note": CBS + ". Seed 003 counts 8 municipalities (2018): Beemster "
                                  "joined Purmerend in 2022",
        "youths": 86_012,
        "youths_note": "seed 003 (2018): 86,012 youths aged 0-22",
        # Zaanstad ~13% (3,780 youths), Wormerland 7.9% (220), Oostzaan 6.9% (130), c. 2021-22
        # (domain file 3.3): 29,080 + 2,785 + 1,884 youths; the other 52,263 at 9.9%.
        "usage_parts": [(29_080 / 86_012, 13.0), (2_785 / 86_012, 7.9), (1_884 / 86_012, 6.9),
                        (52_263 / 86_012, BASE_USAGE)],
        "usage_note": ["Zaanstad ~13% (3,780 youths), Wormerland 7.9% (220), Oostzaan 6.9% (130),",
                       "c. 2021-22 (domain file 3.3); the other 52,263 youths at Westfriesland's",
                       "9.9% (assumption) = 10.8%"],
    },
    {
        "id": "kennemerland",
        "name": "Kennemerland: Zuid-Kennemerland and IJmond",
        "short": "Kennemerland",
        # Zuid-Kennemerland (Haarlem, Zandvoort, Bloemendaal, Heemstede) and IJmond (Velsen,
        # Beverwijk, Heemskerk) are sometimes counted as two regions: that is how "Een Thuis
        # voor Noordje" reaches nine regions in Noord-Holland (domain file 3.1). One region here.
        "municipalities": [("Haarlem", 163_000), ("Zandvoort", 17_200), ("Bloemendaal", 23_500),
                           ("Heemstede", 27_500), ("Velsen", 69_000), ("Beverwijk", 42_000),
                           ("Heemskerk", 39_500)],
        "inhabitants_note": CBS,
        "usage_parts": [(1.0, BASE_USAGE)],
        "usage_note": ["no figure in the domain file: Westfriesland's 9.9% (~NL 9.8%; assumption)"],
    },
    {
        "id": "haarlemmermeer",
        "name": "Haarlemmermeer",
        "short": "Haarlemmermeer",
        "municipalities": [("Haarlemmermeer", 160_000)],
        "inhabitants_note": CBS,
        "usage_parts": [(1.0, BASE_USAGE)],
        "usage_note": ["no figure in the domain file: Westfriesland's 9.9% (~NL 9.8%; assumption)"],
    },
    {
        "id": "amsterdam_amstelland",
        "name": "Amsterdam-Amstelland",
        "short": "Amsterdam-Amstelland",
        "municipalities": [("Amsterdam", 918_000), ("Amstelveen", 92_000), ("Aalsmeer", 33_000),
                           ("Diemen", 31_000), ("Ouder-Amstel", 15_000), ("Uithoorn", 31_000)],
        "inhabitants_note": CBS,
        "usage_parts": [(1.0, BASE_USAGE)],
        "usage_note": ["no figure in the domain file: Westfriesland's 9.9% (~NL 9.8%; assumption)"],
    },
    {
        "id": "gooi_vechtstreek",
        "name": "Gooi en Vechtstreek (Gooi and Vecht region)",
        "short": "Gooi en Vechtstreek",
        # Eemnes lies in the province of Utrecht but buys youth care with Gooi en Vechtstreek.
        "municipalities": [("Hilversum", 92_000), ("Gooise Meren", 59_000), ("Huizen", 41_500),
                           ("Wijdemeren", 24_500), ("Laren", 11_500), ("Blaricum", 12_000),
                           ("Eemnes", 9_500)],
        "inhabitants_note": CBS + ". Eemnes (province of Utrecht) buys youth care with this region",
        "usage_parts": [(1.0, BASE_USAGE)],
        "usage_note": ["no figure in the domain file: Westfriesland's 9.9% (~NL 9.8%; assumption)"],
    },
]


def prepare(region):
    """Adds inhabitants, youths, usage and the scale factor s (all rounded as printed)."""
    region["inhabitants"] = sum(n for _, n in region["municipalities"])
    if "youths" not in region:
        region["youths"] = round_to(region["inhabitants"] * YOUTH_SHARE, 100)
        region["youths_note"] = (f"assumption: {YOUTH_SHARE:.0%} of inhabitants, as the "
                                 "baseline, rounded to 100")
    region["usage"] = round(sum(share * usage for share, usage in region["usage_parts"]), 1)
    region["s"] = round(region["youths"] / BASE_YOUTHS * region["usage"] / BASE_USAGE, 3)


def round_to(x, step):
    return int(x / step + 0.5) * step


def whole(x):
    """Rounds half up (not Python's half to even), so the printed derivations check by hand."""
    return int(x + 0.5)


# ---------------------------------------------------------------------------------------------
# The per-region template: the baseline's referral channels and regional services. Keys in
# routes are ROLES (the baseline's service ids), so every youth goes to its own region's
# counterpart; crisis, jeugdzorgplus and kleinschalig_wonen are the shared services' ids.
# "rate", "capacity", "occupied" and "waiting" are the baseline's values and are scaled by s.
# ---------------------------------------------------------------------------------------------
WIJKTEAM_TO_BY_PROFILE = {
    "B": {"ambulant_b": 0.90, "lokaal_team": 0.07, "intensief_ambulant": 0.03},
    "C": {"ambulant_c": 0.70, "intensief_ambulant": 0.13, "open_residentieel": 0.12,
          "pleegzorg": 0.03, "gezinshuis": 0.02},
}

CHANNELS = [
    {
        "key": "wijkteam",
        "dutch": "wijkteam / gebiedsteam",
        "name": "Local area team (gebiedsteam / lokaal team, gemeentelijke toegang)",
        "rate": 830,
        "profiles": {"A": 0.32, "B": 0.55, "C": 0.13},
        "to": "lokaal_team",
        "to_by_profile": WIJKTEAM_TO_BY_PROFILE,
        "age_years": {"dist": "triangular", "min": 0, "mode": 10, "max": 18},
        "protection_share": 0.05,
    },
    {
        "key": "huisarts",
        "dutch": "huisarts, jeugdarts, medisch specialist",
        "name": "GPs, youth doctors and medical specialists (huisarts, jeugdarts, medisch specialist)",
        "rate": 980,
        "profiles": {"A": 0.05, "B": 0.70, "C": 0.25},
        "to": "lokaal_team",
        "to_by_profile": {
            "B": {"ambulant_b": 0.98, "intensief_ambulant": 0.02},
            "C": {"ambulant_c": 0.88, "open_residentieel": 0.07, "intensief_ambulant": 0.05},
        },
        "age_years": {"dist": "triangular", "min": 2, "mode": 13, "max": 18},
        "protection_share": 0.0,
    },
    {
        "key": "jeugdbescherming",
        "dutch": "jeugdbescherming (GI, Raad voor de Kinderbescherming)",
        "name": "Youth protection (gecertificeerde instelling / Raad voor de Kinderbescherming)",
        "rate": 195,
        "profiles": {"B": 0.45, "C": 0.55},
        "to": {"ambulant_b": 0.52, "ambulant_c": 0.15, "intensief_ambulant": 0.10,
               "pleegzorg": 0.13, "gezinshuis": 0.03, "open_residentieel": 0.07},
        "to_by_profile": {
            "C": {"ambulant_b": 0.20, "ambulant_c": 0.30, "intensief_ambulant": 0.07,
                  "pleegzorg": 0.13, "gezinshuis": 0.03, "open_residentieel": 0.10,
                  "jeugdzorgplus": 0.15, "kleinschalig_wonen": 0.02},
        },
        "age_years": {"dist": "uniform", "min": 0, "max": 18},
        "protection_share": 1.0,
        "measure": "gi_jeugdbescherming",
        "new_measure_share": 0.45,
        "measure_note": "new measures need a guardian (GI); 0.45 of them new, as the baseline",
    },
    {
        "key": "veilig_thuis",
        "dutch": "Veilig Thuis",
        "name": "Veilig Thuis (advice and reporting centre for domestic violence and child abuse)",
        "rate": 50,
        "profiles": {"A": 0.30, "B": 0.50, "C": 0.20},
        "to": {"lokaal_team": 0.40, "ambulant_b": 0.40, "intensief_ambulant": 0.15,
               "pleegzorg": 0.03, "gezinshuis": 0.02},
        "age_years": {"dist": "uniform", "min": 0, "max": 18},
        "protection_share": 0.20,
        "investigation": "veilig_thuis_onderzoek",
    },
    {
        "key": "veilig_thuis_meldingen",
        "dutch": "Veilig Thuis (onderzoek zonder jeugdhulp)",
        "name": "Veilig Thuis investigations that lead to no youth care",
        "rate": 140,
        "track_only": True,
        "investigation": "veilig_thuis_onderzoek",
        "age_years": {"dist": "uniform", "min": 0, "max": 18},
        "comment": ["investigations only (track_only): these youths count in no care figure;",
                    "the baseline's derivation (CBS reports, a quarter investigated) x s"],
    },
    {
        "key": "crisisdienst",
        "dutch": "crisisdienst jeugd",
        "name": "Crisis service (crisisdienst jeugd), placing in the shared crisis beds",
        "rate": 50,
        "crisis": True,
        "profiles": {"B": 0.40, "C": 0.60},
        "to": {"crisis": 0.70, "intensief_ambulant": 0.25, "ambulant_b": 0.05},
        "age_years": {"dist": "triangular", "min": 4, "mode": 15, "max": 18},
        "protection_share": 0.30,
    },
    {
        "key": "herinstroom_start",
        "dutch": "herinstroom",
        "name": "Start-up: youths who left care before 2025 and come back (herinstroom)",
        "rate": 153,
        "profiles": {"A": 0.14, "B": 0.64, "C": 0.22},
        "to": "lokaal_team",
        "to_by_profile": WIJKTEAM_TO_BY_PROFILE,
        "age_years": {"dist": "triangular", "min": 1, "mode": 14, "max": 18},
        "comment": ["the baseline's start-up channel: re-entries of youths who left before 2025",
                    "(not in the census), fading out from 2026 (policy startup-reentries)"],
    },
]

AGES_0_18 = [x + 0.5 for x in range(18)]
AGES_12_18 = [x + 0.5 for x in range(12, 18)]

SERVICES = [
    {
        "role": "lokaal_team",
        "name": "Local team youth help (segment A)",
        "dutch": "lokaal team / gebiedsteam (jeugdhulp door het wijkteam)",
        "kind": "care_at_home",
        "capacity": 560,
        "duration_days": {"dist": "lognormal", "mean": 420, "sd": 350},
        "next": {"exit": 0.86, "ambulant_b": 0.11, "ambulant_c": 0.02, "intensief_ambulant": 0.01},
        "reentry_probability": 0.10,
        "cost_per_day": 10,
        "census": {"occupied": 515, "waiting": 0, "profiles": {"A": 0.79, "B": 0.20, "C": 0.01},
                   "ages": (AGES_0_18, [2, 9, 16, 25, 35, 45, 55, 64, 76, 87, 98, 97, 93, 84, 73,
                                        61, 48, 33])},
    },
    {
        "role": "ambulant_b",
        "name": "Specialist ambulant care (segment B)",
        "dutch": "specialistische ambulante jeugdhulp (incl. jeugd-ggz, daghulp)",
        "kind": "care_at_home",
        "capacity": 1800,
        "duration_days": {"dist": "lognormal", "mean": 460, "sd": 360},
        "queue": {"max_length": "unlimited", "max_wait_days": 365, "renege_to": "exit"},
        "waiting": {"bridging": "overbrugging"},
        "next": {"exit": 0.892, "ambulant_c": 0.06, "lokaal_team": 0.03, "intensief_ambulant": 0.01,
                 "open_residentieel": 0.005, "pleegzorg": 0.002, "gezinshuis": 0.001},
        "cost_per_day": 30,
        "census": {"occupied": 1730, "waiting": 0, "profiles": {"A": 0.03, "B": 0.93, "C": 0.04},
                   "ages": (AGES_0_18, [2, 5, 10, 18, 27, 37, 47, 59, 68, 79, 89, 95, 99, 99, 90,
                                        76, 59, 41])},
    },
    {
        "role": "ambulant_c",
        "name": "Highly specialist ambulant care (segment C)",
        "dutch": "hoogspecialistische ambulante jeugdhulp (specialistische jeugd-ggz, behandeling)",
        "kind": "care_at_home",
        "capacity": 680,
        "capacity_note": ["equal to the load: a structural",
                          "waiting list, as in the baseline"],
        "duration_days": {"dist": "lognormal", "mean": 540, "sd": 420},
        "queue": {"max_length": "unlimited", "max_wait_days": 270, "renege_to": "exit"},
        "waiting": {"bridging": "overbrugging"},
        "next": {"exit": 0.887, "ambulant_b": 0.04, "intensief_ambulant": 0.03,
                 "open_residentieel": 0.03, "pleegzorg": 0.005, "gezinshuis": 0.005,
                 "kleinschalig_wonen": 0.003},
        "cost_per_day": 55,
        "census": {"occupied": 680, "waiting": 60, "profiles": {"A": 0.02, "B": 0.19, "C": 0.79},
                   "ages": (AGES_0_18, [2, 6, 10, 16, 25, 33, 43, 54, 63, 74, 84, 92, 97, 102, 96,
                                        84, 69, 51])},
    },
    {
        "role": "intensief_ambulant",
        "name": "Intensive ambulant family treatment (integrated specialist ambulant, ISA)",
        "dutch": "intensieve ambulante gezinsbehandeling / integraal specialistisch ambulant",
        "kind": "care_at_home",
        "capacity": 95,
        "duration_days": {"dist": "gamma", "mean": 180, "sd": 60},
        "queue": {"max_length": "unlimited"},
        "next": {"exit": 0.755, "ambulant_b": 0.12, "ambulant_c": 0.05, "open_residentieel": 0.04,
                 "pleegzorg": 0.015, "gezinshuis": 0.01, "kleinschalig_wonen": 0.01},
        "cost_per_day": 120,
        "census": {"occupied": 85, "profiles": {"A": 0.04, "B": 0.41, "C": 0.55},
                   "ages": (AGES_0_18, [11, 17, 22, 27, 33, 43, 52, 61, 69, 80, 88, 91, 84, 82,
                                        75, 69, 56, 39])},
    },
    {
        "role": "nazorg",
        "name": "Aftercare after residential or closed care",
        "dutch": "nazorg",
        "kind": "care_at_home",
        "capacity": 20,
        "duration_days": {"dist": "deterministic", "value": 122},
        "next": {"exit": 1.0},
        "reentry_probability": 0.20,
        "cost_per_day": 25,
        "census": {"occupied": 7, "profiles": {"B": 0.16, "C": 0.84},
                   "ages": (AGES_0_18, [0, 2, 8, 12, 16, 18, 28, 32, 40, 37, 48, 55, 83, 118, 132,
                                        145, 117, 107])},
    },
    {
        "role": "overbrugging",
        "name": "Bridging care while waiting at home",
        "dutch": "overbruggingszorg",
        "kind": "care_at_home",
        "capacity": 40,
        "duration_days": 1,
        "duration_note": "not used: a bridging youth stays until admitted where it waits",
        "cost_per_day": 20,
        "census_note": "no census: youths on the start waiting lists take bridging places",
    },
    {
        "role": "pleegzorg",
        "name": "Foster care (incl. network / kinship foster care)",
        "dutch": "pleegzorg (incl. netwerkpleegzorg)",
        "kind": "placement",
        "capacity": 180,
        "capacity_note": ["foster places = today's",
                          "occupancy, as the baseline. `validate` warns here, as for",
                          "the baseline: its check ignores substitution and that youths",
                          "arrive older than referred; the runs show a steady list"],
        "duration_days": {"dist": "lognormal", "mean": 1700, "sd": 1500},
        "queue": {"max_length": "unlimited"},
        "substitution": {"after_days": 60, "to": ["gezinshuis"], "retry_days": 14},
        "next": {"exit": 0.87, "pleegzorg": 0.05, "gezinshuis": 0.05, "open_residentieel": 0.03},
        "cost_per_day": 60,
        "census": {"occupied": 180, "waiting": 10, "profiles": {"A": 0.02, "B": 0.41, "C": 0.57},
                   "ages": (AGES_0_18, [5, 13, 19, 25, 32, 39, 45, 51, 56, 61, 67, 73, 78, 84, 88,
                                        89, 89, 85])},
    },
    {
        "role": "gezinshuis",
        "name": "Family-style group home",
        "dutch": "gezinshuis",
        "kind": "placement",
        "capacity": 52,
        "capacity_note": ["`validate` warns here, as",
                          "for the baseline (see the foster care above)"],
        "duration_days": {"dist": "lognormal", "mean": 900, "sd": 700},
        "queue": {"max_length": "unlimited"},
        "substitution": {"after_days": 90, "to": ["open_residentieel"], "retry_days": 14},
        "next": {"exit": 0.80, "open_residentieel": 0.08, "gezinshuis": 0.04, "pleegzorg": 0.05,
                 "kleinschalig_wonen": 0.03},
        "cost_per_day": 220,
        "census": {"occupied": 48, "profiles": {"A": 0.03, "B": 0.37, "C": 0.60},
                   "ages": (AGES_0_18, [4, 10, 16, 23, 29, 36, 44, 49, 55, 62, 73, 84, 86, 86, 91,
                                        90, 83, 76])},
    },
    {
        "role": "open_residentieel",
        "name": "Open residential care (treatment groups, clinical youth mental health)",
        "dutch": "open residentiële jeugdhulp / behandelgroep",
        "kind": "placement",
        "capacity": 122,
        "duration_days": {"dist": "lognormal", "mean": 420, "sd": 330},
        "queue": {"max_length": "unlimited"},
        "waiting": {"bridging": "overbrugging"},
        "substitution": {"after_days": 90, "to": ["intensief_ambulant"], "retry_days": 14},
        "next": {"exit": 0.46, "nazorg": 0.12, "ambulant_b": 0.18, "intensief_ambulant": 0.15,
                 "gezinshuis": 0.02, "pleegzorg": 0.03, "kleinschalig_wonen": 0.02,
                 "jeugdzorgplus": 0.02},
        "next_by_profile": {
            "C": {"exit": 0.40, "nazorg": 0.12, "ambulant_b": 0.15, "intensief_ambulant": 0.15,
                  "gezinshuis": 0.02, "pleegzorg": 0.03, "kleinschalig_wonen": 0.03,
                  "jeugdzorgplus": 0.10},
        },
        "reentry_probability": 0.20,
        "cost_per_day": 0,
        "cost_per_place_day": 297,
        "census": {"occupied": 114, "profiles": {"A": 0.01, "B": 0.23, "C": 0.76},
                   "ages": (AGES_0_18, [4, 11, 14, 21, 27, 37, 46, 55, 67, 75, 79, 85, 87, 88, 91,
                                        86, 72, 56])},
    },
]

# ---------------------------------------------------------------------------------------------
# The shared (supra-regional) services: one each for the whole province. Their sizes are set
# in main() from the regions' total scale (see the comments printed with them).
# ---------------------------------------------------------------------------------------------
NL_JZPLUS_PLACES = 564        # 30 June 2024, Jeugdautoriteit (domain file 0)
NL_JZPLUS_OCCUPIED = 462      # same date
BASE_F = 0.0118               # Westfriesland's share of NL youth care (baseline header)
UNIT_SIZE = 5                 # "Een Thuis voor Noordje": units of 4-6 youths (domain file 3.1)
KWV_UNITS = 25                # assumption, see the printed comment
CRISIS_BEDS = 60              # assumption, see the printed comment
CRISIS_CENSUS = 48            # the model's steady state (run, docs/calibration.md)
KWV_CENSUS = 117              # the model's steady state
JZPLUS_CENSUS = 76            # the model's steady state

# ---------------------------------------------------------------------------------------------
# YAML writing (flow style for tables, comments aligned as in the baseline).
# ---------------------------------------------------------------------------------------------
COMMENT_COLUMN = 31
out = []


def scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    text = str(value)
    plain = (text and all(c.isalnum() or c in " _-." for c in text) and text[0].isalnum()
             and text[-1] != " ")
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def line(indent, text, comment=None):
    """One line; comment is a string or a list of strings (continued on aligned lines)."""
    text = " " * indent + text
    if not comment:
        out.append(text)
        return
    comments = [comment] if isinstance(comment, str) else list(comment)
    pad = max(COMMENT_COLUMN - len(text), 3) if len(text) < COMMENT_COLUMN else 3
    out.append(text + " " * pad + "# " + comments[0])
    for more in comments[1:]:
        out.append(" " * COMMENT_COLUMN + "# " + more)


def key(indent, name, value, comment=None):
    line(indent, f"{name}: {scalar(value)}", comment)


def comment_block(lines, indent=0):
    for text in lines:
        out.append(" " * indent + ("# " + text if text else "#"))


def rule(title, indent=0):
    width = 95 - indent
    if title:
        out.append(" " * indent + f"# ---- {title} " + "-" * max(width - 8 - len(title), 3))
    else:
        out.append(" " * indent + "# " + "-" * (width - 2))


def municipality_mix(region):
    """Inhabitant shares, 4 decimals, the largest adjusted so that they sum to exactly 1."""
    total = region["inhabitants"]
    shares = {name: round(n / total, 4) for name, n in region["municipalities"]}
    largest = max(shares, key=shares.get)
    shares[largest] = round(1 - sum(v for k, v in shares.items() if k != largest), 4)
    return shares


def scaled(value, s):
    return max(whole(value * s), 1) if value > 0 else 0


# ---------------------------------------------------------------------------------------------
def header(regions, total_s):
    comment_block([
        "yaml-language-server: $schema=../docs/scenario.schema.json",
        "",
        "GENERATED by scenarios/generate/noord_holland.py; edit the generator, then run",
        "`python3 scenarios/generate/noord_holland.py > scenarios/noord-holland.yaml`",
        "(a test checks that this file is the generator's output).",
        "",
        "Noord-Holland: the eight youth-care regions in one landscape, today's situation (baseline).",
        "",
        "How the numbers were made (details: docs/calibration.md, section \"Noord-Holland\"):",
        "  * Every region is a scaled copy of the calibrated Westfriesland baseline",
        f"    ({BASELINE}): its referral rates, capacities and start census are the",
        "    baseline's x the region's scale factor",
        f"        s = (region's youths 0-22 / {BASE_YOUTHS:,}) x (region's usage / {BASE_USAGE}%)",
        "    rounded to whole youths. Lengths of stay, routing shares, admission rules and",
        f"    tariffs are the baseline's unchanged (\"as {BASELINE}\": their sources",
        "    and assumptions are written there).",
        "  * Youths: inhabitants x 24% (the baseline's assumption), except Westfriesland (the",
        "    baseline's 52,000) and Zaanstreek-Waterland (86,012, seed 003). Inhabitants per",
        "    municipality are approximate CBS figures for 2023 (StatLine 03759ned) that are NOT in",
        "    the domain file: assumptions, rounded to 500, listed per region below.",
        f"  * Usage: the domain file ({DOMAIN}, section 3)",
        "    gives a usage figure for Den Helder, Heerhugowaard and three Zaanstreek-Waterland",
        "    municipalities; the rest of those regions and the other regions are taken at",
        "    Westfriesland's 9.9% (about the national 9.8%): an assumption.",
        "",
        "  region                  inhabitants   youths 0-22   usage     s",
    ])
    for r in regions:
        comment_block([f"  {r['id']:<22}{r['inhabitants']:>12,}{r['youths']:>14,}"
                       f"{r['usage']:>7.1f}%{r['s']:>8.3f}"])
    comment_block([
        f"  {'all of Noord-Holland':<22}{sum(r['inhabitants'] for r in regions):>12,}"
        f"{sum(r['youths'] for r in regions):>14,}{'':>8}{total_s:>8.3f}",
        "",
        f"  So the landscape is ~{total_s:.0f}x Westfriesland, about {total_s * BASE_F:.1%} of Dutch youth care",
        f"  (f_NH = {BASE_F} x {total_s:.3f} = {total_s * BASE_F:.4f}; the baseline's f = {BASE_F}).",
        "  * Shared by all regions (no region): crisis beds, JeugdzorgPlus and small-scale living",
        "    (\"Een Thuis voor Noordje\"); their sizes are derived below. Pooling them over the",
        "    province makes them relatively smaller than the sum of eight regional shares.",
        "  * Money: euros at 2025 prices, indexed each 1 January; crisis beds, JeugdzorgPlus,",
        "    small-scale living and open residential care are paid per contracted place (used or",
        "    not), the rest per occupied day; every tariff is the baseline's assumption.",
    ])


def emit_top(regions, total_s):
    names = "; ".join(f"{r['short']} {r['youths']:,}" for r in regions)
    key(0, "format", 1)
    key(0, "name", "noord-holland")
    key(0, "title", "Noord-Holland: eight youth-care regions sharing crisis beds, "
                    "JeugdzorgPlus and small-scale living (baseline)")
    out.append("description: |")
    text = (f"The eight youth-care regions of Noord-Holland in one landscape, about "
            f"{round_to(sum(r['youths'] for r in regions), 1000):,} youths aged 0-22 ({names}). "
            "Each region has its own referral channels and local services (local team, "
            "ambulant care, foster care, family homes, open residential care, aftercare, "
            "bridging care), scaled from the calibrated Westfriesland baseline by youths and "
            "usage; all regions share the crisis beds, JeugdzorgPlus and small-scale living "
            "units (Een Thuis voor Noordje). No new policy: today's capacities, routes and "
            "lengths of stay carried forward for ten years.")
    words, current = text.split(), ""
    for word in words:
        if len(current) + len(word) + 1 > 93:
            out.append("  " + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append("  " + current)
    key(0, "start", "2025-01-01")
    key(0, "end", "2035-01-01")
    key(0, "period", "year")
    key(0, "replications", 20, ["assumption: the scenario is ~14x Westfriesland, so 20 runs give",
                                "intervals about as narrow as the baseline's 100 for the totals;",
                                "ask for more with `zorgsim run ... --replications 100`"])
    key(0, "seed", 1)
    key(0, "wait_norm_days", 28, "as westfriesland-baseline.yaml (assumption: a 4-week norm)")
    out.append("")
    comment_block(["Care profiles = the market segments, as westfriesland-baseline.yaml (seed 000, B.1.2):",
                   "  A: free-access general support, B: specialist, C: highly specialist youth care"])
    key(0, "profiles", ["A", "B", "C"])
    out.append("")
    comment_block(["Every region's channels use the same origin mix: the municipalities' shares of the",
                   "region's inhabitants (assumption: the same use per youth in every municipality).",
                   "The municipalities' youths aged 0-17, by which the start census is split over them and",
                   "the cost of JeugdzorgPlus shared (solidarity), are DERIVED as in westfriesland-baseline.yaml:",
                   f"inhabitants (above; the year: {INHABITANTS_YEAR} for Westfriesland, {INHABITANTS_YEAR_OTHERS} for the",
                   "others) x the national share of youths under 18, 3.4 million of 17.28 million (CBS,",
                   "1 January 2019, https://www.cbs.nl/nl-nl/nieuws/2020/18/443-duizend-jongeren-met-jeugdzorg-in-2019);",
                   "assumption: the same age mix in every municipality. CBS StatLine 03759ned has the real",
                   "0-17 counts per municipality: put them in the REGIONS table when at hand."])
    out.append("municipalities:")
    for r in regions:
        year = INHABITANTS_YEAR if r["id"] == "westfriesland" else INHABITANTS_YEAR_OTHERS
        for m, n in r["municipalities"]:
            out.append("  " + "- " + scalar({"name": m, "youths_0_17": round(n * UNDER_18_SHARE),
                                             "year": year, "region": r["id"]}))


def emit_regions(regions):
    out.append("")
    rule("")
    comment_block(["Regions (jeugdzorgregio's). Per region: municipalities (inhabitants), youths 0-22, usage",
                   "(share of youths with youth care in a year) and the scale factor s."])
    rule("")
    out.append("regions:")
    for r in regions:
        out.append(f"  - id: {r['id']}")
        key(4, "name", r["name"])
        munis = ", ".join(f"{m} {n:,}" for m, n in r["municipalities"])
        comment_block(wrap(f"municipalities: {munis} = {r['inhabitants']:,} inhabitants; "
                           f"{r['inhabitants_note']}", 86), 4)
        comment_block(wrap(f"youths 0-22: {r['youths']:,}; {r['youths_note']}", 86), 4)
        comment_block([f"usage: {r['usage_note'][0]}"] + ["  " + t for t in r["usage_note"][1:]], 4)
        comment_block([f"s = {r['youths']:,} / {BASE_YOUTHS:,} x {r['usage']} / {BASE_USAGE} = {r['s']:.3f}"], 4)
        if r["id"] == "kennemerland":
            comment_block(["Zuid-Kennemerland (Haarlem, Zandvoort, Bloemendaal, Heemstede) and IJmond",
                           "(Velsen, Beverwijk, Heemskerk) together. They are sometimes counted as two",
                           "regions, which is how \"Een Thuis voor Noordje\" reaches nine regions in",
                           "Noord-Holland (domain file 3.1)."], 4)


def wrap(text, width):
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + len(word) + 1 > width:
            lines.append(current)
            current = "  " + word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def emit_globals():
    out.append("")
    rule("")
    comment_block(["Ages and coming back: as westfriesland-baseline.yaml (sources and assumptions there)."])
    rule("")
    out.append("population:")
    key(2, "exit_age", 18, "Jeugdwet: youth care ends at 18")
    out.append("  extended_care:")
    key(4, "probability", 0.25, "as westfriesland-baseline.yaml (assumption)")
    key(4, "until_age", 21, "as westfriesland-baseline.yaml")
    key(2, "adult_support_probability", 0.40, "as westfriesland-baseline.yaml (assumption)")
    out.append("")
    out.append("prices:")
    key(2, "indexation_per_year", 0.04,
        ["as westfriesland-baseline.yaml: the VNG's Jeugdwet index for 2025",
         "(3.94%, OVA and consumer prices), carried forward (assumption)"])
    out.append("")
    out.append("reentry:")
    key(2, "probability", 0.12, "as westfriesland-baseline.yaml (CBS 85096NED; split assumed)")
    key(2, "delay_days", {"dist": "exponential", "mean": 365}, "as westfriesland-baseline.yaml (assumption)")
    key(2, "via", "westfriesland_wijkteam",
        ["the format has one re-entry channel for all regions. A",
         "re-entering youth keeps its own region: the channel's routes",
         "name roles, so it goes to ITS region's local team or ambulant",
         "care. Every region's local-team channel routes and weighs",
         "urgency alike, so the choice does not matter; Westfriesland's is",
         "the calibrated one (assumption, as the baseline: back via the",
         "local team)"])


def emit_sources(regions):
    out.append("")
    rule("")
    comment_block([
        "Referral channels (verwijzers), per region. Rates are NEW youths per year: the baseline's",
        "rate x s (the baseline's derivation from CBS 85096NED is in westfriesland-baseline.yaml).",
        "Profiles, first services (by role: the youth's own region), ages and protection shares",
        "as westfriesland-baseline.yaml. The crisis channel places in the SHARED crisis beds.",
    ])
    rule("")
    out.append("sources:")
    for r in regions:
        rule(f"{r['short']} (s = {r['s']:.3f})", 2)
        mix = municipality_mix(r)
        for c in CHANNELS:
            out.append(f"  - id: {r['id']}_{c['key']}")
            key(4, "name", f"{c['name']}, {r['short']}")
            key(4, "dutch", f"{c['dutch']}, {r['short']}")
            key(4, "region", r["id"])
            rate = scaled(c["rate"], r["s"])
            key(4, "rate_per_year", rate, f"baseline {c['rate']} x {r['s']:.3f}")
            if c.get("comment"):
                comment_block(c["comment"], 4)
            if c.get("crisis"):
                key(4, "crisis", True, "every referral here is a crisis: served first")
            if "profiles" in c:
                key(4, "profiles", c["profiles"])
            if c.get("track_only"):
                key(4, "track_only", True)
            else:
                key(4, "to", c["to"])
            if "to_by_profile" in c:
                out.append("    to_by_profile:")
                for p, table in c["to_by_profile"].items():
                    key(6, p, table)
            key(4, "age_years", c["age_years"])
            if "protection_share" in c:
                key(4, "protection_share", c["protection_share"])
            if "measure" in c:
                key(4, "measure", f"{r['id']}_{c['measure']}", c["measure_note"])
                key(4, "new_measure_share", c["new_measure_share"], "as westfriesland-baseline.yaml")
            if "investigation" in c:
                key(4, "investigation", f"{r['id']}_{c['investigation']}",
                    "a Veilig Thuis investigation alongside care")
            key(4, "municipalities", mix, "inhabitant shares (regions, above)")
            out.append("")


def emit_census(census, s, indent=4, occupied_comment=None):
    out.append(" " * indent + "census:")
    occupied = scaled(census["occupied"], s) if s is not None else census["occupied"]
    key(indent + 2, "occupied", occupied,
        occupied_comment or f"baseline {census['occupied']} x {s:.3f}")
    if "waiting" in census:
        waiting = scaled(census["waiting"], s)
        key(indent + 2, "waiting", waiting, f"baseline {census['waiting']} x {s:.3f}")
    key(indent + 2, "profiles", census["profiles"], "steady-state mix, as the baseline")
    values, weights = census["ages"]
    key(indent + 2, "age_years", {"dist": "empirical", "values": values, "weights": weights},
        "steady-state ages, as the baseline")


def emit_service_body(t, indent=4):
    for name in ("queue", "waiting", "substitution"):
        if name in t:
            key(indent, name, t[name])
    if "overflow" in t:
        key(indent, "overflow", t["overflow"])
    if "next" in t:
        key(indent, "next", t["next"], "as westfriesland-baseline.yaml")
    if "next_by_profile" in t:
        out.append(" " * indent + "next_by_profile:")
        for p, table in t["next_by_profile"].items():
            key(indent + 2, p, table)
    if "reentry_probability" in t:
        key(indent, "reentry_probability", t["reentry_probability"], "as westfriesland-baseline.yaml")
    if "cost_per_place_day" in t:
        key(indent, "cost_per_day", t["cost_per_day"], "paid per place, not per day (below)")
        key(indent, "cost_per_place_day", t["cost_per_place_day"],
            "as westfriesland-baseline.yaml (assumption: 90% of its day tariff)")
    else:
        key(indent, "cost_per_day", t["cost_per_day"], "as westfriesland-baseline.yaml (assumption)")


def emit_services(regions, total_s):
    out.append("")
    rule("")
    comment_block([
        "Services. Per region the baseline's nine local services (id REGION_ROLE, with `role:` so",
        "that routes find each youth's own region's service), then the three shared ones.",
        "Capacities and census counts are the baseline's x s; lengths of stay, routing, rules and",
        "tariffs as westfriesland-baseline.yaml. \"census\" = who is there on 1 January 2025.",
    ])
    rule("")
    out.append("services:")
    for r in regions:
        rule(f"{r['short']} (s = {r['s']:.3f})", 2)
        s = r["s"]
        for t in SERVICES:
            out.append(f"  - id: {r['id']}_{t['role']}")
            key(4, "name", f"{t['name']}, {r['short']}")
            key(4, "dutch", t["dutch"])
            key(4, "region", r["id"])
            key(4, "role", t["role"])
            key(4, "kind", t["kind"])
            note = f"baseline {t['capacity']} x {s:.3f}"
            if t.get("capacity_note"):
                note = [note + "; " + t["capacity_note"][0]] + t["capacity_note"][1:]
            key(4, "capacity", scaled(t["capacity"], s), note)
            key(4, "duration_days", t["duration_days"],
                t.get("duration_note", "as westfriesland-baseline.yaml"))
            emit_service_body(t)
            if "census" in t:
                emit_census(t["census"], s)
            elif t.get("census_note"):
                comment_block([t["census_note"]], 4)
            out.append("")
        emit_protection_chain(r)
    emit_shared(regions, total_s)


# The youth-protection chain: parallel services (track: parallel) held alongside care, per
# region, scaled from westfriesland-baseline.yaml (sources and reasoning there). In reality a
# GI or a Veilig Thuis serves several regions (Veilig Thuis Noord-Holland Noord: Kop, Alkmaar,
# Westfriesland); each region's share is modelled as its own service.
PROTECTION_CHAIN = [
    {
        "role": "gi_jeugdbescherming",
        "name": "Youth protection by a certified institution (guardians for OTS and voogdij)",
        "dutch": "jeugdbescherming (gecertificeerde instelling, GI)",
        "holds_placements": True,
        "wait_norm_days": 5,
        "guardians": 17,
        "caseload": 15,
        "duration_days": {"dist": "gamma", "mean": 1170, "sd": 900},
        "occupied": 245,
        "waiting": 10,
    },
    {
        "role": "veilig_thuis_onderzoek",
        "name": "Veilig Thuis investigations",
        "dutch": "Veilig Thuis onderzoek",
        "wait_norm_days": 7,
        "capacity": 31,
        "duration_days": {"dist": "gamma", "mean": 56, "sd": 28},
        "occupied": 29,
        "waiting": 5,
    },
]


def emit_protection_chain(r):
    s = r["s"]
    for t in PROTECTION_CHAIN:
        out.append(f"  - id: {r['id']}_{t['role']}")
        key(4, "name", f"{t['name']}, {r['short']}")
        key(4, "dutch", t["dutch"])
        key(4, "region", r["id"])
        key(4, "role", t["role"])
        key(4, "track", "parallel", "held alongside care (docs/model.md)")
        if t.get("holds_placements"):
            key(4, "holds_placements", True, "no placement decision without a guardian")
        key(4, "wait_norm_days", t["wait_norm_days"], "as westfriesland-baseline.yaml (assumption)")
        if "guardians" in t:
            key(4, "capacity", {"guardians": scaled(t["guardians"], s), "caseload": t["caseload"]},
                f"baseline {t['guardians']} guardians x {s:.3f}; caseload 15 (assumption, as the baseline)")
        else:
            key(4, "capacity", scaled(t["capacity"], s), f"baseline {t['capacity']} x {s:.3f} (assumption)")
        key(4, "duration_days", t["duration_days"], "as westfriesland-baseline.yaml")
        out.append("    census:")
        key(6, "occupied", scaled(t["occupied"], s), f"baseline {t['occupied']} x {s:.3f}")
        key(6, "waiting", scaled(t["waiting"], s), f"baseline {t['waiting']} x {s:.3f}")
        key(6, "age_years", {"dist": "uniform", "min": 0, "max": 18}, "assumption, as the baseline")
        out.append("")


def emit_shared(regions, total_s):
    f_nh = total_s * BASE_F
    nhn = sum(r["s"] for r in regions if r["id"] in ("kop", "alkmaar", "westfriesland"))
    rule("Shared by all regions (bovenregionaal): no region, no role", 2)
    comment_block([
        "Their census youths come from the regions in proportion to the regions' referral rates",
        "(the default): no source splits today's occupants by region. (Transferium, Nov 2018: 50",
        "of 72 youths from the 18 NHN municipalities, 22 from Zuid-Kennemerland/IJmond, domain",
        "file 3.2, covers one location only, not all of Noord-Holland.) Routes out of them name",
        "roles, so every youth goes back to its own region's services.",
    ], 2)
    # ---- crisis
    out.append("  - id: crisis")
    key(4, "name", "Crisis beds (shared by the Noord-Holland regions)")
    key(4, "dutch", "crisisopvang / crisisbed")
    key(4, "kind", "placement")
    key(4, "capacity", CRISIS_BEDS,
        ["assumption: no count found. The baseline's 8 beds",
         f"x {total_s:.1f} = {whole(8 * total_s)} would be half empty once pooled over the",
         f"province; {CRISIS_BEDS} beds turn away (to crisis help at home) about",
         "the same share of crisis placements as Westfriesland's 8",
         "(~1.5%), at ~80% occupancy incl. blocked beds (Erlang B,",
         "checked by a run: docs/calibration.md)"])
    key(4, "duration_days", {"dist": "lognormal", "mean": 35, "sd": 25}, "as westfriesland-baseline.yaml (assumption)")
    key(4, "queue", {"max_length": 0}, "no waiting list for a crisis bed ...")
    key(4, "overflow", "intensief_ambulant", "... crisis help at home (own region) instead")
    out.append("    waiting:")
    key(6, "blocking", True, ["the bed stays occupied while its youth waits for its next",
                              "place (seed 003), as westfriesland-baseline.yaml"])
    emit_service_body({
        "next": {"exit": 0.15, "ambulant_b": 0.12, "intensief_ambulant": 0.20, "pleegzorg": 0.15,
                 "gezinshuis": 0.05, "open_residentieel": 0.30, "kleinschalig_wonen": 0.03},
        "next_by_profile": {"C": {"exit": 0.10, "ambulant_b": 0.05, "intensief_ambulant": 0.20,
                                  "pleegzorg": 0.12, "gezinshuis": 0.05, "open_residentieel": 0.30,
                                  "kleinschalig_wonen": 0.05, "jeugdzorgplus": 0.13}},
        "reentry_probability": 0.25, "cost_per_day": 0, "cost_per_place_day": 405})
    emit_census({"occupied": CRISIS_CENSUS, "profiles": {"B": 0.40, "C": 0.60},
                 "ages": ([x + 0.5 for x in range(4, 18)],
                          [6, 22, 28, 45, 60, 73, 84, 88, 104, 128, 134, 116, 86, 26])}, None,
                occupied_comment=[f"the model's steady state (~{CRISIS_CENSUS}, incl. blocked beds);",
                                  f"the baseline's 5 x {total_s:.1f} = {whole(5 * total_s)}"])
    out.append("")
    # ---- JeugdzorgPlus
    out.append("  - id: jeugdzorgplus")
    key(4, "name", "Closed youth care (JeugdzorgPlus), shared by the Noord-Holland regions")
    key(4, "dutch", "JeugdzorgPlus (gesloten jeugdhulp)")
    key(4, "kind", "placement")
    key(4, "closed", True)
    places = whole(NL_JZPLUS_PLACES * f_nh)
    key(4, "capacity", places,
        ["derived: NL 564 places (30 June 2024, Jeugdautoriteit,",
         f"domain file 0) x f_NH {f_nh:.4f} = {NL_JZPLUS_PLACES * f_nh:.1f}. Cross-check: the",
         "NHN contract bought 81 places for 18 municipalities, 51-52",
         "occupied in 2019-2020 (domain file 3.2); national placements",
         "have halved since 2019 (1,707 -> 891): ~27 occupied for NHN",
         f"(kop + alkmaar + westfriesland, s = {nhn:.3f}), where this",
         f"scenario's routing gives ~{JZPLUS_CENSUS * nhn / total_s:.0f}. So Noord-Holland may use",
         "more closed care than the NL average (zorggebied Noord-West",
         "stayed flat in H1 2024, domain file 3.1): worth a sweep"])
    key(4, "duration_days", {"dist": "gamma", "mean": 198, "sd": 180}, "as westfriesland-baseline.yaml (NJi: 6.5 months)")
    key(4, "admission", {"min_age": 12, "profiles": ["C"]}, "closed care only for segment C, 12+")
    emit_service_body({
        "queue": {"max_length": "unlimited"},
        "substitution": {"after_days": 14, "to": ["kleinschalig_wonen", "intensief_ambulant"],
                         "retry_days": 7},
        "waiting": {"blocking": True},
        "next": {"nazorg": 0.75, "open_residentieel": 0.10, "kleinschalig_wonen": 0.10, "exit": 0.05},
        "reentry_probability": 0.35, "cost_per_day": 0, "cost_per_place_day": 468})
    key(4, "cost_sharing", {"solidarity_share": 1.0},
        ["assumption, as westfriesland-baseline.yaml: every municipality",
         "of the province pays its share of closed care by its youths",
         "aged 0-17 (JeugdzorgPlus is bought together)"])
    emit_census({"occupied": JZPLUS_CENSUS, "profiles": {"C": 1.00},
                 "ages": (AGES_12_18, [102, 187, 204, 186, 176, 145])}, None,
                occupied_comment=[f"NL 462 occupied (30 June 2024) x f_NH = {NL_JZPLUS_OCCUPIED * f_nh:.0f};",
                                  f"the model's steady state ~{JZPLUS_CENSUS} (baseline 5 x {total_s:.1f} = {whole(5 * total_s)})"])
    out.append("")
    # ---- small-scale living
    out.append("  - id: kleinschalig_wonen")
    key(4, "name", "Small-scale living units of 4-6 youths (Een Thuis voor Noordje), shared")
    key(4, "dutch", "kleinschalige woonvoorziening (kwv)")
    key(4, "kind", "placement")
    key(4, "capacity", KWV_UNITS * UNIT_SIZE,
        [f"assumption: {KWV_UNITS} units of {UNIT_SIZE} (units of 4-6 youths,",
         f"domain file 3.1); the baseline's 10 x {total_s:.1f} = {whole(10 * total_s)} is",
         "more than a shared pool needs: supply is \"insufficient\"",
         "(seed 000, 3.1), so ~95% full. The first unit, in Hoofddorp",
         "(3 children), opened in Nov 2024 (domain file 3.1)"])
    key(4, "duration_days", {"dist": "lognormal", "mean": 600, "sd": 400}, "as westfriesland-baseline.yaml (assumption)")
    key(4, "admission", {"min_age": 12}, "as westfriesland-baseline.yaml (assumption: 12+)")
    emit_service_body({
        "queue": {"max_length": "unlimited"},
        "substitution": {"after_days": 60, "to": ["open_residentieel"], "retry_days": 14},
        "next": {"exit": 0.55, "nazorg": 0.25, "intensief_ambulant": 0.10, "gezinshuis": 0.05,
                 "open_residentieel": 0.05},
        "cost_per_day": 0, "cost_per_place_day": 495})
    emit_census({"occupied": KWV_CENSUS, "profiles": {"A": 0.01, "B": 0.20, "C": 0.79},
                 "ages": (AGES_12_18, [58, 145, 199, 218, 207, 172])}, None,
                occupied_comment=[f"the model's steady state (~{KWV_CENSUS});",
                                  f"the baseline's 9 x {total_s:.1f} = {whole(9 * total_s)}"])


def emit_policies(regions):
    out.append("")
    rule("")
    comment_block(["Policy timeline: no new policy, only the fading start-up channels (as the baseline)."])
    rule("")
    out.append("policies:")
    out.append("  - id: startup-reentries")
    key(4, "date", "2026-01-01")
    key(4, "description", "Start-up only: re-entries of youths who left care before 2025 fade out")
    out.append("    inflow:")
    key(6, "multiplier", 1.0, "as westfriesland-baseline.yaml: the first step on the date")
    key(6, "annual_change", -0.6, "as westfriesland-baseline.yaml")
    key(6, "confirm", True, "-60% a year is meant: a start-up channel that fades out")
    key(6, "sources", [f"{r['id']}_herinstroom_start" for r in regions])


def main():
    for r in REGIONS:
        prepare(r)
    total_s = round(sum(r["s"] for r in REGIONS), 3)
    header(REGIONS, total_s)
    emit_top(REGIONS, total_s)
    emit_regions(REGIONS)
    emit_globals()
    emit_sources(REGIONS)
    emit_services(REGIONS, total_s)
    emit_policies(REGIONS)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
