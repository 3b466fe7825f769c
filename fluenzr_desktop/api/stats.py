"""`/v1/campaigns/{id}/stats`: a campaign's figures, as a whole or by step, day, account,
link or A/B variant (the same figures as `fluenzr stats` and the window)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from ..ops.ab_tests import ab_test_report
from ..ops.stats import campaign_stats
from .deps import WorkspaceDep
from .models import Stats
from .pages import RowId
from .problems import PROBLEM_RESPONSES, ApiProblem

# Days a period may name: beyond them, local midnights fall outside what datetimes hold.
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(9998, 12, 31)

router = APIRouter(prefix="/v1", tags=["stats"], responses=PROBLEM_RESPONSES)


@router.get("/campaigns/{campaign_id}/stats", summary="A campaign's statistics")
def stats(
    workspace: WorkspaceDep,
    campaign_id: RowId,
    by: Annotated[
        Literal["step", "day", "account", "link", "variant"] | None,
        Query(description="Break the figures down by this; absent: the total only."),
    ] = None,
    since: Annotated[
        date | None, Query(description="First local day counted (the campaign's time zone).")
    ] = None,
    until: Annotated[date | None, Query(description="Last local day counted (inclusive).")] = None,
) -> Stats:
    """Counts and rates (fractions; null without a denominator) over the period.

    With by=variant the A/B tests' figures cover the whole campaign (no period).
    """
    for name, day in (("since", since), ("until", until)):
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise ApiProblem(
                400, "bad_request", "Refused", f"{name}: a day from {FIRST_DAY} to {LAST_DAY}"
            )
    figures = campaign_stats(
        workspace, campaign_id, None if by == "variant" else by, since, until
    ).to_dict()
    if by == "variant":
        figures["by"] = "variant"
        figures["variants"] = [test.to_dict() for test in ab_test_report(workspace, campaign_id)]
    return Stats(**figures)
