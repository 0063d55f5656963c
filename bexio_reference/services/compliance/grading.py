# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The grade a sentence gives, read from the conventional formulas of Swiss references.

Grades run as on the form: 5 excellent, 4 very good, 3 good, 2 adequate, 1 insufficient.
The satisfaction formulas are graded by their adjective and raised by an intensifier:
"stets zu unserer vollsten Zufriedenheit" 5, "zu unserer vollsten" and "stets zu unserer
vollen" 4, "zu unserer vollen" and "stets zu unserer" 3, "zu unserer Zufriedenheit" 2, and a
restriction ("im Grossen und Ganzen", "dans l'ensemble", "nel complesso", "on the whole")
takes a grade off. French "entière satisfaction" is very good and "satisfaction" alone good;
Italian "piena soddisfazione" is good and "soddisfazione" alone adequate, as practised in
Romandy and Ticino.
"""

import re


def _rx(pattern):
    return re.compile(pattern, re.IGNORECASE)


W = r"(?:[\w'-]+\s+)"  # one word and its space

INTENSIFIERS = {
    "de": _rx(
        r"\b(stets|jederzeit|immer|in jeder hinsicht|durchwegs|ausnahmslos|"
        r"in jeder beziehung|stets und in jeder hinsicht|zu jeder zeit)\b"
    ),
    "fr": _rx(
        r"\b(toujours|en tout temps|constamment|à tous points de vue|en tous points|"
        r"à tout égard|à tous égards|en toutes circonstances|sans exception)\b"
    ),
    "it": _rx(
        r"\b(sempre|in ogni momento|costantemente|in ogni ambito|sotto ogni aspetto|"
        r"in ogni circostanza|in ogni occasione)\b"
    ),
    "en": _rx(
        r"\b(always|at all times|consistently|in every respect|invariably|"
        r"without exception|in every way|throughout)\b"
    ),
}
RESTRICTIONS = {
    "de": _rx(
        r"\b(im grossen und ganzen|im allgemeinen|im wesentlichen|grundsätzlich|"
        r"weitgehend|überwiegend|meistens|in der regel|mehrheitlich|teilweise)\b"
    ),
    "fr": _rx(
        r"\b(dans l'ensemble|globalement|en général|en règle générale|généralement|"
        r"la plupart du temps|en grande partie|dans une large mesure|partiellement)\b"
    ),
    "it": _rx(
        r"\b(nel complesso|nell'insieme|in generale|generalmente|di regola|perlopiù|"
        r"per lo più|in gran parte|in linea di massima|parzialmente)\b"
    ),
    "en": _rx(
        r"\b(on the whole|by and large|in general|generally|as a rule|largely|mostly|"
        r"for the most part|partly|in most respects)\b"
    ),
}

# (pattern, grade, kind); a named group "adj" or "adv" refines the grade through the table.
SATISFACTION = {
    "de": (
        _rx(r"(?:(?P<adj>[a-zäöü]+)\s+)?(?:zufriedenheit|anerkennung)"),
        {
            "vollsten": 4, "vollste": 4, "allergrössten": 4.5, "allergrösste": 4.5,
            "höchsten": 4.5, "höchste": 4.5, "grössten": 4, "grösste": 4,
            "uneingeschränkten": 4, "uneingeschränkte": 4, "vollen": 3, "volle": 3,
            "grossen": 3, "grosse": 3, "besten": 4,
        },
        2,
    ),
    "fr": (
        _rx(
            r"(?:(?P<adj>pleine et entière|plus grande|plus entière|entière|pleine|parfaite|"
            r"totale|grande|meilleure|complète)\s+)?(?:satisfaction|reconnaissance)(?! de)"
        ),
        {
            "entière": 4, "pleine et entière": 4.5, "plus grande": 4.5, "plus entière": 4.5,
            "parfaite": 4.5, "totale": 4.5, "complète": 4.5, "meilleure": 4.5,
            "pleine": 4, "grande": 3.5,
        },
        3,
    ),
    "it": (
        _rx(
            r"(?:(?P<adj>piena e completa|piena e totale|massima|completa|totale|assoluta|"
            r"piena|grande|viva)\s+)?(?:soddisfazione|riconoscimento)"
        ),
        {
            "piena": 3, "massima": 4.5, "completa": 4.5, "totale": 4.5, "assoluta": 4.5,
            "piena e completa": 4.5, "piena e totale": 4.5, "grande": 3, "viva": 3,
        },
        2,
    ),
    "en": (
        _rx(
            r"(?:(?P<adj>complete and total|utmost|greatest|highest|fullest|complete|full|"
            r"entire|total|great|every)\s+)?(?:satisfaction|recognition)"
        ),
        {
            "complete": 4, "full": 4, "entire": 4, "total": 4, "utmost": 4.5,
            "greatest": 4.5, "highest": 4.5, "fullest": 4.5, "complete and total": 4.5,
            "great": 3.5, "every": 4,
        },
        3,
    ),
}  # fmt: skip

SATISFIED = {
    "de": (
        _rx(rf"(?P<adv>(?:{W}){{0,3}})(?:zufrieden|befriedigt\w*)(?!heit)"),
        (
            (r"ausserordentlich|äusserst|ausgesprochen|höchst|überaus|in höchstem mass|"
             r"ganz besonders|ausnehmend", 4.5),
            (r"\bsehr\b|in hohem mass|vollauf|voll und ganz|vollumfänglich|rundum", 4),
        ),
        3,
    ),
    "fr": (
        _rx(rf"(?P<adv>(?:{W}){{0,2}})satisfaite?s?\b"),
        (
            (r"extrêmement|particulièrement|hautement|parfaitement|pleinement et", 4.5),
            (r"\btrès\b|pleinement|entièrement|tout à fait|vraiment", 4),
        ),
        3,
    ),
    "it": (
        _rx(rf"(?P<adv>(?:{W}){{0,4}})soddisf(?:atti|atto|atta|atte|ano|a|acevano|ace)\b"),
        (
            (r"pienamente e completamente|completamente|totalmente|appieno|estremamente|"
             r"particolarmente|assolutamente|oltremodo|moltissimo", 4.5),
            (r"\bmolto\b", 4),
            (r"pienamente", 3.5),
        ),
        3,
    ),
    "en": (
        _rx(rf"(?P<adv>(?:{W}){{0,2}})satisfied\b"),
        (
            (r"extremely|exceptionally|highly|thoroughly|most|entirely", 4.5),
            (r"\bvery\b|fully|completely|totally|really", 4),
        ),
        3,
    ),
}  # fmt: skip

EXPECTATIONS = {
    "de": (
        _rx(r"erwartungen|anforderungen|\bziele\b|zielvorgaben|umsatzziele"),
        (
            (r"übertr(?:af|afen|ifft|effen|offen)|übersteig|weit über", 4.5),
            (r"(?:voll|vollumfänglich|in hohem mass\w*|voll und ganz|bestens)\s+"
             r"(?:\w+\s+){0,2}(?:erfüllt|entsprochen|entsprach|entsprachen|gerecht)|"
             r"in vollem umfang|vollumfänglich|voll und ganz|in bester weise|bestens", 4),
            (r"nicht (?:immer|ganz|in allen|voll)", 2),
            (r"genügte|genügten|genügt", 2),
            (r"erfüllt|erfüllte|erfüllten|entsprach|entsprachen|entsprochen|entspricht|"
             r"entsprechen|gerecht|erreicht\w*|erreichte", 3),
        ),
    ),
    "fr": (
        _rx(r"attentes|exigences|objectifs"),
        (
            (r"dépass|surpass|au-delà", 4.5),
            (r"pleinement|entièrement|parfaitement", 4),
            (r"pas toujours|pas entièrement|partiellement", 2),
            (r"répondu|répond|correspondu|correspond|satisfait à|rempli|comblé|atteint", 3),
        ),
    ),
    "it": (
        _rx(r"aspettative|attese|esigenze|obiettivi"),
        (
            (r"superat|superando|superano|supera|oltrepass|andando oltre", 4.5),
            (r"pienamente|completamente|appieno|perfettamente", 4),
            (r"non sempre|non del tutto|parzialmente", 2),
            (r"corrispost|corrispond|soddisfatto|soddisfa|rispond|all'altezza|raggiunt", 3),
        ),
    ),
    "en": (
        _rx(r"expectations|requirements|targets|objectives"),
        (
            (r"exceed|surpass|beyond", 4.5),
            (r"fully|completely|entirely|in full", 4),
            (r"not always|did not|partly", 2),
            (r"\bmet\b|meets|\bmeet\b|lived up|corresponded|fulfilled|matched|achieved|"
             r"reached", 3),
        ),
    ),
}  # fmt: skip

# The quality or standard of the work, told as high: "Arbeitsqualität sehr hoch", "of a very high
# standard", "qualité élevée", "livello molto alto". (pattern, very-high words)
QUALITY = {
    "de": (
        _rx(
            r"arbeitsqualität\b.{0,25}?\b(?P<q>(?:sehr |äusserst |ausserordentlich )?hoch)\b"
        ),
        r"sehr|äusserst|ausserordentlich",
    ),
    "fr": (
        _rx(
            r"qualité de (?:son|ses) travaux?\b.{0,30}?\b(?P<q>(?:très |extrêmement )?élevée?s?)"
        ),
        r"très|extrêmement",
    ),
    "it": (
        _rx(
            r"qualità del suo lavoro\b.{0,30}?\b(?P<q>(?:molto |estremamente )?(?:alta|elevata))"
        ),
        r"molto|estremamente",
    ),
    "en": (
        _rx(
            r"(?:her|his) work was (?:always |consistently )?of an? "
            r"(?P<q>(?:very |exceptionally |consistently )*high) (?:standard|quality)"
        ),
        r"very|exceptionally",
    ),
}

ADJECTIVES = {
    "de": (
        (r"ausgezeichnet\w*|hervorragend\w*|herausragend\w*|exzellent\w*|vorzüglich\w*|"
         r"überragend\w*|erstklassig\w*|aussergewöhnlich\w*", 5, "any"),
        (r"gut bis sehr gut\w*", 3.5, "any"),
        (r"sehr gut\w*", 4, "any"),
        (r"vorbildlich\w*", 4.5, "conduct"),
        (r"einwandfrei\w*|tadellos\w*|untadelig\w*", 3.5, "conduct"),
        (r"korrekt\w*|anständig\w*|angemessen\w*", 3, "conduct"),
        (r"befriedigend", 2.5, "any"),
        (r"gut|gute|guten", 3, "predicate"),
        (r"genügend|ausreichend", 2, "any"),
        (r"ungenügend|mangelhaft|unbefriedigend", 1, "any"),
    ),
    "fr": (
        (r"excellente?s?|remarquables?|exceptionnel(?:le)?s?|hors pair|remarquable", 5,
         "any"),
        (r"très bon(?:ne)?s?", 4, "any"),
        (r"exemplaires?", 4.5, "conduct"),
        (r"irréprochables?|impeccables?|sans reproche", 4, "conduct"),
        (r"correcte?s?|convenables?", 3, "conduct"),
        (r"bon(?:ne)?s?", 3, "predicate"),
        (r"satisfaisante?s?|suffisante?s?|acceptables?", 2, "any"),
        (r"insuffisante?s?|médiocres?|décevante?s?", 1, "any"),
    ),
    "it": (
        (r"eccellent[ei]|ottim[eiao]|eccezional[ei]|straordinari[eao]?|notevol[ei]", 5,
         "any"),
        (r"da buon[ei] a molto buon[ei]", 3.5, "any"),
        (r"molto buon[eiao]", 4, "any"),
        (r"esemplar[ei]", 4.5, "conduct"),
        (r"ineccepibil[ei]|impeccabil[ei]|irreprensibil[ei]", 4, "conduct"),
        (r"corrett[oaie]", 3, "conduct"),
        (r"buon[eiao]", 3, "predicate"),
        (r"sufficient[ei]|discret[eiao]|accettabil[ei]", 2, "any"),
        (r"insufficient[ei]|scars[eiao]|deludent[ei]", 1, "any"),
    ),
    "en": (
        (r"excellent|outstanding|exceptional|superb|first-class|remarkable", 5, "any"),
        (r"very good", 4, "any"),
        (r"exemplary", 4.5, "conduct"),
        (r"impeccable|irreproachable|faultless|beyond reproach", 4, "conduct"),
        (r"correct|proper", 3, "conduct"),
        (r"good", 3, "predicate"),
        (r"satisfactory|adequate|sufficient|acceptable", 2, "any"),
        (r"poor|unsatisfactory|insufficient|inadequate", 1, "any"),
    ),
}  # fmt: skip
COPULA = {
    "de": _rx(r"\b(war|waren|ist|sind|wurde|wurden|blieb|erwies sich als|gilt als)\b"),
    "fr": _rx(r"\b(était|étaient|est|sont|été|fut|furent|reste|demeure|restée?)\b"),
    "it": _rx(r"\b(era|erano|è|sono|stat[oaie]|fu|furono|rimane|risulta)\b"),
    "en": _rx(r"\b(was|were|is|are|been|remained|proved)\b"),
}

APPRECIATION = {
    "de": (
        _rx(rf"(?P<adv>(?:{W}){{0,2}})(?:geschätzt\w*|beliebt\w*|respektiert\w*|"
            r"anerkannt\w*)|(?P<high>hohes ansehen|grosses vertrauen|grosse wertschätzung)|"
            r"(?P<plain>gut (?:aus)?kam|gut zurecht)"),
        ((r"äusserst|ausserordentlich|überaus|hoch|allseits|gleichermassen sehr|"
          r"ausgesprochen", 4.5), (r"\bsehr\b", 4)),
        3.5,
    ),
    "fr": (
        _rx(rf"(?P<adv>(?:{W}){{0,2}})(?:apprécié\w*|estimé\w*|respecté\w*)|"
            r"(?P<high>jouit (?:du|d'un) (?:grand |profond )?respect|grande estime|"
            r"confiance de tous)|(?P<plain>s'entend(?:ait)? (?:\w+ )?bien)"),
        ((r"unanimement|hautement|extrêmement|particulièrement|grandement", 4.5),
         (r"\btrès\b|beaucoup|vivement", 4)),
        3.5,
    ),
    "it": (
        _rx(rf"(?P<adv>(?:{W}){{0,2}})(?:apprezzat\w*|apprezza\w*|stimat\w*|stima\w*|"
            r"rispettat\w*|benvolut\w*)(?P<post>\s+(?:molto|moltissimo|tantissimo))?|"
            r"(?P<high>grande stima|profonda stima)|"
            r"(?P<plain>and(?:ava|ò) (?:\w+ )?d'accordo)"),
        ((r"moltissimo|tantissimo|estremamente|particolarmente", 4.5),
         (r"\bmolto\b|\bben\b|assai", 4)),
        3.5,
    ),
    "en": (
        _rx(rf"(?P<adv>(?:{W}){{0,2}})(?:appreciated|regarded|valued|respected|esteemed|"
            r"liked|popular)|(?P<high>held in high (?:esteem|regard))|"
            r"(?P<plain>(?:got|gets) (?:on|along) (?:\w+ )?well)"),
        ((r"extremely|exceptionally|greatly|highly|universally|very highly", 4.5),
         (r"\bvery\b|much|well|widely", 4)),
        3.5,
    ),
}  # fmt: skip

COMPLAINT = {
    "de": _rx(
        r"(?:zu\s+)?kein\w*\s+(?:klagen?|beanstandung\w*)|ohne tadel|nichts auszusetzen|"
        r"keinen anlass zu (?:klagen|beanstandungen)|keinen grund zur klage|"
        r"(?:nie|niemals|keinen?|keinerlei)\b.{0,30}\banlass\b.{0,30}\b(?:klage|beanstandung|"
        r"kritik|tadel|bemerkung)\w*|(?:klage|beanstandung|kritik)\w*\b.{0,20}\banlass gab|"
        r"nie (?:beklagen|beschweren)|nicht (?:zu )?(?:beklagen|beanstanden)"
    ),
    "fr": _rx(
        r"jamais eu à (?:nous |s'en )?plaindre|(?:aucune|sans) plainte|donné lieu à "
        r"(?:aucune|des|la moindre|une quelconque) (?:plainte|remarque|critique|reproche)s?|"
        r"rien à redire|rien à reprocher|(?:jamais|aucun\w*|pas)\b.{0,40}\b(?:sujet|motif|"
        r"raison) (?:de|d')\s*(?:plainte|nous plaindre|critique|reproche)"
    ),
    "it": _rx(
        r"(?:dato|dare|dà|dava) (?:adito|luogo|motivo) a (?:\w+ )?(?:lamentele|reclami|"
        r"critiche|osservazioni|rimproveri)|nessuna lamentela|"
        r"motivo di (?:lament\w+|reclamo|critica)|nulla da eccepire|nulla da rimproverare"
    ),
    "en": _rx(
        r"(?:no|never had|never gave|without|never any) (?:any )?(?:cause|reason|grounds|"
        r"occasion) (?:for|to) (?:complain\w*|criticism|criticise|criticize)|"
        r"no (?:cause for )?complaints?|nothing to complain|never gave rise to (?:any )?"
        r"(?:complaints?|criticism|objections?)|no (?:grounds|reason) for (?:complaint|criticism)"
    ),
}
NEGATIVE = {
    "de": _rx(
        r"\bnicht immer\b|\bnicht in allen\b|\bmanchmal\b|\bgelegentlich\b|\bmitunter\b|"
        r"liess zu wünschen|\bfehlte (?:es )?(?:ihm|ihr) (?:an|die|der|das)"
    ),
    "fr": _rx(r"\bpas toujours\b|\bparfois\b|\bquelquefois\b|\bmanqu\w+ (?:de|d')"),
    "it": _rx(
        r"\bnon sempre\b|\btalvolta\b|\ba volte\b|\bqualche volta\b|\b(?:gli|le) è mancat"
    ),
    "en": _rx(r"\bnot always\b|\bat times\b|\boccasionally\b|\bsometimes\b|\blacked\b"),
}

# What a "not always" or "sometimes" must speak of to be criticism, not a shift plan.
CRITICISED = _rx(
    r"gelang|einzuhalten|eingehalten|erreich|präzis|genauigkeit|sorgfalt|termin|fehler|"
    r"qualität|zuverlässig|précision|délais|erreur|qualité|soin|fiabilit|precision|termin|"
    r"errori|qualità|accuratezza|affidabil|accuracy|deadline|mistake|error|quality|"
    r"reliab|punctual|pünktlich|ponctu|puntual|concentra|motivation|motivazione"
)
PERFORMANCE = {
    "de": _rx(
        r"\b(leistung\w*|arbeiten|arbeit|arbeitsqualität|arbeitsweise|arbeitsmenge|"
        r"arbeitsergebnisse?|aufgaben?|resultate?|ergebnisse?|ziele|tätigkeit|"
        r"erfüllte|erfüllt|erledigte|erledigt|fachkenntnisse|unterricht)\b"
    ),
    "fr": _rx(
        r"\b(prestations?|travail|travaux|tâches?|résultats?|attentes|missions?|ministère|"
        r"activité|acquitté\w*|accompli\w*|effectué\w*|exécuté\w*)\b"
    ),
    "it": _rx(
        r"\b(prestazioni|prestazione|lavoro|lavori|compiti|mansioni|risultati|aspettative|"
        r"operato|incarichi?|svolt\w+)\b"
    ),
    "en": _rx(
        r"\b(performance|work|duties|tasks|results|expectations|assignments|performed|"
        r"carried out)\b"
    ),
}
CONDUCT_NOUN = {
    "de": _rx(
        r"\b(verhalten|verhielt|verhält|benahm|benimmt|auftreten|umgangsformen|"
        r"trat\b.{0,60}\bauf|tritt\b.{0,60}\bauf|umgang mit)\b"
    ),
    "fr": _rx(
        r"\b(comportement|comporté\w*|comporte|attitude|conduite personnelle|relations avec|"
        r"rapports avec)\b"
    ),
    "it": _rx(r"\b(comportamento|comportat\w+|comporta|rapporti con)\b"),
    "en": _rx(
        r"\b(conduct|behaviour|behavior|behaved|demeanour|relationship with|relations with|"
        r"dealings with)\b"
    ),
}
PEOPLE = {
    "de": _rx(
        r"\b(vorgesetzt\w*|kolleg\w*|mitarbeitend\w*|mitarbeiter\w*|kund\w*|team\w*|"
        r"behörden|bevölkerung|bauherr\w*|berufsbildner\w*|lehrmeister\w*|"
        r"gäst\w*|patient\w*|bewohn\w*|berufsbildner\w*|ausbildner\w*|lehrmeister\w*|"
        r"geschäftsleitung|leitung|partner\w*|vorstand|mandant\w*|klient\w*|"
        r"schulleitung|kollegium|eltern|vereinsmitglied\w*|allen)\b"
    ),
    "fr": _rx(
        r"\b(hiérarchie|supérieur\w*|collègues?|clientèle|clients?|équipe|direction|"
        r"hôtes|patients?|résidents?|format\w+|partenaires?|entourage|associés|"
        r"collaborat\w+|public|locataires|paroissiens|enfants|parents|tous)\b"
    ),
    "it": _rx(
        r"\b(superior\w*|colleg\w*|client\w*|team|direzione|ospiti|pazienti|residenti|"
        r"formator\w*|partner|collaborator\w*|soci|allievi|genitori|tutti|medici)\b"
    ),
    "en": _rx(
        r"\b(superiors?|colleagues?|customers?|clients?|team|management|guests?|patients?|"
        r"residents?|trainers?|partners?|peers|staff|chefs|board|everyone|passengers)\b"
    ),
}
TEAM = {
    "de": r"(?:team\w*|mitarbeitend\w*|mitarbeiter\w*|abteilung|leute|gruppe|equipe|poliere|"
    r"kader\w*|lernend\w*)",
    "fr": r"(?:équipes?|collaborat\w+|cadres|personnel|service|collaboratrices)",
    "it": r"(?:team|squadra|collaborator\w*|gruppo|personale|quadri)",
    "en": r"(?:teams?|staff|people|employees|department|reports|managers)",
}
LEADERSHIP = {
    "de": _rx(
        rf"\b(führung\w*|(?:führ|leit)\w*\s+(?:sein|ihr|das|die)\w*\s+(?:\w+\s+)?{TEAM['de']}|"
        rf"(?:sein|ihr)\w*\s+(?:\w+\s+)?{TEAM['de']}\s+(?:\w+\s+){{0,3}}(?:führ|leit)\w*|"
        r"als vorgesetzte[rn]?|vorgesetzte[rn]? (?:war|ist)|"
        rf"förder\w*\s+(?:sein|ihr)\w*\s+{TEAM['de']}|(?:seinem|ihrem) team war)\b"
    ),
    "fr": _rx(
        rf"\b((?:dirig|condu|encadr|anim|men|motiv)\w*\s+(?:son|ses|leur)\s+(?:\w+\s+)?"
        rf"{TEAM['fr']}|(?:a|avons) conduit ses|cadre (?:de grande valeur|respecté\w*|"
        r"apprécié\w*)|chef(?:fe)? (?:exigeante?|respectée?|appréciée?)|dirigeante? "
        r"(?:respecté\w*|apprécié\w*)|leadership|sa conduite du personnel|"
        r"conduite (?:de|du) (?:son |ses |l')?(?:équipe|personnel)|sa conduite\b)"
    ),
    "it": _rx(
        rf"\b(conduzione|(?:guid|dirig|dirett|diress|condu|coordin|motiv)\w*\s+(?:il suo|"
        rf"i suoi|la sua|le sue|il|la|i|le|l')\s*(?:\w+\s+)?{TEAM['it']}|ha guidato|"
        r"capo (?:esigente|rispettat\w+)|leadership)\b"
    ),
    "en": _rx(
        rf"\b(leadership|(?:a|an) (?:\w+ ){{0,4}}leader|(?:leads|led|manages|managed|guides|"
        rf"guided|develops|developed|motivates|motivated|coaches|coached)\s+(?:his|her|the)\s+"
        rf"(?:\w+\s+)?{TEAM['en']})\b"
    ),
}


def _refine(text, table, default):
    for pattern, grade in table:
        if re.search(pattern, text or "", re.IGNORECASE):
            return grade
    return default


def _clauses(low):
    parts = re.split(r";|\s[\u2013\u2014-]\s|:\s", low)
    return [p for p in parts if p.strip()]


def _formulas(clause, language):
    """Satisfaction, "satisfied" and expectation formulas: (grade, kind, position)."""
    found = []
    pattern, table, default = SATISFACTION[language]
    for match in pattern.finditer(clause):
        adj = (match.group("adj") or "").lower()
        if adj not in table and not re.search(
            r"zufriedenheit|satisfaction|soddisfazione", match.group(0)
        ):
            continue  # "hohe Anerkennung" praises; only "vollste Anerkennung" grades
        found.append((table.get(adj, default), "satisfaction", match.start()))
    pattern, table, default = SATISFIED[language]
    for match in pattern.finditer(clause):
        after = clause[match.end() : match.end() + 45]
        grade = _refine(match.group("adv") + " " + after, table, default)
        found.append((grade, "satisfied", match.start()))
    pattern, very = QUALITY[language]
    for match in pattern.finditer(clause):
        words = match.group("q")
        grade = 4 if re.search(very, words) else 3.5
        found.append((grade, "satisfied", match.start()))
    pattern, table = EXPECTATIONS[language]
    for match in pattern.finditer(clause):
        window = clause[max(0, match.start() - 70) : match.end() + 40]
        grade = _refine(window, table, None)
        if grade is None:
            continue
        if re.search(r"hohen|hautes|élevées|elevate|high", window):
            grade = min(5, grade + 0.5)
        found.append((grade, "expectation", match.start()))
    return found


def _adjectives(clause, language):
    """Predicative grade adjectives ("waren sehr gut", "était irréprochable")."""
    found = []
    copula = COPULA[language].search(clause)
    taken = []
    for adj, grade, kind in ADJECTIVES[language]:
        for match in re.finditer(rf"(?<![\w-])(?:{adj})(?![\w-])", clause):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            if kind == "predicate":
                # "gut" only as the predicate of what is assessed: "waren gut", "était bon".
                before = clause[max(0, match.start() - 40) : match.start()]
                after = clause[match.end() : match.end() + 3]
                if not COPULA[language].search(before) or re.match(r"\s*[\w]", after):
                    continue
            if (
                not copula
                and kind != "conduct"
                and not re.search(
                    r"\b(als|comme|come|as)\s+$", clause[: match.start()][-12:]
                )
                # "dirige il team in modo eccellente": the manner grades the verb
                and not re.search(
                    r"\b(?:in (?:modo|maniera)|de (?:manière|façon))\s+(?:\w+\s+)?$",
                    clause[: match.start()][-30:],
                )
                and not re.search(
                    r"leistung|prestation|prestazion|performance|arbeit\b|travail|lavoro",
                    clause[match.end() : match.end() + 25],
                )
            ):
                continue  # an adjective outside a predicate ("gute Kenntnisse") grades nothing
            taken.append(match.span())
            if grade == 3 and kind == "conduct" and _listed(clause, match):
                continue  # "zuvorkommend, hilfsbereit und korrekt": one praise among others
            found.append((grade, "adjective:" + kind, match.start()))
    return found


def _listed(clause, match):
    """Whether the adjective at ``match`` is one item of a list of three or more."""
    before = clause[max(0, match.start() - 60) : match.start()]
    after = clause[match.end() : match.end() + 40]
    joined = r"(?:und|sowie|et|e|ed|and)"
    return bool(
        re.search(rf"[\w-]+,\s*(?:[\w-]+\s+{joined}\s+)?$", before)
        or re.search(rf"[\w-]+,\s*[\w-]+\s+{joined}\s+$", before)
        or re.match(rf"\s*,\s*[\w-]+(?:\s+{joined}|,)", after)
    )


def _appreciation(clause, language):
    found = []
    pattern, table, default = APPRECIATION[language]
    for match in pattern.finditer(clause):
        groups = match.groupdict()
        if groups.get("high"):
            grade = 4.5
        elif groups.get("plain"):
            grade = 3
        else:
            adverbs = (groups.get("adv") or "") + (groups.get("post") or "")
            grade = _refine(adverbs, table, default)
        found.append((grade, "appreciation", match.start()))
    for match in COMPLAINT[language].finditer(clause):
        found.append((2, "complaint", match.start()))
    return found


def grade_clause(clause, language):
    """A list of (grade, kind, position) found in one clause."""
    return (
        _formulas(clause, language)
        + _adjectives(clause, language)
        + _appreciation(clause, language)
    )


_CONJUNCTION = re.compile(
    r"(?:,|\bund\b|\bsowie\b|\bet\b|\be\b|\band\b|\bmais\b|\bma\b|" r"\bbut\b|\baber\b)"
)
_NEGATION = re.compile(r"\b(?:nicht|pas|non|not|never|nie|jamais|mai)\s+$")


def _boost(clause, position, language):
    """+1 for an intensifier, -1 for a restriction, in the part of the clause that grades."""
    window_start = max(0, position - 90)
    cuts = [m.end() for m in _CONJUNCTION.finditer(clause, window_start, position)]
    begin = cuts[-1] if cuts else window_start
    stop = min(len(clause), position + 45)
    later = _CONJUNCTION.search(clause, position + 1, stop)
    if later:
        stop = later.start()
    local = clause[begin:stop]
    boost = 0
    for match in INTENSIFIERS[language].finditer(local):
        if not _NEGATION.search(local[: match.start()]):
            boost = 1
            break
    if RESTRICTIONS[language].search(clause):
        boost -= 1
    return boost


def grade_sentence(low, language):
    """{dimension: grade} for one sentence (lowercased); empty if it grades nothing."""
    if language not in SATISFACTION:
        return {}
    result = {}
    for clause in _clauses(low):
        found = grade_clause(clause, language)
        negative = NEGATIVE[language].search(clause) and CRITICISED.search(clause)
        if not found and not negative:
            continue
        leader = LEADERSHIP[language].search(clause)
        conduct_noun = CONDUCT_NOUN[language].search(clause)
        people = PEOPLE[language].search(clause)
        performance = PERFORMANCE[language].search(clause)
        for grade, kind, _position in found:
            boost = _boost(clause, _position, language)
            if kind == "complaint":
                dim = "conduct" if (people or conduct_noun) else "performance"
            elif leader:
                dim = "leadership"
            elif conduct_noun:
                dim = "conduct"
            elif kind == "appreciation":
                if not people:
                    continue
                dim = "conduct"
            elif kind.startswith("adjective") and not performance:
                if kind == "adjective:conduct" and people:
                    dim = "conduct"
                else:
                    continue
            elif performance or kind in ("satisfaction", "satisfied", "expectation"):
                dim = "performance"
            else:
                continue
            step = boost
            if kind.startswith("adjective") or kind in ("satisfied", "appreciation"):
                step = boost / 2 if boost > 0 else boost
            if kind == "complaint":
                step = 0
            value = max(1, min(5, grade + step))
            result.setdefault(dim, []).append(value)
        if negative and not found:
            dim = "conduct" if conduct_noun else "performance"
            result.setdefault(dim, []).append(2)
    return {dim: sum(values) / len(values) for dim, values in result.items()}
