"""Fault and latency injection, per route, from CLI flags or the admin API.

A rule matches requests by method and path (a regular expression searched in the path) and
does one thing to them:

- ``status``: answer with an error status (500, 503, 429, 403, ...) without touching any data;
- ``delay``: wait ``delay`` seconds, then process the request normally;
- ``timeout``: wait ``delay`` seconds, then close the connection without processing anything;
- ``reset``: close the connection at once without processing anything;
- ``drop``: process and commit the request, then close the connection without answering
  (bexio committed, the client never hears of it);
- ``truncate``: process the request, then send only the first half of the answer's body
  (malformed JSON, as a connection cut mid-answer leaves it).

``count`` limits how many requests a rule hits (None: all); ``probability`` picks them at random
with the sandbox's seeded generator, so a run with the same seed injects the same faults.
"""

import random
import re
import threading
from dataclasses import asdict, dataclass, field

ACTIONS = ("status", "delay", "timeout", "reset", "drop", "truncate")
# These act on the answer of a request the sandbox has processed; the others act before.
AFTER_PROCESSING = ("drop", "truncate")


@dataclass
class FaultRule:
    action: str
    path: str = ".*"
    method: str = "*"
    status: int = 500
    delay: float = 0.0
    probability: float = 1.0
    count: int = None
    company: str = None
    hits: int = 0
    id: int = field(default=0)

    def __post_init__(self):
        if self.action not in ACTIONS:
            raise ValueError(
                f"unknown fault action {self.action!r}; use one of {ACTIONS}"
            )
        if not 0 <= self.probability <= 1:
            raise ValueError("probability must be between 0 and 1")
        self._pattern = re.compile(self.path)

    def to_dict(self):
        data = asdict(self)
        return data

    def matches(self, method, path, company):
        if self.count is not None and self.hits >= self.count:
            return False
        if self.method not in ("*", method):
            return False
        if self.company and company and self.company != company:
            return False
        return bool(self._pattern.search(path))


def parse_rule(text):
    """Parse a CLI rule: ``ACTION[:STATUS|SECONDS]@[METHOD ]PATH_REGEX[#COUNT][%PROBABILITY]``.

    Examples: ``status:503@GET /2.0/contact``, ``drop@POST /4.0/payroll/employees#1``,
    ``timeout:30@/2.0/kb_invoice``, ``delay:0.2@.*%0.5``.
    """
    head, _, target = text.partition("@")
    action, _, arg = head.partition(":")
    kwargs = {"action": action.strip()}
    if arg:
        if kwargs["action"] == "status":
            kwargs["status"] = int(arg)
        else:
            kwargs["delay"] = float(arg)
    target = target or ".*"
    if "%" in target:
        target, prob = target.rsplit("%", 1)
        kwargs["probability"] = float(prob)
    if "#" in target:
        target, count = target.rsplit("#", 1)
        kwargs["count"] = int(count)
    parts = target.strip().split(None, 1)
    if len(parts) == 2 and parts[0].isupper():
        kwargs["method"], kwargs["path"] = parts
    else:
        kwargs["path"] = target.strip() or ".*"
    return FaultRule(**kwargs)


class Faults:
    def __init__(self, seed=0, latency=0.0):
        self.rules = []
        self.latency = latency
        self.injected = 0
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._next_id = 1

    def add(self, rule):
        with self._lock:
            rule.id = self._next_id
            self._next_id += 1
            self.rules.append(rule)
        return rule

    def clear(self):
        with self._lock:
            self.rules.clear()

    def remove(self, rule_id):
        with self._lock:
            self.rules = [r for r in self.rules if r.id != rule_id]

    def pick(self, method, path, company):
        """The first rule that fires for this request (counted as injected), or None."""
        with self._lock:
            for rule in self.rules:
                if (
                    rule.matches(method, path, company)
                    and self._rng.random() < rule.probability
                ):
                    rule.hits += 1
                    self.injected += 1
                    return rule
        return None

    def to_dict(self):
        return {
            "latency": self.latency,
            "injected": self.injected,
            "rules": [r.to_dict() for r in self.rules],
        }
