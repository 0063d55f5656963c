"""The figures, one module each: ``NAME`` (what ``--only`` calls it), ``TARGETS`` ({(section,
figure): target}) and ``run(stack)``, which adds its sections to ``stack.results``.

A new figure is a new module here and one line in ``FIGURES``; the imports always run first,
since every other figure works on what they brought in.
"""

from . import imports, outbox, payroll_latency, rate_limit, references

FIGURES = (imports, outbox, rate_limit, references, payroll_latency)
