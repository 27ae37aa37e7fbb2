"""One line per performance goal, the same in every bench script, so that `make bench` ends with a verdict.

    goal("anonymous /ar/network/ from the cache vs /healthz", measured=0.62, target=0.5)  # higher is better
    goal("report PDF peak memory, 10,000 vs 1,000", measured=1.08, target=1.2, higher_is_better=False)

prints `GOAL <name>: 0.62 (target ≥ 0.5) met` and remembers it; `summary()` prints every goal of the process
again and returns how many were not met.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Goal:
    name: str
    measured: float
    target: float
    higher_is_better: bool

    @property
    def met(self) -> bool:
        return self.measured >= self.target if self.higher_is_better else self.measured <= self.target

    def line(self) -> str:
        sign = "≥" if self.higher_is_better else "≤"
        verdict = "met" if self.met else "NOT MET"
        return f"GOAL {self.name}: {self.measured:.2f} (target {sign} {self.target:g}) {verdict}"


_goals: list[Goal] = []


def goal(name: str, *, measured: float, target: float, higher_is_better: bool = True) -> Goal:
    result = Goal(name, measured, target, higher_is_better)
    _goals.append(result)
    print(result.line(), flush=True)
    return result


def summary() -> int:
    """Print the goals measured in this process again, together; the number not met."""
    if _goals:
        print("\nGoals:")
        for result in _goals:
            print("  " + result.line())
    return sum(not result.met for result in _goals)
