# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The check: the text's structure, its facts and grades, and every rule over them."""

import datetime
import re
import statistics
from dataclasses import dataclass, field

from . import bank, dates, grading
from . import lexicon as lx
from . import text as tx
from .messages import RULES

# What stands between the two dates of a range ("1.3.2020 bis 30.6.2025", "du ... au ...").
_RANGE_JOINER = re.compile(
    r"\s*(?:bis|au|al|to|until|till|and|-|–|à)\s*(?:zum|am|le|il)?\s*"
)

DIMENSIONS = ("performance", "conduct", "leadership")


@dataclass
class Finding:
    """One finding: what rule, how severe, why (an English msgid and its values), where."""

    rule: str
    severity: str
    message: str
    params: dict = field(default_factory=dict)
    basis: str = ""
    label: str = ""
    passage: str = ""
    start: int = -1
    suggestion: str | None = None

    @property
    def explanation(self):
        return self.message % self.params if self.params else self.message

    @property
    def end(self):
        return self.start + len(self.passage) if self.start >= 0 else -1


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


class Context:
    """A reference read once: sentences with roles and grades, dates, names, facts."""

    def __init__(self, facts, text):
        self.facts = facts
        self.text = text or ""
        self.language = facts.get("language") or "de"
        if self.language not in grading.SATISFACTION:
            self.language = "de"
        self.kind = facts.get("type") or "full"
        self.name = (facts.get("employee_name") or "").strip()
        self.birth = _date(facts.get("birth_date"))
        self.start = _date(facts.get("start"))
        self.end = _date(facts.get("end"))
        self.issued = _date(facts.get("issue_date"))
        self.grades = {k: v for k, v in (facts.get("grades") or {}).items() if v}
        self.low = tx.lower(self.text)
        self.sentences = tx.split(self.text)
        self.mentions = dates.find(self.text)
        self.gender = facts.get("gender") or tx.gender_from_text(
            self.text, self.name, self.language
        )
        self.ref = tx.reference_form(self.text, self.name, self.language, self.gender)
        self.refs = bank.references(self.language, self.ref, self.name, self.gender)
        self.context_blob = " ".join(
            str(facts.get(k) or "") for k in ("company_name", "function")
        )
        self.domains = {
            topic: bool(pattern.search(self.context_blob))
            for topic, pattern in lx.DOMAINS.items()
        }
        self.company_spans = self._company_spans()
        self._assign_roles()

    # -------------------------------------------------------------- structure
    def _company_spans(self):
        """Where the text names the employer or the job's title: what they name is the work
        ("Gewerkschaft Unia", "Grand Council Secretariat", "addiction counsellor")."""
        spans = []
        candidates = set()
        for key in ("company_name", "function"):
            name = (self.facts.get(key) or "").strip()
            if name:
                candidates |= {name, *(p.strip() for p in re.split(r",| – | - ", name))}
        for candidate in candidates:
            words = [w for w in re.split(r"\s+", candidate) if len(w) > 1]
            if not words:
                continue
            stem = r"\s+".join(re.escape(w[:-1]) + r"\w{0,2}" for w in words[:3])
            for match in re.finditer(stem, self.text, flags=re.IGNORECASE):
                spans.append(match.span())
        return spans

    def in_company(self, start, end):
        return any(a <= start and end <= b + 2 for a, b in self.company_spans)

    def _mark_frame_and_opening(self):
        """Title and place/date lines are the frame; the first paragraph opens."""
        for s in self.sentences:
            place_date = (
                re.match(r"^[A-ZÀ-Ü][\w .'-]+,\s+(?:le |den |il |the |am )?\d", s.text)
                and len(s.text) < 60
                and not re.search(r"\b(?:geboren|né|nat|born)\b", s.low)
            )
            residue = re.fullmatch(r"\[[^\]]*\]|<[^>]*>|\{\{[^}]*\}\}", s.text.strip())
            if s.heading or place_date or residue:
                s.role = "frame"
        # A signature block after the text: short lines that end no sentence.
        for s in reversed(self.sentences):
            if s.role == "frame":
                continue
            if len(s.text.split()) <= 8 and not re.search(r"[.!?:;]$", s.text.rstrip()):
                s.role = "frame"
                continue
            break
        body = [s for s in self.sentences if s.role != "frame"]
        if body:
            for s in body:
                if s.para == body[0].para:
                    s.role = "opening"
        return body

    def _closing_cue(self, s):
        leaving = lx.LEAVING[self.language]
        return not s.bullet and bool(
            lx.LEAVE_VERBS.search(s.low)
            or lx.LEAVING_END.search(s.low)
            or leaving["favourable"].search(s.low)
            or lx.INTERIM_NOTE.search(s.low)
            or lx.FINISHED.search(s.low)
        )

    def _mark_closing(self, body):
        """From the end backwards, paragraphs that thank, wish, regret or end."""
        paras = sorted({s.para for s in body if s.role != "opening"}, reverse=True)
        for para in paras:
            members = [s for s in body if s.para == para]
            cue = next((s for s in members if self._closing_cue(s)), None)
            if cue is None:
                break
            for s in members[members.index(cue) :]:
                s.role = "closing"
            if cue is not members[0]:
                break

    def _assign_roles(self):
        lang = self.language
        body = self._mark_frame_and_opening()
        if not body:
            return
        self._mark_closing(body)
        for s in body:
            if s.role in ("opening", "closing"):
                s.grades = (
                    grading.grade_sentence(s.low, lang) if s.role == "opening" else {}
                )
                continue
            if not s.bullet:
                s.grades = grading.grade_sentence(s.low, lang)
        assessed = [
            s.para for s in body if s.grades and s.role not in ("opening", "closing")
        ]
        first_assessment = min(assessed) if assessed else None
        for s in body:
            if s.role:
                continue
            if s.grades:
                s.role = "assessment"
            elif s.bullet or s.text.rstrip().endswith(":"):
                s.role = "task"
            elif lx.EMPLOYER_START[lang].search(s.low) or self.in_company(
                s.start, s.start + 8
            ):
                s.role = "employer"
            elif first_assessment is None or s.para < first_assessment:
                s.role = "description"
            else:
                s.role = "person"

    def body(self):
        return [s for s in self.sentences if s.role != "frame"]

    def sentence_at(self, position):
        for s in self.sentences:
            if s.start <= position < s.end:
                return s
        return None

    def about_person(self, s, start=None, end=None, after=True):
        """Whether a weak topic word at ``start`` in ``s`` speaks of the employee."""
        if s.role in ("frame", "task", "employer") or s.bullet:
            return False
        cue = lx.TASK_CUES[self.language].search(s.low)
        if s.role == "description" and cue:
            return False
        if (
            s.role == "person"
            and cue
            and start is not None
            and cue.start() < start - s.start
        ):
            # "Sie betreute Strafverfahren": the subject matter of a task, not her own.
            possessive = re.search(
                lx.POSSESSIVE[self.language] + r"\s+(?:\w+\s+)?$",
                s.low[: start - s.start],
            )
            if not possessive:
                return False
        if start is not None:
            local = start - s.start
            stop = (end - s.start) if end is not None else local
            window = s.low[max(0, local - 60) : local]
            if after:
                window += " | " + s.low[stop : stop + 30]
            third = lx.THIRD_PARTY[self.language].search(window)
            if third:
                possessive = re.search(
                    lx.POSSESSIVE[self.language] + r"\s+(?:\w+\s+)?$", s.low[:local]
                )
                if not possessive:
                    return False
        return True

    # ------------------------------------------------------------ grades
    def dimension_grades(self, exclude=()):
        """{dimension: [(grade, sentence)]} over the assessment, closing excluded."""
        result = {}
        for s in self.body():
            if s in exclude or s.role == "closing":
                continue
            for dim, grade in s.grades.items():
                result.setdefault(dim, []).append((grade, s))
        return result

    def overall(self):
        """The grade the reference gives, from the form, else from the text."""
        if self.grades:
            return sum(self.grades.values()) / len(self.grades)
        found = self.dimension_grades()
        values = [
            statistics.median(g for g, _s in pairs)
            for dim, pairs in found.items()
            if dim in ("performance", "conduct")
        ]
        return sum(values) / len(values) if values else None

    def tense(self):
        return "present" if self.kind == "interim" else "past"

    def date_text(self, value):
        style, like = dates.dominant_style(self.mentions)
        return dates.format_date(value, self.language, style, like)


class Checker:
    def __init__(self, ctx):
        self.ctx = ctx
        self.findings = []

    def add(self, rule, start=-1, end=-1, suggestion=None, **params):
        severity, label, message, basis = RULES[rule]
        passage = self.ctx.text[start:end] if 0 <= start < end else ""
        if not passage:
            start = -1
        for existing in self.findings:
            if existing.rule == rule and existing.start == start:
                return existing
        finding = Finding(
            rule=rule,
            severity=severity,
            message=message,
            params={k: v for k, v in params.items()},
            basis=basis,
            label=label,
            passage=passage,
            start=start,
            suggestion=suggestion,
        )
        self.findings.append(finding)
        return finding

    def run(self):
        for rule in (
            self.facts_level,
            self.placeholders,
            self.private_matters,
            self.address,
            self.leaving,
            self.omissions,
            self.date_mismatch,
            self.type_content,
            self.codes,
            self.coherence,
            self.closing,
            self.tense,
        ):
            rule()
        return self.findings

    # ----------------------------------------------------------- suggestions
    def bank_sentence(self, table, grade):
        ctx = self.ctx
        grade = int(round(max(1, min(5, grade or 4))))
        template = table.get(ctx.language, table["en"]).get(grade)
        sentence = bank.fill(template or "", ctx.refs)
        if ctx.tense() == "present":
            sentence = _to_present(sentence, ctx.language)
        return sentence

    def wanted_grade(self, dim):
        ctx = self.ctx
        if ctx.grades.get(dim):
            return ctx.grades[dim]
        found = ctx.dimension_grades()
        others = [g for d, pairs in found.items() for g, _s in pairs if d != dim]
        own = [g for g, _s in found.get(dim, [])]
        pool = own or others
        return statistics.median(pool) if pool else 4

    def intro(self):
        ctx = self.ctx
        table = bank.INTRO.get(ctx.language, bank.INTRO["en"])
        key = {"interim": "interim", "apprenticeship": "apprenticeship"}.get(
            ctx.kind, "final"
        )
        function = _bare_function(ctx.facts.get("function") or "")
        values = dict(
            ctx.refs,
            Name=_salutation_name(ctx),
            birth=ctx.date_text(ctx.birth) if ctx.birth else "",
            origin=bank.origin_phrase(ctx.language, ctx.facts.get("origin")),
            start=ctx.date_text(ctx.start) if ctx.start else "",
            end=ctx.date_text(ctx.end) if ctx.end else "",
            function=function,
        )
        sentence = bank.fill(table[key], values)
        sentence = re.sub(
            r",\s*(?:geboren am|date de naissance :|data di nascita:|born on)" r"\s*,",
            ",",
            sentence,
        )
        return re.sub(r",\s*,", ",", sentence)

    def without(self, s, start, end, rule=None):
        """A fix for ``s`` whose [start, end) must go: the sentence without the clause, a
        replacement from the phrase bank, or "" to delete the sentence.

        A candidate counts only if the topic is gone from it.
        """
        lang = self.ctx.language
        local_start, local_end = start - s.start, end - s.start
        text = s.text
        candidates = []
        comma = text.find(", ")
        if 0 < comma and local_end <= comma + 1 and LEADING[lang].match(s.low):
            # "Da sie eine IV-Rente bezieht, war sie ... angestellt."
            rest = _restore_order(text[comma + 2 :], lang)
            candidates.append(rest[:1].upper() + rest[1:])
        before = text.rfind(", ", 0, local_start)
        after = text.find(", ", local_end)
        if before > 0 and after > 0:
            candidates.append(text[:before] + text[after:])
        elif before > 0 and text.find(",", local_end) < 0:
            candidates.append(text[:before] + text.rstrip()[-1:])
        for candidate in candidates:
            if len(candidate) > 25 and not self._topic_left(rule, candidate):
                return candidate
        if s.role == "opening":
            intro = self.intro()
            return intro if intro and not self._topic_left(rule, intro) else None
        if s.grades:
            dim, grade = next(iter(s.grades.items()))
            return self.bank_sentence(_table(dim), self.ctx.grades.get(dim) or grade)
        return ""

    def _topic_left(self, rule, candidate):
        lang = self.ctx.language
        low = tx.lower(candidate)
        patterns = {
            "private.health": (lx.HEALTH[lang]["strong"], lx.HEALTH[lang]["term"]),
            "private.religion": (lx.RELIGION["term"], lx.RELIGION["attached"]),
            "private.life": (lx.PRIVATE[lang]["term"], lx.CLUBS),
            "private.salary": (lx.SALARY,),
            "private.union": (
                re.compile(lx.UNION_NAMES + "|" + lx.STAFF_BODIES),
                lx.UNION_VERBS[lang],
            ),
            "private.politics": (lx.OFFICES[lang], lx.PARTY_WORDS),
            "private.leaving": (lx.LEAVING[lang]["reason"],),
        }.get(rule, ())
        if rule == "private.politics" and lx.PARTIES.search(candidate):
            return True
        if rule == "private.life" and re.search(
            lx.POSSESSIVE[lang] + r"\s+(?:\w+\s+)?" + lx.PRIVATE[lang]["family"], low
        ):
            return True
        return any(p.search(low) for p in patterns)

    # -------------------------------------------------------------- facts level
    def facts_level(self):
        ctx, facts = self.ctx, self.ctx.facts
        for key in (
            "company_name",
            "place",
            "issue_date",
            "signer_name",
            "signer_role",
        ):
            if not facts.get(key):
                self.add("mandatory." + key)
        if ctx.kind != "confirmation" and "tasks" in facts and not facts.get("tasks"):
            described = any(
                s.bullet
                or s.role in ("task", "description")
                or (s.role != "opening" and lx.TASK_CUES[ctx.language].search(s.low))
                for s in ctx.sentences
            )
            if not described:
                self.add("mandatory.tasks")
        expected = facts.get("expected_title")
        if expected and facts.get("title") != expected:
            self.add("mandatory.title", title=expected)
        if ctx.start and ctx.end and ctx.start >= ctx.end:
            self.add("dates.order")
        if ctx.end and ctx.issued and ctx.end > ctx.issued and ctx.kind != "interim":
            self.add("dates.issue")
        if ctx.kind == "interim" and ctx.end:
            self.add("dates.interim_end")

    # ------------------------------------------------------------- placeholders
    def placeholders(self):
        ctx = self.ctx
        for pattern in lx.PLACEHOLDERS:
            for match in pattern.finditer(ctx.text):
                residue = match.group(0)
                if residue.startswith("[") and re.fullmatch(r"\[\d+\]", residue):
                    continue
                start, end = match.span()
                if (
                    "modèle" in residue.lower()
                    or "vorlage" in residue.lower()
                    or re.search(r"_v\d|\.docx?|\.dotx|\.odt", residue)
                ):
                    s = ctx.sentence_at(start)
                    if s and s.end - s.start < len(residue) + 25:
                        start, end = s.start, s.end
                    self.add(
                        "placeholder.template",
                        start,
                        end,
                        suggestion="",
                        residue=residue,
                    )
                    continue
                self.add(
                    "placeholder.template",
                    start,
                    end,
                    suggestion=self.fill_placeholder(match),
                    residue=residue,
                )
        allowed = {
            tx.fold(p) for part in tx.name_parts(ctx.name) for p in part.split("-")
        }
        allowed |= {tx.fold(part) for part in tx.name_parts(ctx.name)}
        company = tx.fold(ctx.facts.get("company_name") or "")
        for match in tx.ALL_SALUTATIONS.finditer(ctx.text):
            named = match.group(2).split()
            named = [
                n for n in named if n.rstrip(".") not in lx.TITLES_AFTER_SALUTATION
            ]
            if not named:
                continue
            folded = [tx.fold(n).strip(".,") for n in named]
            if any(
                f in allowed or any(f in a or a in f for a in allowed if len(a) > 3)
                for f in folded
            ):
                continue
            if all(f in company for f in folded):
                continue
            if folded[0] in {"der", "die", "du", "de", "la", "le", "il"}:
                continue
            start, end = match.start(2), match.start(2) + len(" ".join(named))
            before = ctx.low[max(0, match.start() - 40) : match.start()]
            if re.search(
                r"\b(?:mit|with|avec|con|unter|sous|sotto|under|vorgesetzt\w*|supérieur\w*|"
                r"superior\w*|supervisor|chef\w*|direct\w*|leitung|direction|guida|manager|"
                r"präsident\w*|président\w*|presidente|president|partner\w*|ceo|cfo)\b[^.]*$",
                before,
            ):
                continue  # "mit Herrn Dr. Keller, unserem Chefarzt": someone else, rightly
            surname = tx.name_parts(ctx.name)[-1] if ctx.name else ""
            self.add(
                "placeholder.name", start, end, suggestion=surname, name=" ".join(named)
            )
        first = tx.name_parts(ctx.name)[0] if ctx.name else ""
        for match in lx.THANK_NAME.finditer(ctx.text):
            word = match.group(1)
            if word in lx.NOT_NAMES or tx.fold(word) in allowed:
                continue
            if re.match(
                r"(?:Sie|Ihnen|Ihr|Ihm|Him|Her|You|Madame|Monsieur|Herrn|Frau)$", word
            ):
                continue
            if tx.fold(word) in company:
                continue
            self.add(
                "placeholder.name",
                match.start(1),
                match.end(1),
                suggestion=first,
                name=word,
            )

    def fill_placeholder(self, match):
        ctx = self.ctx
        residue = match.group(0)
        before = ctx.text[max(0, match.start() - 40) : match.start()].lower()
        if "/" in residue or "(e)" in residue:
            return _gender_choice(residue, ctx.gender)
        if (
            re.fullmatch(r"_{2,}(?:[._/ -]+_+)*", residue)
            or "xx." in residue.lower()
            or re.fullmatch(r"[A-Z]{2}[./-][A-Z]{2}[./-][A-Z]{2,4}", residue)
        ):
            target = (
                ctx.end
                if re.search(r"\b(?:bis|au|al|to|until)\s*(?:zum\s+)?$", before)
                else ctx.start
                if re.search(r"\b(?:vom|du|dal|from|seit|depuis)\s*$", before)
                else ctx.birth
                if re.search(r"(?:geboren am|née? le|nat[oa] il|born on)\s*$", before)
                else None
            )
            return ctx.date_text(target) if target else None
        if re.search(
            r"(?:als|de|d'|in qualità di|as|en qualité de|quale|come)\s*$", before
        ):
            return _bare_function(ctx.facts.get("function") or "") or None
        if re.search(
            r"(?:herrn?|frau|monsieur|madame|signora?|mr|ms|mrs)\.?\s*$", before
        ):
            return tx.name_parts(ctx.name)[-1] if ctx.name else None
        if re.search(r"name|nom|nome", residue.lower()):
            return ctx.name or None
        return None

    # ---------------------------------------------------------- private matters
    def private_matters(self):
        ctx = self.ctx
        lang = ctx.language
        for s in ctx.body():
            if s.role == "frame":
                continue
            health = self._health(s, lang)
            self._union(s, lang)
            self._politics(s, lang)
            self._religion(s, lang)
            if not health:
                self._private_life(s, lang)
            salary = lx.SALARY.search(s.low)
            if salary and ctx.about_person(s):
                self._flag(
                    "private.salary",
                    s,
                    s.start + salary.start(),
                    s.start + salary.end(),
                )

    def _flag(self, rule, s, match_start, match_end):
        suggestion = self.without(s, match_start, match_end, rule)
        self.add(rule, s.start, s.end, suggestion=suggestion)

    def _health(self, s, lang):
        ctx = self.ctx
        table = lx.HEALTH[lang]
        if (
            s.role == "closing"
            and lx.CLOSING["wishes"].search(s.low)
            and not re.search(
                r"abwesen|absence|assenz|urlaub|congé|congedo|leave|erwartet|attende|expect",
                s.low,
            )
        ):
            return
        for match in table["strong"].finditer(s.low):
            start = s.start + match.start()
            third = lx.THIRD_PARTY[lang].search(
                s.low[max(0, match.start() - 40) : match.start()]
            )
            if third and not self._employee_near(s, match.start()):
                continue
            if s.bullet:
                continue
            self._flag("private.health", s, start, s.start + match.end())
            return True
        for match in table["term"].finditer(s.low):
            start = s.start + match.start()
            if not ctx.about_person(s, start, s.start + match.end()):
                continue
            if ctx.in_company(start, s.start + match.end()):
                continue  # the job's own title ("addiction counsellor")
            if (
                ctx.domains["health"]
                and (s.role == "task" or lx.CARE.search(s.low))
                and not lx.ABSENCE.search(s.low)
            ):
                continue  # a midwife's births, a nurse's patients: the work
            around = s.low[max(0, match.start() - 30) : match.end() + 25]
            if RELATIVE.search(around):
                continue  # a relative's illness is the family's matter: private life says so
            if re.match(
                r"(?:kenntnis|wissen|knowledge|connaissance|conoscenz|aspect)",
                s.low[max(0, match.start() - 30) : match.start()].split()[-1:][0]
                if s.low[: match.start()].split()
                else "",
            ):
                continue
            if re.search(
                r"(?:kenntnisse|knowledge|connaissances|conoscenze|aspects? of|"
                r"aspetti)\b[^.]{0,40}$",
                s.low[: match.start()],
            ):
                continue
            self._flag("private.health", s, start, s.start + match.end())
            return True
        return False

    def _employee_near(self, s, local):
        """Whether the employee is named or addressed just before position ``local``."""
        ctx = self.ctx
        window = s.text[max(0, local - 25) : local]
        surname = tx.name_parts(ctx.name)[-1] if ctx.name else "\0"
        return bool(
            re.search(re.escape(surname), window)
            or re.search(lx.POSSESSIVE[ctx.language] + r"\s+\S*\s*$", window.lower())
        )

    def _union(self, s, lang):
        ctx = self.ctx
        names = lx.UNION_NAMES + r"|syndical\w*|sindacal\w*|gewerkschaftlich\w*"
        bodies = lx.STAFF_BODIES
        roles = lx.UNION_ROLES[lang]
        domain = ctx.domains["union"]
        targets = bodies if domain else names + "|" + bodies
        forward = re.compile(
            rf"{lx.B}(?:{roles}){lx.E}(?:[\s,]+[\w'’.-]+){{0,10}}?(?:[\s,]+|\s+\w+['’])"
            rf"(?:{targets})(?!\w)"
        )
        backward = re.compile(
            rf"{lx.B}(?:{targets}){lx.E}(?:[\s,]+[\w'’.-]+){{0,3}}?[\s,]+(?:{roles}){lx.E}"
        )
        alone = re.compile(
            r"(?<![\w-])(?:vertrauensmann|vertrauensfrau|arbeitnehmervertreter(?:in)?|"
            r"personalvertreter(?:in)?|représentante? du personnel|délégué\w* du personnel|"
            r"délégué\w* syndical\w*|rappresentante del personale|delegat[oa] sindacale|"
            r"staff representative|employee representative|shop steward)(?![\w-])(?!s)"
        )
        compound = re.compile(
            rf"{lx.B}(?:{names})-\w*(?:präsident|mitglied|sekretär|delegiert|vorstand|"
            r"vertreter|kassier|aktuar)\w*"
        )
        if (domain or ctx.domains["politics"]) and lx.REPORTING.search(s.low):
            return  # interviewing a union's people, reporting on its campaign: the work
        patterns = [forward, backward, alone, lx.UNION_VERBS[lang]]
        if not domain:  # a union's own staff name their posts so: "Unia-Sekretär"
            patterns.insert(3, compound)
        for pattern in patterns:
            match = pattern.search(s.low)
            if not match:
                continue
            if s.bullet and domain:
                continue
            if ctx.in_company(s.start + match.start(), s.start + match.end()):
                continue
            if re.search(
                r"arbeitgeber|employeur|patronal|datore di lavoro|employer", s.low
            ):
                continue  # negotiating with unions for the employer is the work
            if re.search(
                r"(?:mitgliedern|des membres|dei membri|members' )",
                s.low[max(0, match.start() - 12) : match.end()],
            ):
                continue
            if re.search(
                r"\b(?:mit|with|avec|con|gegenüber|face à|vis-à-vis|against|gegen|contre|"
                r"contro)\s+(?:(?:der|dem|den|die|la|le|les|l'|the|il|lo|i|gli|des|du|dei|"
                r"delle|local|lokalen?|locaux|locali)\s+)*(?:" + names + ")",
                s.low[match.start() : match.end() + 1],
            ):
                continue  # the union as the counterpart of the work, not the person's own
            self._flag(
                "private.union", s, s.start + match.start(), s.start + match.end()
            )
            return

    def _politics(self, s, lang):
        ctx = self.ctx
        domain = ctx.domains["politics"]
        acts = lx.POLITICAL_ACTS[lang]
        if (
            domain
            and lx.REPORTING.search(s.low)
            and not lx.PERSON_POLITICAL.search(s.low)
        ):
            return  # covering the parliament, interviewing a party's president: the work
        for match in lx.PARTIES.finditer(s.text):
            if ctx.in_company(s.start + match.start(), s.start + match.end()):
                continue
            word = match.group(0)
            if (
                word in ("PS", "SP")
                and not re.search(
                    r"(?<![\w-])(?:PS|SP)(?:-\w+|\s+(?:\w+\s+)?(?:genevois|vaudois|Schweiz|"
                    r"Kanton|Stadt|Fraktion|ticinese|list))|(?:du|le|au|della|der|die|für die|"
                    r"des|pour le)\s+(?:PS|SP)\b",
                    s.text[max(0, match.start() - 12) : match.end() + 25],
                )
                and not acts.search(s.low)
            ):
                continue
            if domain and not lx.POLITICAL_SELF.search(s.low):
                continue
            if s.role in ("task", "employer") and domain:
                continue
            self._flag(
                "private.politics", s, s.start + match.start(), s.start + match.end()
            )
            return
        generic = lx.PARTY_WORDS.search(s.low)
        if generic and not domain and ctx.about_person(s):
            self._flag(
                "private.politics",
                s,
                s.start + generic.start(),
                s.start + generic.end(),
            )
            return
        office = lx.OFFICES[lang].search(s.low)
        if not office or s.role in ("task", "employer") or s.bullet:
            return
        prefix = re.search(
            lx.ROLE_PREFIX[lang] + r"(?:" + lx.OFFICES[lang].pattern + ")", s.low
        )
        person_act = acts.search(s.low)
        if prefix or (person_act and not domain):
            hit = prefix or office
            # The office itself (the end of "as a parliamentary ..."), not the "as a".
            if ctx.in_company(s.start + hit.end() - 1, s.start + hit.end()):
                return
            if not domain or prefix:
                self._flag(
                    "private.politics", s, s.start + hit.start(), s.start + hit.end()
                )

    def _religion(self, s, lang):
        ctx = self.ctx
        domain = ctx.domains["religion"]
        if s.bullet or s.role in ("frame",):
            return
        possessive = lx.POSSESSIVE[lang]
        attached = re.compile(
            rf"{lx.B}{possessive}\s+(?:[\w'-]+\s+){{0,2}}?(?:{lx.RELIGION['attached'].pattern}"
            rf"|{lx.RELIGION['term'].pattern})",
            re.IGNORECASE,
        )
        member = re.compile(
            r"(?:mitglied|\w*präsident\w*|präsidier\w*|vorstand\w*|aktuar\w*|kassier\w*|"
            r"engagier\w*|ehrenamtlich\w*|freiwillig\w*|membre|présid\w*|engagée?|"
            r"bénévole|trésori\w+|membro|president\w*|presied\w*|impegnat[oa]|volontari\w*|"
            r"cassier\w*|member|chair\w*|president|volunteer\w*|treasurer|elder|ältester|"
            r"ancien(?:ne)?|conseill\w+ de paroisse|anzian[oa]|consiglier\w+ parrocchial\w*|"
            r"ministrant\w*|engagement|impegno|commitment)\b.{0,40}"
            r"(?:"
            + lx.RELIGION["attached"].pattern
            + "|"
            + lx.RELIGION["term"].pattern
            + ")",
            re.IGNORECASE,
        )
        for pattern in (attached, member):
            match = pattern.search(s.low)
            if match and not (domain and s.role in ("task", "employer", "description")):
                if domain and not re.search(
                    r"\b(?:eigene|propre|propri|own)\b|praktiz|"
                    r"pratiqu|pratic|practis|gläubig|croyant|"
                    r"credente|devout",
                    s.low,
                ):
                    continue
                # "Ancien de l'Église ..., il ...": an opening apposition names its
                # subject after it.
                if pattern is member and not ctx.about_person(
                    s, s.start + match.start(), after=match.start() == 0
                ):
                    continue
                self._flag(
                    "private.religion",
                    s,
                    s.start + match.start(),
                    s.start + match.end(),
                )
                return
        if domain:
            return
        for match in lx.RELIGION["term"].finditer(s.low):
            if ctx.about_person(s, s.start + match.start()):
                self._flag(
                    "private.religion",
                    s,
                    s.start + match.start(),
                    s.start + match.end(),
                )
                return

    def _private_life(self, s, lang):
        ctx = self.ctx
        table = lx.PRIVATE[lang]
        if s.bullet or s.role in ("task", "employer"):
            return
        closing_wish = s.role == "closing" and lx.CLOSING["wishes"].search(s.low)
        family = re.compile(
            rf"{lx.B}{lx.POSSESSIVE[lang]}\s+(?:(?:[\w'-]+\s+){{0,2}}?{table['family']}|"
            rf"{table['close']})(?:s|es|n)?(?![\w-])"
            r"(?!\s+(?:gewerbe|betrieb|unternehmen|business|entreprise|azienda))",
            re.IGNORECASE,
        )
        for match in family.finditer(s.low):
            if closing_wish:
                break
            window = s.low[max(0, match.start() - 35) : match.start()]
            if lx.THIRD_PARTY[lang].search(window):
                continue
            self._flag(
                "private.life", s, s.start + match.start(), s.start + match.end()
            )
            return
        criminal = re.compile(
            r"straf|verurteil|vorstraf|pénal|condamn|casier|penal|condann|"
            r"casellario|criminal|convicted|police"
        )
        for match in table["term"].finditer(s.low):
            if closing_wish:
                return
            if criminal.search(match.group(0)) and ctx.domains["crime"]:
                if not table["against"].search(s.low):
                    continue
            span = (s.start + match.start(), s.start + match.end())
            if not ctx.about_person(s, *span, after=False):
                continue
            self._flag("private.life", s, *span)
            return
        match = lx.CLUBS.search(s.low)
        if match and ctx.about_person(s):
            self._flag(
                "private.life", s, s.start + match.start(), s.start + match.end()
            )

    # ------------------------------------------------------------------ address
    def address(self):
        ctx, facts = self.ctx, self.ctx.facts
        if facts.get("address_requested"):
            return
        street = (facts.get("home_street") or "").strip()
        if street and street.lower() in ctx.low:
            at = ctx.low.index(street.lower())
            s = ctx.sentence_at(at)
            end = at + len(street)
            post = (
                lx.POSTCODE.match(ctx.text, end + 2)
                if end + 2 < len(ctx.text)
                else None
            )
            if post:
                end = post.end()
            self.add("private.address", at, end, suggestion=self._cut(s, at, end))
            return
        for s in ctx.body():
            residence = lx.RESIDENCE.search(s.low)
            for match in lx.STREET.finditer(s.text):
                tail = re.compile(r"\s*,?\s*" + lx.POSTCODE.pattern).match(
                    s.text, match.end()
                )
                lead = lx.POSTCODE.search(
                    s.text, max(0, match.start() - 40), match.start()
                )
                near_residence = residence and (
                    -10 <= match.start() - residence.end() <= 60
                )
                if not (near_residence or (tail and s.role == "opening")):
                    continue
                if re.search(
                    r"sitz|standort|filiale|siège|sede|office|headquarters|branch",
                    s.low[max(0, match.start() - 40) : match.start()],
                ):
                    continue
                start = s.start + (
                    residence.start() if near_residence else match.start()
                )
                if lead and near_residence:
                    start = min(start, s.start + lead.start())
                end = s.start + (tail.end() if tail else match.end())
                self.add(
                    "private.address", start, end, suggestion=self._cut(s, start, end)
                )
                return
            if residence:
                post = lx.POSTCODE.search(s.text, residence.end(), residence.end() + 50)
                if post:
                    start, end = s.start + residence.start(), s.start + post.end()
                    self.add(
                        "private.address",
                        start,
                        end,
                        suggestion=self._cut(s, start, end),
                    )
                    return

    def _cut(self, s, start, end):
        if s is None:
            return None
        local_start, local_end = start - s.start, end - s.start
        text = s.text
        left = text[:local_start].rstrip()
        if left.endswith(","):
            left = left[:-1]
        right = text[local_end:]
        return (left + right).replace(" ,", ",").replace("  ", " ")

    # ------------------------------------------------------------------ leaving
    def leaving(self):
        ctx, facts = self.ctx, self.ctx.facts
        if facts.get("leaving_reason_requested") or ctx.kind == "interim":
            return
        table = lx.LEAVING[ctx.language]
        body = ctx.body()
        last_para = max((s.para for s in body), default=-1)
        # The leaving is told where the closing is, often just before its thanks.
        closing_paras = {s.para for s in body if s.role == "closing"}
        for s in body:
            if (
                s.role != "closing"
                and not (
                    ctx.kind == "confirmation"
                    and s.para == last_para
                    and s.role != "opening"
                )
                and not (s.role == "person" and s.para in closing_paras)
            ):
                self._ended_elsewhere(s)
                continue
            if lx.INTERIM_NOTE.search(s.low):
                continue
            match = table["reason"].search(s.low)
            if not match:
                continue
            if (
                table["favourable"].search(s.low)
                and not any(
                    table["reason"].search(s.low[: m.start()] + s.low[m.end() :])
                    for m in [lx.LEAVING_END.search(s.low)]
                    if m
                )
                and lx.LEAVING_END.search(s.low)
            ):
                continue  # "auf ihren Wunsch aufgelöst": the favourable formula
            closing_words = lx.CLOSING["thanks"].search(s.low) or lx.CLOSING[
                "wishes"
            ].search(s.low)
            if closing_words:
                suggestion = self.without(
                    s, s.start + match.start(), s.start + match.end()
                )
                suggestion = suggestion or None
            else:
                suggestion = self.neutral_leaving()
            self.add("private.leaving", s.start, s.end, suggestion=suggestion)

    def _ended_elsewhere(self, s):
        """A dismissal told outside the closing: "Das Arbeitsverhältnis wurde gekündigt"."""
        ctx = self.ctx
        if s.bullet or s.role in ("frame", "task", "employer"):
            return
        if lx.TASK_CUES[ctx.language].search(s.low) or lx.INTERIM_NOTE.search(s.low):
            return
        match = lx.LEAVING_END.search(s.low)
        if not match or not EMPLOYMENT.search(s.low):
            return
        if lx.LEAVING[ctx.language]["favourable"].search(s.low):
            return
        self.add("private.leaving", s.start, s.end, suggestion="")

    def neutral_leaving(self):
        ctx = self.ctx
        if not ctx.end:
            return None
        table = bank.LEAVING.get(ctx.language, bank.LEAVING["en"])
        key = "past" if ctx.issued and ctx.issued > ctx.end else "present"
        return table[key].format(end=ctx.date_text(ctx.end))

    # ------------------------------------------------------------------ omissions
    def omissions(self):
        ctx = self.ctx
        body = [s for s in ctx.body()]
        if not body:
            return
        opening = next((s for s in body if s.role == "opening"), body[0])
        words = {tx.fold(w) for w in tx.words(ctx.low)}
        intro = self.intro()
        name_parts = [tx.fold(p) for p in tx.name_parts(ctx.name)]
        if name_parts and not all(
            any(w == p or w.startswith(p) for w in words)
            for p in name_parts
            if not re.fullmatch(r"(dr|prof)\.?", p)
        ):
            self.add(
                "omission.name",
                opening.start,
                opening.end,
                suggestion=intro,
                name=ctx.name,
            )
        if ctx.birth or ctx.facts.get("origin"):
            birth_there = any(
                m.matches(ctx.birth) and m.complete for m in ctx.mentions
            ) or any(self.role_of_date(m) == "birth" for m in ctx.mentions)
            if not birth_there and not self.origin_present(words):
                self.add(
                    "omission.identity", opening.start, opening.end, suggestion=intro
                )
        if ctx.start and not self.date_present(ctx.start, "start"):
            self.add(
                "omission.start",
                opening.start,
                opening.end,
                suggestion=intro,
                date=ctx.date_text(ctx.start),
            )
        if ctx.end and ctx.kind != "interim" and not self.date_present(ctx.end, "end"):
            anchor = next(
                (
                    s
                    for s in body
                    if any(
                        m.matches(ctx.start)
                        for m in ctx.mentions
                        if s.start <= m.start < s.end
                    )
                ),
                opening,
            )
            self.add(
                "omission.end",
                anchor.start,
                anchor.end,
                suggestion=intro,
                date=ctx.date_text(ctx.end),
            )
        function = ctx.facts.get("function") or ""
        prose = " ".join(s.low for s in body if not s.bullet)
        if function and not _function_present(function, prose):
            self.add(
                "omission.function",
                opening.start,
                opening.end,
                suggestion=intro,
                function=function,
            )
        self.assessment_omissions(body)

    def origin_present(self, words):
        ctx = self.ctx
        if re.search(
            r"staatsangeh|nationalit|nazionalit|ressortissant|cittadin|\bnational\b|"
            r"citizen of|heimatberechtigt|heimatort",
            ctx.low,
        ):
            return True
        origin = ctx.facts.get("origin") or ""
        tokens = [tx.fold(t) for t in re.findall(r"[^\W\d_]{3,}", origin)]
        tokens = [t for t in tokens if t not in ("national", "citizen", "nationalite")]
        if not tokens:
            return False
        head = re.escape(tokens[0][:5])
        folded = tx.fold(ctx.low)
        for match in re.finditer(rf"\b{head}\w*", folded):
            before = folded[max(0, match.start() - 25) : match.start()]
            if re.search(
                r"(?:wohnhaft|domicili|residente|residing|demeurant|wohnt)", before
            ):
                continue
            if re.search(
                r"(?:\bvon|\baus|\bde|\bdu|\bd'|\bdi|\bdel|\bof|originaire|attinente|"
                r"citizen)\s*(?:la |le |l')?$",
                before,
            ):
                return True
        return False

    def role_of_date(self, mention):
        ctx = self.ctx
        before = ctx.low[max(0, mention.start - 60) : mention.start]
        if re.search(
            r"(?:geboren|geb\.|née?|nat[oa]|born|naissance|nascita|geburtsdatum)"
            r"[^.;]{0,12}$",
            before,
        ):
            return "birth"
        index = ctx.mentions.index(mention)
        if index:
            previous = ctx.mentions[index - 1]
            between = ctx.low[previous.end : mention.start]
            if len(between) <= 14 and _RANGE_JOINER.fullmatch(between):
                return "end"
        if re.search(
            r"(?:\bbis\b|jusqu|fino al|\buntil\b|\btill\b|ends? on|ended on|"
            r"endet(?:e)?\b|prend fin|pris fin|termin\w*|\bper\b|\bau\b|\bal\b)"
            r"\s*(?:zum|am|le|il|ende)?\s*$",
            before,
        ):
            return "end"
        if re.search(
            r"(?:verlässt|verliess|quitte|quitté|lascia|leaving|leaves|left|austritt|"
            r"ruhestand|retraite|pensione)[^.;]{0,50}$",
            before,
        ):
            return "end"
        next_mention = (
            ctx.mentions[index + 1] if index + 1 < len(ctx.mentions) else None
        )
        if next_mention:
            between = ctx.low[mention.end : next_mention.start]
            if len(between) <= 14 and _RANGE_JOINER.fullmatch(between):
                return "start"
        if re.search(
            r"(?:\bvom\b|\bvon\b|\bdu\b|\bdal\b|dall'|\bfrom\b|\bseit\b|depuis|\bsince\b|"
            r"\bab\b|dès|à partir d[ue]|a partire d\w+|\bam\b|\ble\b|\bil\b|\bon\b)"
            r"\s*(?:dem|le|il)?\s*$",
            before,
        ):
            return "start"
        return None

    def date_present(self, value, role):
        ctx = self.ctx
        for mention in ctx.mentions:
            if mention.matches(value) and (mention.day or mention.month):
                return True
            if self.role_of_date(mention) == role and mention.year:
                return True  # present, maybe wrong: the mismatch rule says so
        if role == "end" and value:
            month_name = dates.MONTH_NAMES.get(ctx.language, dates.MONTH_NAMES["en"])
            name = month_name[value.month - 1].lower()
            if re.search(
                rf"(?:ende|fin|fine|end of)\s+(?:\w+\s+)?{name}\s+{value.year}", ctx.low
            ):
                return True
        return False

    def assessment_omissions(self, body):
        ctx = self.ctx
        lang = ctx.language
        needs = ctx.kind in ("full", "interim") or (
            ctx.kind == "apprenticeship" and ctx.facts.get("assessment_requested")
        )
        if not needs:
            return
        found = ctx.dimension_grades()
        mid = [s for s in body if s.role not in ("opening", "closing", "frame")]
        closing = [s for s in body if s.role == "closing"]

        def task_like(s):
            return (
                s.bullet
                or s.text.rstrip().endswith(":")
                or s.role in ("task", "employer")
                or (
                    s.role == "description"
                    and lx.TASK_CUES[lang].search(s.low)
                    and not s.grades
                )
            )

        task_paras = {s.para for s in mid if task_like(s)}
        coded_perf = any(
            pattern.search(s.low)
            for s in mid
            if not task_like(s)
            for rule, pattern in lx.CODES[lang]
            if rule
            in ("coded.effort", "coded.interest", "coded.assigned", "coded.punctuality")
        )
        has_perf = "performance" in found or coded_perf
        friendly = re.compile(
            r"freundlich|hilfsbereit|höflich|zuvorkommend|respektvoll|gut (?:aus)?kam|"
            r"aimable|courtois|cordial|respectueu|serviable|cortese|gentile|cordiale|"
            r"disponibile|rispettos|friendly|helpful|polite|courteous|respectful|"
            r"(?:got|gets) (?:on|along) (?:\w+ )?well|s'entend\w* (?:\w+ )?bien|"
            r"andava (?:\w+ )?d'accordo|kam (?:\w+ )?gut aus"
        )
        coded_people = [
            p
            for rule, p in lx.CODES[lang]
            if rule in ("coded.known_as", "coded.sociability")
        ]
        conduct_like = [
            s
            for s in mid
            if not any(p.search(s.low) for p in coded_people)
            and (
                "conduct" in s.grades
                or (
                    not task_like(s)
                    and grading.PEOPLE[lang].search(s.low)
                    and (
                        grading.CONDUCT_NOUN[lang].search(s.low)
                        or friendly.search(s.low)
                    )
                )
            )
        ]
        has_conduct = bool(conduct_like)
        leadership = (
            "leadership" in found
            or any(
                grading.LEADERSHIP[lang].search(s.low) and not task_like(s) for s in mid
            )
            or any(lx.CODES[lang][4][1].search(s.low) for s in mid)
        )
        conduct_first = min(conduct_like, key=lambda s: s.start, default=None)
        last_task = max(
            (p for p in task_paras if conduct_first is None or p <= conduct_first.para),
            default=None,
        )
        zone = [
            s
            for s in mid
            if s.para not in task_paras and (last_task is None or s.para > last_task)
        ]
        first_closing = closing[0] if closing else None
        if ctx.kind == "apprenticeship" and not has_perf and not has_conduct:
            last_para = max((s.para for s in mid), default=None)
            anchor_start = next((s for s in mid if s.para == last_para), None)
            span = self.span(
                anchor_start or first_closing, first_closing or anchor_start
            )
            self.add(
                "omission.assessment",
                *span,
                suggestion=self.insert(
                    span,
                    first_closing.start if first_closing else span[1],
                    [
                        self.bank_sentence(
                            bank.PERFORMANCE, self.wanted_grade("performance")
                        ),
                        self.bank_sentence(bank.CONDUCT, self.wanted_grade("conduct")),
                    ],
                ),
            )
            return
        if not has_perf:
            first = zone[0] if zone else (conduct_first or first_closing)
            gap = [
                s
                for s in zone
                if conduct_first is None or s.start < conduct_first.start
            ]
            if not gap and last_task is not None:
                # Tasks then straight to conduct: the gap lies between the two paragraphs.
                first = next((s for s in mid if s.para == last_task), first)
            last = conduct_first or (zone[-1] if zone else first_closing)
            span = self.span(first, last)
            at = conduct_first.start if conduct_first else span[1]
            self.add(
                "omission.performance",
                *span,
                suggestion=self.insert(
                    span,
                    at,
                    [
                        self.bank_sentence(
                            bank.PERFORMANCE, self.wanted_grade("performance")
                        )
                    ],
                ),
            )
        if not has_conduct:
            perf = [s for _g, s in found.get("performance", [])]
            first = (
                max(perf, key=lambda s: s.start)
                if perf
                else (zone[-1] if zone else None)
            )
            first = first or (mid[-1] if mid else first_closing) or body[-1]
            span = self.span(first, first_closing or first)
            at = first.end
            self.add(
                "omission.conduct",
                *span,
                suggestion=self.insert(
                    span,
                    at,
                    [self.bank_sentence(bank.CONDUCT, self.wanted_grade("conduct"))],
                ),
            )
        if (
            ctx.facts.get("is_manager")
            and ctx.kind in ("full", "interim")
            and not leadership
        ):
            perf = [s for _g, s in found.get("performance", [])]
            last_perf = (
                max(perf, key=lambda s: s.start)
                if perf
                else (zone[-1] if zone else (mid[-1] if mid else first_closing))
            ) or body[-1]
            after = (
                conduct_first
                if conduct_first and conduct_first.start > last_perf.start
                else None
            )
            span = self.span(last_perf, after or last_perf)
            self.add(
                "omission.leadership",
                *span,
                suggestion=self.insert(
                    span,
                    last_perf.end,
                    [
                        self.bank_sentence(
                            bank.LEADERSHIP, self.wanted_grade("leadership")
                        )
                    ],
                ),
            )

    def span(self, first, last):
        if first is None and last is None:
            return (-1, -1)
        first = first or last
        last = last or first
        if last.end < first.start:
            first, last = last, first
        return (first.start, last.end)

    def insert(self, span, at, sentences):
        start, end = span
        addition = " ".join(s for s in sentences if s)
        if start < 0 or not addition:
            return None
        passage = self.ctx.text[start:end]
        cut = max(0, min(len(passage), at - start))
        head, tail = passage[:cut].rstrip(" "), passage[cut:].lstrip(" ")
        if not head:
            return addition + " " + tail
        if tail.startswith("\n") or not tail:
            return head + " " + addition + tail
        return head + " " + addition + " " + tail

    # --------------------------------------------------------------- mismatches
    def date_mismatch(self):
        ctx = self.ctx
        body_starts = {s.start for s in ctx.body()}
        del body_starts
        seen_start = False
        for mention in ctx.mentions:
            s = ctx.sentence_at(mention.start)
            if s is None or s.role == "frame" or not mention.year:
                continue
            role = self.role_of_date(mention)
            if role == "birth" and ctx.birth and mention.complete:
                if not mention.matches(ctx.birth):
                    self.mismatch("dates.birth", mention, ctx.birth)
            elif role == "start" and ctx.start and not seen_start:
                if s.role != "opening" and not re.search(
                    r"\b(?:lehre|apprentissage|tirocinio|apprenticeship|formation|ausbildung)",
                    s.low,
                ):
                    continue
                seen_start = True
                if not mention.matches(ctx.start) and (
                    mention.complete or mention.year != ctx.start.year
                ):
                    if mention.complete or not (mention.year == ctx.start.year):
                        self.mismatch("dates.start", mention, ctx.start)
            elif role == "end" and ctx.end and ctx.kind != "interim":
                if s.role not in ("opening", "closing"):
                    continue
                if not mention.matches(ctx.end):
                    if (
                        mention.complete
                        or mention.year != ctx.end.year
                        or (mention.month and mention.month != ctx.end.month)
                    ):
                        self.mismatch("dates.end", mention, ctx.end)

    def mismatch(self, rule, mention, value):
        ctx = self.ctx
        right = dates.format_date(value, ctx.language, mention.style, mention.text)
        if not mention.complete:
            right = None
        self.add(
            rule,
            mention.start,
            mention.end,
            suggestion=right,
            text=mention.text,
            form=ctx.date_text(value),
        )

    # ---------------------------------------------------------------- type rules
    def type_content(self):
        ctx = self.ctx
        if ctx.kind == "confirmation":
            rule = "type.confirmation"
        elif ctx.kind == "apprenticeship" and not ctx.facts.get("assessment_requested"):
            rule = "type.apprenticeship"
        else:
            return
        strong = lx.EVALUATIVE_STRONG[ctx.language]
        weak = lx.EVALUATIVE[ctx.language]
        for s in ctx.body():
            if s.bullet or s.role == "frame":
                continue
            described = lx.TASK_CUES[ctx.language].search(s.low) and not strong.search(
                s.low
            )
            if (
                s.grades
                or strong.search(s.low)
                or (weak.search(s.low) and not described)
            ):
                suggestion = self.drop_evaluative(s, strong, weak)
                self.add(rule, s.start, s.end, suggestion=suggestion)

    def drop_evaluative(self, s, strong, weak):
        parts = re.split(
            r"(, (?:wo|où|dove|where|und|et|e|and|svolgendo|[\w]+end)\b)", s.text
        )
        if len(parts) > 1:
            keep = parts[0]
            low = tx.lower(keep)
            if not (
                strong.search(low)
                or weak.search(low)
                or grading.grade_sentence(low, self.ctx.language)
            ):
                return keep.rstrip(",") + "."
        return ""

    # --------------------------------------------------------------------- codes
    def codes(self):
        ctx = self.ctx
        lang = ctx.language
        found = ctx.dimension_grades()
        self._perf_ok = any(g >= 3 for g, _s in found.get("performance", []))
        self._retired = bool(lx.CLOSING["retire"].search(ctx.low))
        for s in ctx.body():
            if s.bullet or s.role in ("frame", "task", "employer", "opening"):
                continue
            if (
                s.role == "description"
                and not s.grades
                and lx.TASK_CUES[lang].search(s.low)
            ):
                # The tasks paragraph: only effort without result, said of the person.
                if self._subject_is_person(s):
                    self._listed_code(s, only=("coded.effort", "coded.assigned"))
                continue
            if self._listed_code(s) or self._restricted(s) or self._complaint(s):
                continue
            order = lx.PERSON_ORDER[lang]
            present = [p for p in (s.low.find(word) for word in order) if p >= 0]
            if len(present) >= 2 and present != sorted(present):
                suggestion = self.bank_sentence(
                    bank.CONDUCT, self.wanted_grade("conduct")
                )
                self.add("coded.order", s.start, s.end, suggestion=suggestion)

    def _code_exempt(self, rule, s, match):
        """Where a listed phrase is no code: results stated, a formula given, a retiree."""
        lang = self.ctx.language
        if rule == "coded.health_wish":
            return s.role != "closing" or self._retired
        if s.role == "closing" and self.ctx._closing_cue(s):
            return True
        if rule == "coded.effort":
            return bool(lx.RESULT.search(s.low)) and not re.search(
                r"bemüh|efforc|sforz|effort|tried|essay|cerca", s.low
            )
        if rule == "coded.interest":
            return self._perf_ok and not re.search(
                r"anliegen|belange|concerns|préoccupations|preoccupazioni|istanze|"
                r"richieste|esigenze del personale",
                s.low,
            )
        if rule == "coded.assigned":
            return bool(s.grades.get("performance"))
        if rule == "coded.punctuality":
            return bool(
                re.search(
                    r"pünktlichkeit|ponctualité|puntualità|punctuality", match.group(0)
                )
                and len(lx.EVALUATIVE[lang].findall(s.low)) > 2
            )
        return False

    def _subject_is_person(self, s):
        """Whether ``s`` opens with the employee: a salutation, the name or a pronoun."""
        ctx = self.ctx
        head = s.text[:40]
        surname = tx.name_parts(ctx.name)[-1] if ctx.name else "\0"
        return bool(
            surname in head
            or re.match(
                r"(?:Sie|Er|Elle|Il|Lui|Lei|She|He)\b(?! (?:y|s'agit|faut))", s.text
            )
        )

    def _listed_code(self, s, only=None):
        for rule, pattern in lx.CODES[self.ctx.language]:
            if only and rule not in only:
                continue
            match = pattern.search(s.low)
            if match and not self._code_exempt(rule, s, match):
                self.add(rule, s.start, s.end, suggestion=self.code_suggestion(rule, s))
                return True
        return False

    def _restricted(self, s):
        lang = self.ctx.language
        assessed = (
            s.grades
            or grading.PERFORMANCE[lang].search(s.low)
            or grading.CONDUCT_NOUN[lang].search(s.low)
        )
        if s.role == "closing" and self.ctx._closing_cue(s):
            return False
        if assessed and grading.RESTRICTIONS[lang].search(s.low):
            dim = (
                next(iter(s.grades))
                if s.grades
                else (
                    "conduct"
                    if grading.CONDUCT_NOUN[lang].search(s.low)
                    else "performance"
                )
            )
            suggestion = self.bank_sentence(_table(dim), self.wanted_grade(dim))
            self.add("coded.restriction", s.start, s.end, suggestion=suggestion)
            return True
        return False

    def _complaint(self, s):
        ctx = self.ctx
        if (
            grading.COMPLAINT[ctx.language].search(s.low)
            and (ctx.grades.get("conduct") or 5) > 2
        ):
            suggestion = self.bank_sentence(bank.CONDUCT, self.wanted_grade("conduct"))
            self.add("coded.complaint", s.start, s.end, suggestion=suggestion)
            return True
        return False

    def code_suggestion(self, rule, s):
        if rule == "coded.sociability":
            return ""
        if rule in ("coded.known_as",):
            return self.bank_sentence(bank.CONDUCT, self.wanted_grade("conduct"))
        if rule == "coded.delegation":
            return self.bank_sentence(bank.LEADERSHIP, self.wanted_grade("leadership"))
        if rule == "coded.health_wish":
            return self.closing_sentence()
        return self.bank_sentence(bank.PERFORMANCE, self.wanted_grade("performance"))

    # ----------------------------------------------------------------- coherence
    def coherence(self):
        ctx = self.ctx
        if ctx.kind not in ("full", "interim", "apprenticeship"):
            return
        found = ctx.dimension_grades()
        flagged = set()
        if ctx.grades:
            for dim in DIMENSIONS:
                form = ctx.grades.get(dim)
                if not form:
                    continue
                for grade, s in found.get(dim, []):
                    if abs(grade - form) >= 2 and s.index not in flagged:
                        flagged.add(s.index)
                        self.add(
                            "incoherent." + dim,
                            s.start,
                            s.end,
                            suggestion=self.bank_sentence(_table(dim), form),
                            text=_grade_text(grade),
                            form=_grade_text(form),
                        )
            return
        # Without the form: the text against itself.
        perf = [g for g, _s in found.get("performance", [])]
        cond = [g for g, _s in found.get("conduct", [])]
        pairs = [
            (g, s, d)
            for d in ("performance", "conduct", "leadership")
            for g, s in found.get(d, [])
        ]
        if not pairs:
            return
        top = max(g for g, _s, _d in pairs)
        low = min(g for g, _s, _d in pairs)
        if top - low >= 2 and perf and cond:
            for grade, s, dim in pairs:
                if grade == low:
                    self.add(
                        "incoherent.text",
                        s.start,
                        s.end,
                        suggestion=self.bank_sentence(_table(dim), top),
                        text=_grade_text(grade),
                        other=_grade_text(top),
                    )
                    break
        elif top - low >= 2:
            # Two statements on the same dimension that contradict each other.
            grade, s, dim = min(pairs, key=lambda p: p[0])
            self.add(
                "incoherent.text",
                s.start,
                s.end,
                suggestion=self.bank_sentence(_table(dim), top),
                text=_grade_text(grade),
                other=_grade_text(top),
            )

    def closing_sentence(self, grade=None):
        ctx = self.ctx
        table = bank.CLOSING.get(ctx.language, bank.CLOSING["en"])
        if ctx.kind == "interim":
            return bank.fill(table["interim"], ctx.refs)
        grade = grade if grade is not None else (ctx.overall() or 4)
        level = 5 if grade >= 4.5 else 4 if grade >= 3.5 else 3 if grade >= 2.5 else 2
        return bank.fill(table[level], ctx.refs)

    def _cold_ending(self, last, grade):
        """A text that ends without a closing after very good grades: no word of thanks
        reads as the downgrade a reader is meant to see, incoherent, not only incomplete."""
        self.add(
            "incoherent.closing_cold",
            last.start,
            last.end,
            suggestion=last.text + "\n\n" + self.closing_sentence(grade),
            grade=_grade_text(grade),
        )

    def closing(self):
        ctx = self.ctx
        body = ctx.body()
        closing = [s for s in body if s.role == "closing"]
        text = " ".join(s.low for s in closing)
        has = {
            k: bool(lx.CLOSING[k].search(text)) for k in ("thanks", "regret", "wishes")
        }
        if ctx.kind == "full" and not any(has.values()):
            real = [
                s
                for s in body
                if not any(p.search(s.text) for p in lx.PLACEHOLDERS[-1:])
            ]
            last = real[-1] if real else (body[-1] if body else None)
            if last:
                grade = ctx.overall()
                self.add(
                    "omission.closing",
                    last.start,
                    last.end,
                    suggestion=last.text + "\n\n" + self.closing_sentence(grade),
                )
                if grade is not None and grade >= 4:
                    self._cold_ending(last, grade)
            return
        grade = ctx.overall()
        if grade is None or ctx.kind not in ("full", "apprenticeship"):
            return
        if not closing:
            if ctx.kind == "apprenticeship" and grade >= 4 and body:
                self._cold_ending(body[-1], grade)
            return
        span = (closing[0].start, closing[-1].end)
        if grade >= 4 and (
            not has["thanks"] and not (has["regret"] and has["wishes"])
            if ctx.kind == "full"
            else not (has["thanks"] or has["wishes"])
        ):
            self.add(
                "incoherent.closing_cold",
                *span,
                suggestion=self.closing_sentence(grade),
                grade=_grade_text(grade),
            )
            return
        strong = lx.CLOSING["strong"].search(text)
        warm = (has["regret"] and grade <= 2.5) or (
            strong and has["regret"] and grade <= 3.2
        )
        if (
            ctx.grades
            and grade <= 3.2
            and strong
            and re.search(
                r"excellent|outstanding|hervorragend|ausgezeichnet|ottim|eccellent|remarquable|"
                r"exceptional|aussergewöhnlich",
                text,
            )
        ):
            warm = True
        performance = (ctx.grades or {}).get("performance")
        if (
            performance
            and performance <= 3
            and re.search(
                r"(?:excellent|outstanding|hervorragend|ausgezeichnet|ottim|eccellent|"
                r"remarquable|exceptional|aussergewöhnlich)\w*\s+(?:\w+\s+)?(?:leistung|"
                r"prestation|prestazion|performance|arbeit|travail|lavoro|work)",
                text,
            )
        ):
            warm = True  # thanked for excellent work that the assessment calls good
        if warm:
            target = next(
                (
                    s
                    for s in closing
                    if lx.CLOSING["regret"].search(s.low)
                    or lx.CLOSING["strong"].search(s.low)
                ),
                closing[-1],
            )
            self.add(
                "incoherent.closing_warm",
                target.start,
                target.end,
                suggestion=self.closing_sentence(grade),
                grade=_grade_text(grade),
            )

    # ---------------------------------------------------------------------- tense
    def tense(self):
        if self.ctx.kind == "interim":
            self._tense_interim()
        else:
            self._tense_final()

    def _past_sentences(self, body, table):
        """Sentences in the past only, and how many are in the present only."""
        ctx = self.ctx
        past_only, present_only = [], 0
        for s in body:
            if s.role in ("frame", "closing", "opening") or s.bullet:
                continue
            if (
                ctx.language in ("de", "en")
                and not s.grades
                and re.search(r"\b(?:19|20)\d\d\b", s.low)
            ):
                continue  # "2021 führte sie ... ein": a dated event, fine in any tense
            past = table["past"].search(s.low)
            present = table["present"].search(s.low)
            if past and not present:
                past_only.append(s)
            elif present and not past:
                present_only += 1
        return past_only, present_only

    def _tense_interim(self):
        ctx = self.ctx
        table = lx.TENSE[ctx.language]
        body = ctx.body()
        opening = [s for s in body if s.role == "opening"]
        past_opening = next(
            (
                s
                for s in opening[:2]
                if table["opening_past"].search(s.low) and not lx.JOINED.search(s.low)
            ),
            None,
        )
        past_only, present_only = self._past_sentences(body, table)
        wrong = len(past_only) >= 2 and len(past_only) > present_only
        if past_opening:
            self.add(
                "tense.interim",
                past_opening.start,
                past_opening.end,
                suggestion=self.intro(),
            )
        for s in body:
            if INTERIM_LEFT.search(s.low):
                self.add(
                    "tense.interim", s.start, s.end, suggestion=self.closing_sentence()
                )
                break
        if not (wrong or past_opening):
            return
        if wrong or past_only:
            for s in past_only[:4]:
                converted = _to_present(s.text, ctx.language)
                self.add(
                    "tense.interim",
                    s.start,
                    s.end,
                    suggestion=converted if converted != s.text else None,
                )
        for s in body:
            if s.role == "closing" and re.search(
                r"\b(?:wurde|was issued|a été établi|è stato rilasciato|thanked|wished|"
                r"remerciée?|ringraziata?o?|bedauerten|wünschten|dankten|avons regretté|"
                r"avons souhaité|abbiamo augurato|ci siamo rammaricati|regretted)\b",
                s.low,
            ):
                self.add(
                    "tense.interim", s.start, s.end, suggestion=self.closing_sentence()
                )
                break

    def _tense_final(self):
        ctx = self.ctx
        table = lx.TENSE[ctx.language]
        body = ctx.body()
        opening = [s for s in body if s.role == "opening"]
        for s in body:
            if s.bullet or s.role not in (
                "opening",
                "description",
                "person",
                "assessment",
            ):
                continue
            if not table["since_present"].search(s.low) or not SINCE_DATE.search(s.low):
                continue
            if re.search(r"\b(?:had been|hatte|avait|aveva)\b", s.low):
                continue
            suggestion = self.intro() if opening and s is opening[0] else None
            self.add("tense.final", s.start, s.end, suggestion=suggestion)


# A relative named just before an illness: "his wife's", "de son mari", "ihres Vaters".
RELATIVE = re.compile(
    r"\b(?:wife|husband|partner|mother|father|son|daughter|child|parent)s?'s?\b|"
    r"\b(?:seine[rsm]?|ihre[rsm]?)\s+(?:mannes|ehemannes|frau|ehefrau|partner\w*|vaters|mutter|"
    r"sohnes|tochter|kindes|kinder|eltern)\b|\bde (?:son|sa) (?:mari|époux|épouse|femme|"
    r"conjoint\w*|père|mère|fils|fille|enfant)\b|\bde ses (?:parents|enfants)\b|"
    r"\b(?:del|della|dei) (?:suo |sua |suoi )?(?:marito|moglie|padre|madre|figli\w*|"
    r"genitori|compagn[oa])\b"
)
# The employment itself, as the subject of a dismissal (not the dismissals HR handles).
EMPLOYMENT = re.compile(
    r"\b(?:arbeitsverhältnis\w*|anstellung\w*|arbeitsvertrag\w*|(?:ihre|seine) stelle|"
    r"(?:ihr|sein) vertrag|employment|(?:her|his) (?:contract|position|post|job)|"
    r"(?:son|le) contrat|(?:son|le) poste|rapports? de travail|rapporto di lavoro|"
    r"(?:il suo|il) contratto|(?:il suo|il) posto|impiego)\b"
)
# An interim reference that says the employee is gone: "hat uns verlassen", "nous a quittés",
# "ci ha lasciati", "left us".
INTERIM_LEFT = re.compile(
    r"\b(?:hat uns\b.{0,40}\bverlassen|verliess uns|ist\b.{0,40}\bausgetreten|trat\b.{0,40}"
    r"\baus\b|nous a quitté\w*|a quitté notre|a quitté l'entreprise|ci ha lasciat\w|"
    r"ha lasciato (?:la nostra|l'azienda)|left (?:us|our|the company)|"
    r"has left (?:us|our|the company))"
)
SINCE_DATE = re.compile(
    r"\b(?:seit|depuis|dal|dall'|since)\s+(?:dem\s+|le\s+|il\s+)?"
    r"(?:\d|janu|febr|märz|april|mai|juni|juli|augu|sept|okto|nove|deze|janv|"
    r"févr|mars|avri|juin|juil|août|octo|déce|genn|febb|marz|apri|magg|giug|"
    r"lugl|agos|sett|otto|dice|january|february|march|may|june|july|october|"
    r"december)"
)


# ------------------------------------------------------------------- helpers
# Words that open a leading subordinate clause, which can go without the main clause.
LEADING = {
    "de": re.compile(
        r"(?:da|weil|nachdem|seit|seitdem|trotz|wegen|nach|während|obwohl|auch nach|"
        r"aufgrund|infolge|dank)\b"
    ),
    "fr": re.compile(
        r"(?:bien qu|malgré|après|suite à|à la suite d|pendant|depuis|puisqu|en raison d|"
        r"lorsqu|alors qu|grâce à)"
    ),
    "it": re.compile(
        r"(?:dopo|nonostante|a causa d|durante|dato che|poiché|sebbene|in seguito a|"
        r"da quando|grazie a)"
    ),
    "en": re.compile(
        r"(?:despite|after|since|following|due to|although|while|because)\b"
    ),
}


def _table(dim):
    return {
        "performance": bank.PERFORMANCE,
        "conduct": bank.CONDUCT,
        "leadership": bank.LEADERSHIP,
    }[dim]


def _grade_text(grade):
    return ("%.1f" % grade).rstrip("0").rstrip(".")


def _salutation_name(ctx):
    ref = ctx.ref or ""
    parts = tx.name_parts(ctx.name)
    if parts and ref.endswith(parts[-1]) and ref != ctx.name:
        salutation = ref[: -len(parts[-1])].strip()
        name = f"{salutation} {ctx.name}"
        return name[:1].upper() + name[1:]
    return ctx.name


def _gender_choice(residue, gender):
    pieces = re.split(r"/|\(", residue.replace(")", ""))
    if residue.endswith("(e)") or residue.endswith("(e"):
        return residue.replace("(e)", "e" if gender == "f" else "")
    if len(pieces) < 2:
        return None
    female = re.compile(
        r"^(?:frau|madame|mme|ms|mrs|signora|la signora|sie|ihr|ihre|her|she|"
        r"née|nata|elle|la|a)\.?$",
        re.IGNORECASE,
    )
    if gender is None:
        return None
    for piece in pieces:
        if bool(female.match(piece.strip())) == (gender == "f"):
            return (
                piece.strip()
                if not residue.startswith(("nato", "nata"))
                else ("nata" if gender == "f" else "nato")
            )
    return None


APPRENTICE_WORDS = re.compile(
    r"\b(?:apprenti(?:e)?|apprentice|lernende[rn]?|apprendista|stagiaire)\b",
    re.IGNORECASE,
)


def _bare_function(function):
    return re.sub(r"\s{2,}", " ", APPRENTICE_WORDS.sub("", function)).strip(" ,")


FUNCTION_STOP = frozenset(
    """der die das des dem den und für im in am von zu mit bei de du des la le les et en pour
    au aux d l di del della dei delle e per al alla of the and for at to a an efz eba cfc afc
    cfp fh hf es sss sup hes dipl senior junior""".split()
)


def _stem(word):
    for suffix in (
        "innen",
        "erin",
        "ende",
        "ung",
        "erinnen",
        "ière",
        "ier",
        "euse",
        "eur",
        "trice",
        "teur",
        "ante",
        "ant",
        "ista",
        "iste",
        "ist",
        "ore",
        "rice",
        "er",
        "en",
        "in",
        "e",
        "a",
        "o",
        "i",
        "s",
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _function_present(function, low):
    """Whether the text names the function, allowing for gender, inflection, compounds."""
    tokens = [tx.fold(t) for t in re.findall(r"[^\W\d_]+", _bare_function(function))]
    tokens = [t for t in tokens if t not in FUNCTION_STOP and len(t) > 1]
    if not tokens:
        return True
    text_words = {tx.fold(w) for w in re.findall(r"[^\W\d_]+", low)}
    stems = {_stem(w) for w in text_words}

    def found(token):
        if token in text_words or _stem(token) in stems:
            return True
        if len(token) >= 6 and any(token in w for w in text_words):
            return True  # inside a compound: "Buchhaltungssachbearbeiterin"
        if len(token) >= 5 and any(
            w.startswith(token)
            or (len(w) >= 5 and token.startswith(w) and len(w) >= len(token) * 0.75)
            for w in text_words
        ):
            return True
        # A compound: "Teamleiterin" in "Leitung des Teams", "Primarlehrerin" in
        # "Primarschule" and "Klassenlehrerin".
        for cut in range(4, len(token) - 3):
            head, tail = token[:cut], token[cut:]
            head_ok = any(
                w.startswith(head) or _stem(w) == _stem(head) for w in text_words
            )
            tail_ok = any(
                w.endswith(tail) or _stem(w) == _stem(tail)
                for w in text_words
                if len(tail) >= 4
            )
            if head_ok and tail_ok:
                return True
        return False

    hits = [found(t) for t in tokens]
    head = hits[0]
    if (
        re.search(r"[a-z]", function)
        and tokens
        and function.split()[0][:1].isupper()
        and re.match(
            r"(?:senior |junior )?[A-Z]\w+ (?:[A-Z]\w+ )*(?:Manager|Officer|"
            r"Specialist|Engineer|Technician|Scientist|Agent|Assistant|Advisor|"
            r"Worker|Employee|Consultant|Designer|Inspector|Operative|Analyst)\b",
            function,
        )
    ):
        head = any(hits[1:]) or head
    return head and sum(hits) >= max(1, len(hits) / 2)


def _restore_order(rest, language):
    """German V2 after a dropped leading clause: "war sie mit ..." -> "sie war mit ..."."""
    if language != "de":
        return rest
    match = re.match(r"(\w+)\s+(er|sie|es|wir|Herr \w+|Frau \w+)\b(.*)", rest)
    if match and not match.group(1)[0].isupper():
        subject = match.group(2)
        return f"{subject[:1].upper()}{subject[1:]} {match.group(1)}{match.group(3)}"
    return rest


PRESENT = {
    "de": {"war": "ist", "waren": "sind", "hatte": "hat", "hatten": "haben", "beriet": "berät",
           "übernahm": "übernimmt", "verhielt": "verhält", "fand": "findet", "fanden": "finden",
           "vertrat": "vertritt", "erfüllte": "erfüllt", "erledigte": "erledigt",
           "entsprachen": "entsprechen", "entsprach": "entspricht"},
    "fr": {"était": "est", "étaient": "sont", "avait": "a", "a été": "est", "a eu": "a",
           "a travaillé": "travaille", "a accompli": "accomplit", "a disposé": "dispose"},
    "it": {"era": "è", "erano": "sono", "aveva": "ha", "è stato": "è", "è stata": "è",
           "ha lavorato": "lavora", "ha svolto": "svolge"},
    "en": {"was": "is", "were": "are", "had": "has", "worked": "works",
           "performed": "performs", "carried out": "carries out", "looked after": "looks after"},
}  # fmt: skip


GERMAN_WEAK = re.compile(
    r"\b(arbeit|betreu|führ|leit|bearbeit|organisier|koordinier|unterstütz|pfleg|erstell|"
    r"entwickel|behandel|bedien|kümmer|sorg|zeig|verfüg|erledig|erfüll|unterricht|leist|"
    r"wirk|umfass|gehör|plan|gestalt|analysier|betreib|verwalt|prüf|schul)(e?te)(n?)\b",
    re.IGNORECASE,
)


def _to_present(sentence, language):
    table = PRESENT.get(language, {})

    def swap(match):
        word = match.group(0)
        new = table[word.lower()]
        return new[:1].upper() + new[1:] if word[:1].isupper() else new

    if table:
        keys = sorted(table, key=len, reverse=True)
        pattern = r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b"
        sentence = re.sub(pattern, swap, sentence, flags=re.IGNORECASE)
    if language == "de":
        sentence = GERMAN_WEAK.sub(
            lambda m: m.group(1)
            + ("en" if m.group(3) else ("et" if m.group(2) == "ete" else "t")),
            sentence,
        )
    if language == "it":
        sentence = re.sub(
            r"\b(\w{3,})(ava|eva|iva)\b",
            lambda m: m.group(1) + ("a" if m.group(2) == "ava" else "e"),
            sentence,
        )
    return sentence


def check(facts, text):
    """Every finding about ``text`` given ``facts`` (see ``BexioReference._compliance_facts``)."""
    ctx = Context(facts, text)
    return Checker(ctx).run()
