"""A/B test maths: Beta posteriors, probability to be best, the winner rule, Thompson weights."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from fluenzr_desktop.domain.ab_test import (
    FLOOR,
    MIN_SENDS_PER_VARIANT,
    MIN_TOTAL_SUCCESSES,
    NOT_CONFIDENT,
    PROJECTION_CAP,
    SINGLE_VARIANT,
    TOO_FEW_SENDS,
    TOO_FEW_SUCCESSES,
    WIN_PROBABILITY,
    Metric,
    Posterior,
    VariantFigures,
    beta_quantile,
    credible_interval,
    decide,
    exact_two,
    monte_carlo,
    more_sends_needed,
    pick_by_weights,
    probability_beats,
    regularized_beta,
    thompson_weights,
    winner_of,
)

# Run once per make test, not again on the moved dates: Monte Carlo maths, no date in it.
pytestmark = pytest.mark.heavy


def test_three_of_sixty_against_seven_of_sixty_is_about_ninety_percent() -> None:
    exact = probability_beats(Posterior.of(60, 7), Posterior.of(60, 3))
    assert exact == pytest.approx(0.90, abs=0.01)
    decision = decide([("A", 60, 3), ("B", 60, 7)])
    assert decision.variants[1].probability_best == pytest.approx(exact, abs=1e-12)


def test_ten_of_two_hundred_against_eighteen_is_about_ninety_four_percent() -> None:
    exact = probability_beats(Posterior.of(200, 18), Posterior.of(200, 10))
    assert exact == pytest.approx(0.94, abs=0.01)
    decision = decide([("A", 200, 10), ("B", 200, 18)])
    assert decision.winner is None
    assert decision.reasons == (NOT_CONFIDENT,)


@pytest.mark.parametrize(
    "first, second",
    [((60, 3), (60, 7)), ((200, 10), (200, 18)), ((500, 40), (450, 41)), ((0, 0), (30, 2))],
)
def test_the_closed_form_agrees_with_monte_carlo(
    first: tuple[int, int], second: tuple[int, int]
) -> None:
    posteriors = [Posterior.of(*first), Posterior.of(*second)]
    exact_p, exact_loss = exact_two(*posteriors)
    drawn_p, drawn_loss = monte_carlo(posteriors, draws=50_000, seed=7)
    assert drawn_p == pytest.approx(exact_p, abs=0.005)
    assert drawn_loss == pytest.approx(exact_loss, abs=0.001)


def test_probability_to_beat_is_complementary_and_even_between_equals() -> None:
    a, b = Posterior.of(120, 9), Posterior.of(80, 11)
    assert probability_beats(a, b) + probability_beats(b, a) == pytest.approx(1.0, abs=1e-12)
    assert probability_beats(a, a) == pytest.approx(0.5, abs=1e-12)


def test_credible_intervals_match_known_beta_quantiles() -> None:
    assert beta_quantile(0.5, 2, 2) == pytest.approx(0.5, abs=1e-6)
    assert credible_interval(Posterior(1, 1)) == pytest.approx((0.05, 0.95), abs=1e-6)
    # Beta(a, 1) has CDF x**a and Beta(1, b) has CDF 1 − (1 − x)**b.
    assert beta_quantile(0.05, 4, 1) == pytest.approx(0.05 ** (1 / 4), abs=1e-6)
    assert beta_quantile(0.95, 1, 9) == pytest.approx(1 - 0.05 ** (1 / 9), abs=1e-6)


@pytest.mark.parametrize("x", [0.01, 0.05, 0.1, 0.12, 0.3])
def test_the_incomplete_beta_matches_the_binomial_tail(x: float) -> None:
    # For integers, I_x(k, n − k + 1) = P(Binomial(n, x) ≥ k): an exact, independent check.
    n, k = 300, 30
    tail = sum(math.comb(n, j) * x**j * (1 - x) ** (n - j) for j in range(k, n + 1))
    assert regularized_beta(x, k, n - k + 1) == pytest.approx(tail, abs=1e-9)


def test_ninety_nine_sends_in_a_variant_is_no_winner_even_when_sure() -> None:
    short = decide([("A", 99, 0), ("B", 200, 60)])
    assert short.variants[1].probability_best > 0.999
    assert (short.winner, short.reasons) == (None, (TOO_FEW_SENDS,))
    assert short.more_sends_needed == MIN_SENDS_PER_VARIANT - 99
    assert decide([("A", 100, 0), ("B", 200, 60)]).winner == "B"


def test_four_replies_in_all_is_no_winner_five_is() -> None:
    four = decide([("A", 1000, 0), ("B", 1000, 4)])
    assert four.variants[1].probability_best >= WIN_PROBABILITY
    assert (four.winner, four.reasons) == (None, (TOO_FEW_SUCCESSES,))
    assert MIN_TOTAL_SUCCESSES == 5
    assert decide([("A", 1000, 0), ("B", 1000, 5)]).winner == "B"


def _figures(variant_id: str, probability: float) -> VariantFigures:
    return VariantFigures(variant_id, 500, 40, 0.08, 0.06, 0.1, probability, 0.0)


def test_the_winner_needs_a_probability_of_at_least_ninety_five_percent() -> None:
    below = [_figures("A", 0.051), _figures("B", 0.949)]
    at = [_figures("A", 0.05), _figures("B", 0.95)]
    assert winner_of(below) == (None, (NOT_CONFIDENT,))
    assert winner_of(at) == ("B", ())
    thin = [replace(f, sends=10, successes=1) for f in at]
    assert winner_of(thin) == (None, (TOO_FEW_SENDS, TOO_FEW_SUCCESSES))


def test_more_sends_needed_is_where_the_observed_rates_would_win() -> None:
    decision = decide([("A", 200, 10), ("B", 200, 18)])
    more = decision.more_sends_needed
    assert more is not None and 0 < more < 1000
    later = [("A", 200 + more, 10 + round(0.05 * more)), ("B", 200 + more, 18 + round(0.09 * more))]
    assert decide(later).winner == "B"


def test_more_sends_needed_when_nothing_can_be_projected() -> None:
    assert more_sends_needed([("A", 0, 0), ("B", 0, 0)]) == MIN_SENDS_PER_VARIANT
    assert more_sends_needed([("A", 400, 0), ("B", 400, 0)]) is None  # no reply yet
    assert more_sends_needed([("A", 200, 10), ("B", 200, 10)]) is None  # equal rates
    near = [("A", 10_000, 1000), ("B", 10_000, 1010)]
    assert more_sends_needed(near) is None  # past PROJECTION_CAP
    assert PROJECTION_CAP == 100_000


def test_zero_sends_and_a_single_variant_give_no_decision() -> None:
    empty = decide([("A", 0, 0), ("B", 0, 0)])
    assert [f.rate for f in empty.variants] == [None, None]
    assert empty.variants[0].interval_low == pytest.approx(0.05, abs=1e-6)
    assert [f.probability_best for f in empty.variants] == pytest.approx([0.5, 0.5])
    assert (empty.winner, empty.reasons) == (
        None,
        (TOO_FEW_SENDS, TOO_FEW_SUCCESSES, NOT_CONFIDENT),
    )
    alone = decide([("A", 500, 50)])
    assert (alone.winner, alone.reasons, alone.more_sends_needed) == (None, (SINGLE_VARIANT,), None)


@pytest.mark.parametrize(
    "variants",
    [[], [("A", 10, 11), ("B", 10, 1)], [("A", 10, -1), ("B", 5, 0)], [("A", 9, 1), ("A", 9, 2)]],
)
def test_impossible_counts_are_refused(variants: list[tuple[str, int, int]]) -> None:
    with pytest.raises(ValueError):
        decide(variants)


def test_three_to_five_variants_are_compared_by_seeded_draws() -> None:
    variants = [("A", 300, 15), ("B", 300, 45), ("C", 300, 20), ("D", 300, 18), ("E", 300, 16)]
    decision = decide(variants, seed=3)
    assert decision == decide(variants, seed=3)
    assert sum(f.probability_best for f in decision.variants) == pytest.approx(1.0)
    assert decision.winner == "B"
    assert decision.variants[1].expected_loss < decision.variants[0].expected_loss


def test_thompson_weights_keep_every_variant_at_the_floor_and_sum_to_one() -> None:
    for variants in (
        [("A", 1000, 10), ("B", 1000, 90)],
        [("A", 300, 15), ("B", 300, 45), ("C", 300, 20), ("D", 300, 18), ("E", 300, 16)],
        [("A", 0, 0), ("B", 0, 0), ("C", 0, 0)],
    ):
        weights = [w for _, w in thompson_weights(variants)]
        assert min(weights) >= FLOOR - 1e-12
        assert sum(weights) == pytest.approx(1.0, abs=1e-12)
    lopsided = dict(thompson_weights([("A", 1000, 10), ("B", 1000, 90)]))
    assert lopsided == pytest.approx({"A": FLOOR, "B": 1 - FLOOR})
    balanced = decide([("A", 60, 3), ("B", 60, 7)])
    assert [w for _, w in thompson_weights([("A", 60, 3), ("B", 60, 7)])] == pytest.approx(
        [f.probability_best for f in balanced.variants]
    )


def test_picks_follow_the_thompson_weights_and_the_callers_number() -> None:
    variants = [("A", 200, 10), ("B", 200, 18), ("C", 200, 12)]
    weights = thompson_weights(variants)
    picks = [pick_by_weights(weights, (i + 0.5) / 1000) for i in range(1000)]
    for variant_id, weight in weights:
        assert picks.count(variant_id) / 1000 == pytest.approx(weight, abs=0.002)
    assert [pick_by_weights(weights, u) for u in (0.0, 0.5, 0.999)] == ["A", "B", "C"]
    assert pick_by_weights(thompson_weights(variants), 0.5) == pick_by_weights(weights, 0.5)
    with pytest.raises(ValueError):
        pick_by_weights(weights, 1.0)


def test_opens_are_flagged_unreliable() -> None:
    assert [m.reliable for m in Metric] == [True, True, False]
    assert decide([("A", 10, 1), ("B", 10, 2)]).metric is Metric.REPLIES
