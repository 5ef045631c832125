# Human-readable names for scenarios, outcomes, series, groups and sweep axes.
# Knows names used in results files (docs/outputs.md); nothing of HDF5 or matplotlib.
"""Display labels for the names found in cmhsim results files."""

# Short labels for the shipped scenarios; any other scenario shows its own name.
SCENARIO_LABELS = {
    "ics_baseline": "Baseline (no Care Partners)",
    "ics_partners": "Care Partners with supervision",
    "ics_partners_unsupervised": "Care Partners without supervision",
    "ics_stepdown": "Step-down discharge and gap-finding",
}

GROUP_LABELS = {
    "diverse_active": "Diverse, active",
    "family_stable": "Family, stable",
    "formal_sparse": "Formal, sparse",
    "white": "White",
    "black": "Black",
    "asian": "Asian",
    "mixed": "Mixed",
    "other": "Other",
    "schizophrenia": "Schizophrenia",
    "bipolar": "Bipolar disorder",
    "other_psychosis": "Other psychosis",
}

AXIS_LABELS = {
    "care_partners.fte": "Care Partner FTE",
    "supervision.supervisor_fte": "Supervisor FTE",
    "care_partners.caseload_per_fte": "Care Partner caseload per FTE",
    "supervision.half_effect_hours_per_care_partner": "Supervision hours for half the effect",
}

OUTCOME_TITLES = {
    "people_in_gap": "People in the gap",
    "crises_per_1000_per_year": "Crises",
    "admissions_per_1000_per_year": "Acute admissions",
    "bed_occupancy": "In-area bed occupancy",
    "out_of_area_placements_per_year": "Out-of-area placements",
    "primary_care_only_share_12m": "Primary care only (last 12 months)",
    "mean_quality_of_life": "Mean quality of life",
    "mortality_ratio_under_75": "Mortality ratio under 75",
    "cost_per_person_per_year": "Cost per person per year",
    "cmht_mean_wait_days": "CMHT mean wait",
    "care_partner_contacts_per_person": "Care Partner contacts per person",
    "deaths_per_1000_per_year": "Deaths",
    "life_years_lost": "Life-years lost",
    "care_partner_mean_wait_days": "Care Partner mean wait",
    "care_partner_waiting_list": "Care Partner waiting list",
    "care_partner_people_reached_per_year": "People reached by Care Partners",
    "care_partner_vacancy_rate": "Care Partner vacancy rate",
    "care_partner_leavers_per_year": "Care Partner leavers",
    "cmht_referral_to_second_contact_days": "CMHT referral to second contact",
    "cmht_seen_within_4_weeks_share": "CMHT referrals seen within 4 weeks",
    "cmht_vacancy_rate": "CMHT vacancy rate",
    "stepdown_primary_care_only_share_3y": "Step-down: primary care only at 3 years",
    "stepdown_returned_to_secondary_share_3y": "Step-down: back under secondary care at 3 years",
    "stepdown_cohort_size": "Step-down cohort (followed 3 years)",
}


def scenario_label(name):
    """Returns a short display label for a scenario name."""
    return SCENARIO_LABELS.get(name, name)


def group_label(name):
    """Returns a display label for an equity group."""
    return GROUP_LABELS.get(name, name.replace("_", " ").capitalize())


def axis_label(key):
    """Returns a display label for a sweep axis key path."""
    return AXIS_LABELS.get(key, key)


def outcome_title(name):
    """Returns a display title for an end-of-run outcome."""
    return OUTCOME_TITLES.get(name, name.replace("_", " ").capitalize())


def display_unit(unit):
    """Returns the unit shown on an axis, with fractions shown as percentages."""
    return "%" if unit == "fraction" else unit


def display_scale(unit):
    """Returns the factor applied to values of a unit before display (fractions to percent)."""
    return 100.0 if unit == "fraction" else 1.0


def difference_unit(unit):
    """Returns the unit of a difference shown on an axis (fractions as percentage points)."""
    return "percentage points" if unit == "fraction" else unit


def cost_label(series_name):
    """Returns a display label for a cost series (cost_<service>)."""
    special = {"cmht": "CMHT", "vcse": "VCSE", "out_of_area": "Out-of-area beds",
               "inpatient": "In-area beds", "crisis": "Crisis team",
               "care_partners": "Care Partners", "primary_care": "Primary care",
               "supervision": "Supervision", "outpatients": "Outpatients"}
    key = series_name[len("cost_"):] if series_name.startswith("cost_") else series_name
    return special.get(key, key.replace("_", " ").capitalize())
