"""The maths of honest A/B tests: Beta posteriors, probability to be best, the winner rule.

Pure (no I/O, stdlib only). Each variant's success rate (replies per send by default) is
modelled as Beta(1 + s, 1 + n − s) from a uniform prior. Two variants are compared exactly
(Evan Miller's sum); three or more by Monte Carlo with a fixed seed, so the same counts
always give the same figures. Reasons are stable codes; the front ends word them.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .stats import Counts, Figures

MIN_SENDS_PER_VARIANT = 100
MIN_TOTAL_SUCCESSES = 5
WIN_PROBABILITY = 0.95
CREDIBLE_MASS = 0.90
FLOOR = 0.10
MONTE_CARLO_DRAWS = 20_000
DEFAULT_SEED = 15
PROJECTION_CAP = 100_000

TOO_FEW_SENDS = "too_few_sends"
TOO_FEW_SUCCESSES = "too_few_successes"
NOT_CONFIDENT = "not_confident"
SINGLE_VARIANT = "single_variant"

VariantCounts = tuple[str, int, int]  # (variant id, sends, successes)


class Metric(StrEnum):
    """What counts as a success; replies are the default, opens are not trustworthy."""

    REPLIES = "replies"
    CLICKS = "clicks"
    OPENS = "opens"

    @property
    def reliable(self) -> bool:
        """False for opens: Apple's proxy and image blocking make them noise."""
        return self is not Metric.OPENS


@dataclass(frozen=True)
class Posterior:
    """A Beta(alpha, beta) belief about one variant's success rate."""

    alpha: int
    beta: int

    @classmethod
    def of(cls, sends: int, successes: int) -> Posterior:
        """The posterior after `successes` out of `sends` from a uniform prior."""
        return cls(1 + successes, 1 + sends - successes)

    @property
    def mean(self) -> float:
        """The expected success rate."""
        return self.alpha / (self.alpha + self.beta)


@dataclass(frozen=True)
class VariantFigures:
    """What a user reads about one variant; rate is None before its first send."""

    id: str
    sends: int
    successes: int
    rate: float | None
    interval_low: float
    interval_high: float
    probability_best: float
    expected_loss: float


@dataclass(frozen=True)
class Decision:
    """The verdict: a winner, or why not yet and roughly how many more sends per variant."""

    variants: tuple[VariantFigures, ...]
    winner: str | None
    reasons: tuple[str, ...]
    more_sends_needed: int | None
    metric: Metric = Metric.REPLIES


def _log_beta(a: float, b: float) -> float:
    """ln B(a, b) through lgamma, exact enough for counts in the millions."""
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def _beta_fraction(x: float, a: float, b: float) -> float:
    """The continued fraction of the incomplete beta (modified Lentz, Numerical Recipes)."""
    tiny, eps = 1e-300, 1e-15
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 10_001):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            return h
    raise ArithmeticError(f"incomplete beta did not converge (x={x}, a={a}, b={b})")


def regularized_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b): the Beta(a, b) cumulative probability at x."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(a * math.log(x) + b * math.log1p(-x) - _log_beta(a, b))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(x, a, b) / a
    return 1.0 - front * _beta_fraction(1.0 - x, b, a) / b


def beta_quantile(q: float, a: float, b: float) -> float:
    """The x where I_x(a, b) = q, by bisection (to 1e-12, far inside the 1e-6 asked)."""
    if not 0.0 <= q <= 1.0:
        raise ValueError(f"quantile {q} outside [0, 1]")
    low, high = 0.0, 1.0
    while high - low > 1e-12:
        middle = (low + high) / 2
        low, high = (middle, high) if regularized_beta(middle, a, b) < q else (low, middle)
    return (low + high) / 2


def credible_interval(posterior: Posterior, mass: float = CREDIBLE_MASS) -> tuple[float, float]:
    """The equal-tailed interval holding `mass` of the posterior (5 % and 95 % by default)."""
    tail = (1.0 - mass) / 2
    return (
        beta_quantile(tail, posterior.alpha, posterior.beta),
        beta_quantile(1.0 - tail, posterior.alpha, posterior.beta),
    )


def probability_beats(first: Posterior, second: Posterior) -> float:
    """P(p_first > p_second), exactly (Evan Miller), summing over the smaller alpha."""
    if first.alpha > second.alpha:
        return 1.0 - probability_beats(second, first)
    a, b = second, first  # Miller's P(B > A) with B = first
    total = 0.0
    for i in range(b.alpha):
        total += math.exp(
            _log_beta(a.alpha + i, a.beta + b.beta)
            - math.log(b.beta + i)
            - _log_beta(1 + i, b.beta)
            - _log_beta(a.alpha, a.beta)
        )
    return min(1.0, max(0.0, total))


def _expected_loss_exact(chosen: Posterior, other: Posterior) -> float:
    """E[max(p_other − p_chosen, 0)], exactly (Stucchio's identity over Miller's sum)."""
    other_up = Posterior(other.alpha + 1, other.beta)
    chosen_up = Posterior(chosen.alpha + 1, chosen.beta)
    gain = other.mean * probability_beats(other_up, chosen)
    cost = chosen.mean * probability_beats(other, chosen_up)
    return max(0.0, gain - cost)


def exact_two(first: Posterior, second: Posterior) -> tuple[list[float], list[float]]:
    """Probability to be best and expected loss of two variants, in closed form."""
    p_first = probability_beats(first, second)
    losses = [_expected_loss_exact(first, second), _expected_loss_exact(second, first)]
    return [p_first, 1.0 - p_first], losses


def monte_carlo(
    posteriors: Sequence[Posterior], draws: int = MONTE_CARLO_DRAWS, seed: int = DEFAULT_SEED
) -> tuple[list[float], list[float]]:
    """Probability to be best and expected loss of each variant from seeded posterior draws."""
    generator = random.Random(seed)
    wins = [0] * len(posteriors)
    loss_sums = [0.0] * len(posteriors)
    for _ in range(draws):
        sample = [generator.betavariate(p.alpha, p.beta) for p in posteriors]
        best = max(sample)
        wins[sample.index(best)] += 1
        for index, value in enumerate(sample):
            loss_sums[index] += best - value
    return [w / draws for w in wins], [s / draws for s in loss_sums]


def best_figures(
    posteriors: Sequence[Posterior], seed: int = DEFAULT_SEED
) -> tuple[list[float], list[float]]:
    """Probability to be best and expected loss: exact for two variants, Monte Carlo above."""
    if len(posteriors) == 1:
        return [1.0], [0.0]
    if len(posteriors) == 2:
        return exact_two(posteriors[0], posteriors[1])
    return monte_carlo(posteriors, seed=seed)


def _check(variants: Sequence[VariantCounts]) -> None:
    """Refuse counts no store can produce: no variant, duplicate ids, successes > sends."""
    if not variants:
        raise ValueError("an A/B test needs at least one variant")
    ids = [variant_id for variant_id, _, _ in variants]
    if len(set(ids)) != len(ids):
        raise ValueError(f"variant ids must be unique: {ids}")
    for variant_id, sends, successes in variants:
        if not 0 <= successes <= sends:
            raise ValueError(f"variant {variant_id}: {successes} successes for {sends} sends")


def winner_of(figures: Sequence[VariantFigures]) -> tuple[str | None, tuple[str, ...]]:
    """The winner rule: P(best) ≥ 0.95, ≥ 100 sends in each variant, ≥ 5 successes in all."""
    if len(figures) < 2:
        return None, (SINGLE_VARIANT,)
    reasons = []
    if min(f.sends for f in figures) < MIN_SENDS_PER_VARIANT:
        reasons.append(TOO_FEW_SENDS)
    if sum(f.successes for f in figures) < MIN_TOTAL_SUCCESSES:
        reasons.append(TOO_FEW_SUCCESSES)
    leader = max(figures, key=lambda f: f.probability_best)
    if leader.probability_best < WIN_PROBABILITY:
        reasons.append(NOT_CONFIDENT)
    return (None, tuple(reasons)) if reasons else (leader.id, ())


def _projected(variants: Sequence[VariantCounts], rates: list[float], more: int) -> list[Posterior]:
    """The posteriors after `more` sends per variant, each at its assumed rate."""
    return [
        Posterior.of(sends + more, successes + round(rate * more))
        for (_, sends, successes), rate in zip(variants, rates, strict=True)
    ]


def _confident(posteriors: list[Posterior], leader: int) -> bool:
    """Whether the leader's P(best) clears the bar, by the exact pairwise (Bonferroni) bound."""
    others = [p for index, p in enumerate(posteriors) if index != leader]
    doubt = sum(probability_beats(other, posteriors[leader]) for other in others)
    return 1.0 - doubt >= WIN_PROBABILITY


def more_sends_needed(variants: Sequence[VariantCounts]) -> int | None:
    """Roughly how many more sends per variant until a winner could be declared.

    Method: every variant is assumed to keep its observed rate (a variant with no sends
    takes the pooled rate). The answer is the smallest m (≥ 1, found by doubling then
    bisection, capped at PROJECTION_CAP) such that after m more sends each, the minimums
    hold and the leader's exact pairwise bound 1 − Σ P(other > leader) reaches
    WIN_PROBABILITY (exact for two variants, a slight overestimate above). When no variant
    leads (equal rates, or no success yet) only the missing minimums can be counted: their
    sends are returned, or None when nothing is missing. None also when the cap is reached.
    """
    _check(variants)
    total_sends = sum(n for _, n, _ in variants)
    total_successes = sum(s for _, _, s in variants)
    pooled = total_successes / total_sends if total_sends else 0.0
    rates = [s / n if n else pooled for _, n, s in variants]
    for_sends = max(0, MIN_SENDS_PER_VARIANT - min(n for _, n, _ in variants))
    missing = MIN_TOTAL_SUCCESSES - total_successes
    if missing > 0 and pooled == 0.0:
        return for_sends or None
    for_successes = math.ceil(missing / (pooled * len(variants))) if missing > 0 else 0
    floor = max(1, for_sends, for_successes)
    top = max(rates)
    if len(variants) < 2 or rates.count(top) > 1:
        return max(for_sends, for_successes) or None
    leader = rates.index(top)
    low, high = floor - 1, floor
    while not _confident(_projected(variants, rates, high), leader):
        if high >= PROJECTION_CAP:
            return None
        low, high = high, min(2 * high, PROJECTION_CAP)
    while high - low > 1:
        middle = (low + high) // 2
        if _confident(_projected(variants, rates, middle), leader):
            high = middle
        else:
            low = middle
    return high


def decide(
    variants: Sequence[VariantCounts],
    seed: int = DEFAULT_SEED,
    metric: Metric = Metric.REPLIES,
) -> Decision:
    """Every variant's figures and the verdict, from (id, sends, successes) per variant."""
    _check(variants)
    posteriors = [Posterior.of(sends, successes) for _, sends, successes in variants]
    probabilities, losses = best_figures(posteriors, seed)
    figures = tuple(
        VariantFigures(
            variant_id,
            sends,
            successes,
            successes / sends if sends else None,
            *credible_interval(posterior),
            probability,
            loss,
        )
        for (variant_id, sends, successes), posterior, probability, loss in zip(
            variants, posteriors, probabilities, losses, strict=True
        )
    )
    winner, reasons = winner_of(figures)
    more = None if winner or len(variants) < 2 else more_sends_needed(variants)
    return Decision(figures, winner, reasons, more, metric)


def thompson_weights(
    variants: Sequence[VariantCounts], seed: int = DEFAULT_SEED
) -> list[tuple[str, float]]:
    """Share of new contacts per variant: P(best), raised to FLOOR each, summing to 1.

    Variants below the floor are set to it and the others share what is left in proportion
    to their P(best), repeated until no share falls below the floor.
    """
    _check(variants)
    if len(variants) * FLOOR > 1.0:
        raise ValueError(f"a {FLOOR:.0%} floor cannot hold for {len(variants)} variants")
    posteriors = [Posterior.of(sends, successes) for _, sends, successes in variants]
    probabilities, _ = best_figures(posteriors, seed)
    floored: set[int] = set()
    while True:
        free = [i for i in range(len(variants)) if i not in floored]
        free_mass = 1.0 - FLOOR * len(floored)
        free_total = sum(probabilities[i] for i in free)
        shares = {
            i: free_mass * probabilities[i] / free_total if free_total else free_mass / len(free)
            for i in free
        }
        below = {i for i, share in shares.items() if share < FLOOR}
        if not below:
            break
        floored |= below
    weights = [FLOOR if i in floored else shares[i] for i in range(len(variants))]
    return [(variant_id, w) for (variant_id, _, _), w in zip(variants, weights, strict=True)]


def pick_by_weights(weights: Sequence[tuple[str, float]], uniform: float) -> str:
    """The variant whose slice of [0, 1) holds `uniform` (the caller makes it deterministic)."""
    if not 0.0 <= uniform < 1.0:
        raise ValueError(f"uniform number {uniform} outside [0, 1)")
    cumulative = 0.0
    for variant_id, weight in weights:
        cumulative += weight
        if uniform < cumulative:
            return variant_id
    return weights[-1][0]  # float rounding left the sum a hair under 1


def metric_trials(counts: Counts, metric: str) -> tuple[int, int]:
    """(trials, successes) a variant is judged on for `metric`, from its counted messages.

    Replies: delivered messages and replies. Clicks and opens: delivered messages that
    carried tracked links (or a pixel), and unique human clicks (or opens). The one rule
    the engine's automatic winner and the statistics both use.
    """
    figures = Figures(counts)
    if metric == Metric.CLICKS:
        trials, successes = figures.delivered_tracked_clicks, counts.clicked
    elif metric == Metric.OPENS:
        trials, successes = figures.delivered_tracked_opens, counts.opened
    else:
        trials, successes = figures.delivered, counts.replied
    # A bounced message that was clicked anyway (a scanner's hit kept as human) stays inside.
    return trials, min(successes, trials)
