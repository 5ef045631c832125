# Plain-language sentences for differences and estimates with their 95% intervals.
# Knows outcome names and number formatting; nothing of HDF5, figures or HTML.
"""Plain-language descriptions of paired differences."""

import math

# outcome -> (template, word when lower, word when higher, scale); "{x}" is the magnitude and
# "{dir}" the direction word.
PHRASES = {
    "people_in_gap": ("{x} {dir} people in the gap", "fewer", "more", 1.0),
    "crises_per_1000_per_year": ("{x} {dir} crises per 1,000 person-years", "fewer", "more", 1.0),
    "admissions_per_1000_per_year": ("{x} {dir} acute admissions per 1,000 person-years",
                                     "fewer", "more", 1.0),
    "bed_occupancy": ("bed occupancy {x} percentage points {dir}", "lower", "higher", 100.0),
    "out_of_area_placements_per_year": ("{x} {dir} out-of-area placements a year", "fewer", "more",
                                        1.0),
    "primary_care_only_share_12m": ("{x} percentage points {dir} people seen only in primary care "
                                    "in the last year", "fewer", "more", 100.0),
    "mean_quality_of_life": ("quality of life {x} points {dir} (MANSA, 1-7)", "lower", "higher",
                             1.0),
    "mortality_ratio_under_75": ("mortality ratio under 75 {x} {dir}", "lower", "higher", 1.0),
    "cost_per_person_per_year": ("£{x} {dir} per person per year", "less", "more", 1.0),
    "cmht_mean_wait_days": ("CMHT waits {x} days {dir}", "shorter", "longer", 1.0),
}
SUMMARY_OUTCOMES = list(PHRASES)
# Waits, vacancies and the step-down cohort, shown per scenario with their 95% intervals; a file
# written before an outcome existed shows it as missing.
ACCESS_OUTCOMES = ["care_partner_mean_wait_days", "cmht_referral_to_second_contact_days",
                   "cmht_seen_within_4_weeks_share", "care_partner_vacancy_rate",
                   "cmht_vacancy_rate", "stepdown_primary_care_only_share_3y",
                   "stepdown_returned_to_secondary_share_3y"]
MISSING = "not in these results"


def decimals_for(value, spread=0.0):
    """Returns the decimals that show about three significant figures of the larger of value and spread."""
    ref = max(abs(value) if not math.isnan(value) else 0.0,
              abs(spread) if not math.isnan(spread) else 0.0)
    if not ref or ref >= 100:
        return 0
    return min(4, max(0, 2 - int(math.floor(math.log10(ref)))))


def number(value, decimals):
    """Returns value with thousands separators and a fixed number of decimals."""
    return f"{value:,.{decimals}f}"


def describe_difference(outcome, difference, lo, hi):
    """Returns a sentence for a paired difference and its 95% CI, e.g. '1,237 fewer people ...'."""
    template, down, up, scale = PHRASES.get(outcome, ("{x} {dir} " + outcome, "lower", "higher", 1.0))
    if any(math.isnan(v) for v in (difference, lo, hi)):
        if math.isnan(difference):
            return f"not defined for this comparison ({outcome})"
    d, lo_s, hi_s = difference * scale, lo * scale, hi * scale
    dec = decimals_for(d, (hi_s - lo_s) / 2 if not math.isnan(hi_s - lo_s) else 0.0)
    direction = down if d < 0 else up
    head = template.format(x=number(abs(d), dec), dir=direction)
    if math.isnan(lo_s) or math.isnan(hi_s):
        return head + " (no interval: fewer than two replications)"
    if lo_s > 0 or hi_s < 0:
        a, b = sorted((abs(lo_s), abs(hi_s)))
        return f"{head} (95% CI {number(a, dec)} to {number(b, dec)})"
    if d == 0 and lo_s == 0 and hi_s == 0:
        return f"no difference in any replication ({outcome.replace('_', ' ')})"
    return (f"no clear difference: {head} (95% CI {number(abs(lo_s), dec)} {down} to "
            f"{number(abs(hi_s), dec)} {up})")


def is_clear(lo, hi):
    """Returns whether a 95% CI excludes zero."""
    return not (math.isnan(lo) or math.isnan(hi)) and (lo > 0 or hi < 0)


def describe_run_metric(run, name):
    """Returns a run's metric as 'mean unit (95% CI lo to hi)', or MISSING if the file lacks it."""
    if name not in run.metrics.index:
        return MISSING
    mean, lo, hi, _ = run.metric(name)
    return describe_estimate(mean, lo, hi, run.metric_unit(name))


def describe_estimate(mean, lo, hi, unit):
    """Returns 'mean unit (95% CI lo to hi)' with fractions shown as percentages."""
    scale, shown = (100.0, "%") if unit == "fraction" else (1.0, " " + unit if unit else "")
    if math.isnan(mean):
        return "not defined"
    m = mean * scale
    dec = decimals_for(m)
    text = f"{number(m, dec)}{shown}"
    if not (math.isnan(lo) or math.isnan(hi)):
        text += f" (95% CI {number(lo * scale, dec)} to {number(hi * scale, dec)})"
    return text
