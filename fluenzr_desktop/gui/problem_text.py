"""A domain problem as the window shows it: translated text from its code and parameters.

The domain names each problem by a code with parameters (`domain.workflow.Problem`);
the CLI prints its English `message`, the window prints this, so the French window
shows French problems.
"""

from __future__ import annotations

from ..domain.workflow import Problem


def problem_text(problem: Problem) -> str:
    """The problem's sentence in the interface language (no location prefix)."""
    return problem.message
