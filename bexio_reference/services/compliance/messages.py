# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What each rule says and why it matters, in English.

These strings are the msgids of the addon's translations: the Odoo side passes them through
``env._`` so that the user reads them in German, French or Italian. Keep them literal, and
keep every change in step with ``i18n/*.po``.
"""

HIGH, MEDIUM, LOW = "high", "medium", "low"


def _lt(text):
    """Marks a msgid for Odoo's translation export; the Odoo side translates it."""
    return text


PRIVACY = _lt("Art. 328b OR; sensitive personal data (Art. 5 lit. c DSG)")
TRUE_CLEAR = _lt("Art. 330a para. 1 OR: a reference is true, complete and clear")
CODE = _lt("Art. 330a OR: clear wording without hidden codes")
CONTENT = _lt("Art. 330a para. 1 OR: nature, duration, performance and conduct")
CONVENTION = _lt("Swiss practice of employment references")
FORM = _lt("A reference is signed as printed: no template residue")

# rule: (severity, label, explanation, basis)
RULES = {
    "private.health": (
        HIGH,
        _lt("Health"),
        _lt(
            "The text speaks of the employee's health (illness, accident, pregnancy, "
            "therapy or an absence because of them). A reference may mention it only with "
            "the employee's consent, or where it made the job impossible for a long time."
        ),
        PRIVACY,
    ),
    "private.union": (
        HIGH,
        _lt("Union or staff representation"),
        _lt(
            "The text names the employee's union membership or role as a staff "
            "representative. It is private, says nothing about the work, and can harm the "
            "employee with the next employer."
        ),
        _lt(
            "Art. 328b OR; sensitive personal data (Art. 5 lit. c DSG); freedom of "
            "association (Art. 28 BV)"
        ),
    ),
    "private.politics": (
        HIGH,
        _lt("Politics"),
        _lt(
            "The text names the employee's party, political office or candidacy. It is a "
            "private matter that a reference may not disclose."
        ),
        PRIVACY,
    ),
    "private.religion": (
        HIGH,
        _lt("Religion"),
        _lt(
            "The text speaks of the employee's faith, denomination or religious practice. "
            "It is private and may not appear in a reference."
        ),
        PRIVACY,
    ),
    "private.life": (
        HIGH,
        _lt("Private life"),
        _lt(
            "The text speaks of the employee's family, partner, children, hobbies, debts or "
            "criminal matters that have nothing to do with the work."
        ),
        _lt("Art. 328 and 328b OR"),
    ),
    "private.leaving": (
        HIGH,
        _lt("Reason for leaving"),
        _lt(
            "The text gives the reason for leaving (dismissal, restructuring, conflict, "
            "mutual agreement) although the employee did not ask for it. Use a neutral end "
            'of employment, or the favourable "on the employee\'s own wish" where true.'
        ),
        _lt("Art. 330a OR; Swiss practice of employment references"),
    ),
    "private.salary": (
        HIGH,
        _lt("Salary"),
        _lt(
            "The text gives the employee's salary, which is confidential and no part of a "
            "reference."
        ),
        _lt("Art. 328b OR"),
    ),
    "private.address": (
        HIGH,
        _lt("Home address"),
        _lt("The text gives the home address, which the employee did not ask for."),
        _lt("Art. 328b OR"),
    ),
    "coded.effort": (
        HIGH,
        _lt("Effort without result"),
        _lt(
            'Effort without a result ("bemühte sich", "s\'est efforcé", "cercava di", "made '
            'every effort") is read as failure. Say what was achieved, and how well.'
        ),
        CODE,
    ),
    "coded.interest": (
        HIGH,
        _lt("Interest instead of an assessment"),
        _lt(
            "Interest or understanding shown, without an assessment of the work, is a known "
            "code for weak performance."
        ),
        CODE,
    ),
    "coded.sociability": (
        HIGH,
        _lt("Sociability or working atmosphere"),
        _lt(
            "Praise for sociability or for the working atmosphere is a known code (for "
            "socialising or drinking at work) and says nothing about the work."
        ),
        CODE,
    ),
    "coded.restriction": (
        HIGH,
        _lt("Restricted assessment"),
        _lt(
            'A restriction such as "im Grossen und Ganzen", "dans l\'ensemble", "nel '
            'complesso" or "on the whole" takes a grade off and is read as hidden '
            "criticism."
        ),
        CODE,
    ),
    "coded.known_as": (
        HIGH,
        _lt('"We came to know him as"'),
        _lt(
            '"We came to know him as ..." is a known code that distances the employer from '
            "the praise that follows."
        ),
        CODE,
    ),
    "coded.delegation": (
        HIGH,
        _lt("Delegated everything"),
        _lt(
            '"Knew how to delegate all tasks" is a known code for a manager who did little '
            "himself."
        ),
        CODE,
    ),
    "coded.assigned": (
        HIGH,
        _lt("Only the assigned tasks"),
        _lt(
            '"Completed the tasks assigned to him" without an assessment reads as doing '
            "only what was asked."
        ),
        CODE,
    ),
    "coded.punctuality": (
        HIGH,
        _lt("Punctuality or appearance as praise"),
        _lt(
            "Praising punctuality or appearance where the work should be assessed is a "
            "known code for having nothing better to say."
        ),
        CODE,
    ),
    "coded.complaint": (
        HIGH,
        _lt('"No cause for complaint"'),
        _lt(
            '"Gave no cause for complaint" is a weak, coded conduct assessment. Say how the '
            "conduct was."
        ),
        CODE,
    ),
    "coded.health_wish": (
        MEDIUM,
        _lt("Wishing health"),
        _lt(
            "Wishing health in the closing hints at illness, unless the employee retires."
        ),
        CODE,
    ),
    "coded.order": (
        MEDIUM,
        _lt("Order of persons"),
        _lt(
            "Conduct is stated towards superiors, then colleagues, then customers; another "
            "order is read as criticism."
        ),
        CONVENTION,
    ),
    "omission.name": (
        HIGH,
        _lt("Name missing"),
        _lt(
            "The text does not give the employee's full name (%(name)s); the printed "
            "reference shows it nowhere else."
        ),
        CONTENT,
    ),
    "omission.identity": (
        HIGH,
        _lt("Date of birth and origin missing"),
        _lt(
            "The text gives neither the date of birth nor the place of origin or "
            "nationality, so the reference does not identify the employee. The printed "
            "reference shows them nowhere else."
        ),
        CONTENT,
    ),
    "omission.start": (
        HIGH,
        _lt("Start of employment missing"),
        _lt("The text does not say when the employment began (%(date)s)."),
        CONTENT,
    ),
    "omission.end": (
        HIGH,
        _lt("End of employment missing"),
        _lt("The text does not say when the employment ended (%(date)s)."),
        CONTENT,
    ),
    "omission.function": (
        HIGH,
        _lt("Function missing"),
        _lt("The text does not name the function the employee held (%(function)s)."),
        CONTENT,
    ),
    "omission.performance": (
        HIGH,
        _lt("Performance not assessed"),
        _lt(
            "A full or interim reference must assess the performance; the text describes "
            "the work but does not say how well it was done."
        ),
        CONTENT,
    ),
    "omission.conduct": (
        HIGH,
        _lt("Conduct not assessed"),
        _lt("The conduct towards superiors, colleagues and customers is not assessed."),
        CONTENT,
    ),
    "omission.leadership": (
        HIGH,
        _lt("Leadership not assessed"),
        _lt("The employee leads people, but the text does not assess the leadership."),
        _lt(
            "Art. 330a para. 1 OR: nature, duration, performance and conduct; Swiss "
            "practice of employment references"
        ),
    ),
    "omission.assessment": (
        HIGH,
        _lt("Requested assessment missing"),
        _lt(
            "The apprentice asked for an assessment of performance and conduct; the text "
            "gives none."
        ),
        _lt("Art. 346a para. 2 OR"),
    ),
    "omission.closing": (
        HIGH,
        _lt("Closing missing"),
        _lt(
            "A full reference without any closing (thanks, regret, good wishes) is read as "
            "a sharply negative signal."
        ),
        CONVENTION,
    ),
    "dates.birth": (
        HIGH,
        _lt("Date of birth differs"),
        _lt(
            "The date of birth in the text (%(text)s) is not the one on the form "
            "(%(form)s)."
        ),
        TRUE_CLEAR,
    ),
    "dates.start": (
        HIGH,
        _lt("Start date differs"),
        _lt(
            "The start of employment in the text (%(text)s) is not the one on the form "
            "(%(form)s)."
        ),
        TRUE_CLEAR,
    ),
    "dates.end": (
        HIGH,
        _lt("End date differs"),
        _lt(
            "The end of employment in the text (%(text)s) is not the one on the form "
            "(%(form)s)."
        ),
        TRUE_CLEAR,
    ),
    "dates.order": (
        HIGH,
        _lt("Dates in the wrong order"),
        _lt("The employment must start before it ends."),
        TRUE_CLEAR,
    ),
    "dates.issue": (
        MEDIUM,
        _lt("Issued before the end"),
        _lt("A final reference cannot be dated before the end of employment."),
        TRUE_CLEAR,
    ),
    "dates.interim_end": (
        HIGH,
        _lt("Interim reference with an end date"),
        _lt("An interim reference is written during employment: it has no end date."),
        TRUE_CLEAR,
    ),
    "incoherent.performance": (
        HIGH,
        _lt("Performance contradicts the form"),
        _lt(
            "This sentence grades the performance %(text)s of 5, the form %(form)s of 5. "
            "The text must say what HR assessed."
        ),
        TRUE_CLEAR,
    ),
    "incoherent.conduct": (
        HIGH,
        _lt("Conduct contradicts the form"),
        _lt(
            "This sentence grades the conduct %(text)s of 5, the form %(form)s of 5. The "
            "text must say what HR assessed."
        ),
        TRUE_CLEAR,
    ),
    "incoherent.leadership": (
        HIGH,
        _lt("Leadership contradicts the form"),
        _lt(
            "This sentence grades the leadership %(text)s of 5, the form %(form)s of 5. The "
            "text must say what HR assessed."
        ),
        TRUE_CLEAR,
    ),
    "incoherent.text": (
        HIGH,
        _lt("Assessment contradicts itself"),
        _lt(
            "This sentence grades %(text)s of 5 where the rest of the assessment says "
            "%(other)s of 5, with nothing to explain the gap; readers take the weaker "
            "statement as the truth."
        ),
        TRUE_CLEAR,
    ),
    "incoherent.closing_cold": (
        HIGH,
        _lt("Closing too cold for the grades"),
        _lt(
            "The assessment is very good (%(grade)s of 5), but the closing thanks the "
            "employee for nothing: readers take the missing thanks as a reservation."
        ),
        CONVENTION,
    ),
    "incoherent.closing_warm": (
        HIGH,
        _lt("Closing too warm for the grades"),
        _lt(
            "Warm regret and praise in the closing do not fit an assessment of %(grade)s of "
            "5; one of them is untrue."
        ),
        CONVENTION,
    ),
    "placeholder.template": (
        HIGH,
        _lt("Template residue"),
        _lt("A placeholder or template residue is left in the text: %(residue)s."),
        FORM,
    ),
    "placeholder.name": (
        HIGH,
        _lt("Someone else's name"),
        _lt(
            "The text names %(name)s, who is not the employee: probably left from another "
            "reference."
        ),
        FORM,
    ),
    "tense.interim": (
        HIGH,
        _lt("Interim reference in the past tense"),
        _lt(
            "An interim reference is written in the present tense; this sentence reads as "
            "if the employee had already left."
        ),
        TRUE_CLEAR,
    ),
    "tense.final": (
        HIGH,
        _lt("Final reference in the present tense"),
        _lt(
            "A final reference is written in the past tense; this sentence reads as if the "
            "employee still worked here."
        ),
        TRUE_CLEAR,
    ),
    "type.confirmation": (
        HIGH,
        _lt("Assessment in a confirmation"),
        _lt(
            "A confirmation of employment states only the nature and duration of the "
            "employment; it may not assess performance or conduct."
        ),
        _lt("Art. 330a para. 2 OR"),
    ),
    "type.apprenticeship": (
        HIGH,
        _lt("Assessment not requested"),
        _lt(
            "An apprenticeship reference assesses abilities, performance and conduct only "
            "at the apprentice's request."
        ),
        _lt("Art. 346a para. 2 OR"),
    ),
    "mandatory.company_name": (
        HIGH,
        _lt("Employer missing"),
        _lt("Missing: the employer."),
        CONTENT,
    ),
    "mandatory.place": (
        HIGH,
        _lt("Place of issue missing"),
        _lt("Missing: the place of issue."),
        CONVENTION,
    ),
    "mandatory.issue_date": (
        HIGH,
        _lt("Date of issue missing"),
        _lt("Missing: the date of issue."),
        CONVENTION,
    ),
    "mandatory.signer_name": (
        HIGH,
        _lt("Signer missing"),
        _lt("Missing: the signer's name."),
        CONVENTION,
    ),
    "mandatory.signer_role": (
        HIGH,
        _lt("Signer's role missing"),
        _lt("Missing: the signer's role, printed under the signature."),
        CONVENTION,
    ),
    "mandatory.tasks": (
        HIGH,
        _lt("Tasks missing"),
        _lt(
            "Missing: the tasks (the form has none, and the text should describe them)."
        ),
        CONTENT,
    ),
    "mandatory.title": (
        HIGH,
        _lt("Wrong title"),
        _lt('The title must be "%(title)s" for this type of reference.'),
        CONVENTION,
    ),
}
