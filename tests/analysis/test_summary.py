# Unit tests of the plain-language sentences for differences and estimates.
# Checks the exact wording the report's summary table uses.
from cmhsim_analysis.summary import describe_difference, describe_estimate, is_clear


def test_fewer_people_in_gap_reads_with_positive_interval():
    text = describe_difference("people_in_gap", -1237.4, -1247.2, -1228.1)
    assert text == "1,237 fewer people in the gap (95% CI 1,228 to 1,247)"


def test_interval_crossing_zero_says_no_clear_difference():
    text = describe_difference("crises_per_1000_per_year", -0.5, -4.1, 2.3)
    assert text.startswith("no clear difference: ")
    assert "4.10 fewer to 2.30 more" in text


def test_shares_are_percentage_points_and_costs_pounds():
    share = describe_difference("primary_care_only_share_12m", -0.0784, -0.0801, -0.0767)
    assert share.startswith("7.84 percentage points fewer")
    cost = describe_difference("cost_per_person_per_year", 512.3, 500.0, 530.0)
    assert cost == "£512 more per person per year (95% CI 500 to 530)"
    qol = describe_difference("mean_quality_of_life", 0.0317, 0.0310, 0.0324)
    assert qol.startswith("quality of life 0.0317 points higher")


def test_estimates_and_clarity():
    assert describe_estimate(0.4876, 0.48, 0.49, "fraction") == "48.8% (95% CI 48.0 to 49.0)"
    assert describe_estimate(float("nan"), 0, 0, "people") == "not defined"
    assert is_clear(-2.0, -1.0) and not is_clear(-1.0, 1.0)


def test_identical_replications_say_so():
    text = describe_difference("mortality_ratio_under_75", 0.0, 0.0, 0.0)
    assert text == "no difference in any replication (mortality ratio under 75)"
