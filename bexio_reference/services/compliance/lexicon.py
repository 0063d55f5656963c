# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Words and phrases of Swiss references in German, French, Italian and English.

Every pattern runs on the lowered text (see ``text.lower``) unless it says otherwise. Topic
entries come in three strengths:

- ``strong``: about the employee whatever the context ("Mitglied der Unia", "sa grossesse");
- ``term``: about the employee when the sentence is about the employee, not a task, not the
  employer and not a patient, client or member (a "Sportunfall", "ramadan", "Freizeit");
- ``attached``: only with the employee's possessive or name next to it ("ihrer Krankheit",
  "his stroke"), because the bare word is everyday work vocabulary in hospitals, law firms,
  churches or unions.
"""

import re


def rx(*parts, flags=re.IGNORECASE):
    return re.compile("|".join(f"(?:{p})" for p in parts), flags)


B = r"(?<![\w-])"  # start of a word
E = r"(?![\w-])"  # end of a word

# ------------------------------------------------------------- people around
POSSESSIVE = {
    "de": r"(?:sein|seine|seiner|seinem|seinen|seines|ihr|ihre|ihrer|ihrem|ihren|ihres)",
    "fr": r"(?:son|sa|ses)",
    "it": r"(?:suo|sua|suoi|sue)",
    "en": r"(?:his|her)",
}
THIRD_PARTY = {
    "de": rx(
        B + r"(patient\w*|bewohn\w*|klient\w*|kund\w*|versicherten?|mitarbeitend\w*|"
        r"mitarbeiter\w*|angestellte\w*|arbeitnehmend\w*|belegschaft|personal\w*|kinder\w*|"
        r"schüler\w*|lernend\w*|eltern|familien|frauen|menschen|personen|gäst\w*|mitglieder\w*|"
        r"betroffen\w*|angehörig\w*|geschädigt\w*|teilnehmend\w*|bevölkerung|einwohner\w*|"
        r"steuerpflichtig\w*|mandant\w*|sozialhilfebezieh\w*|fälle\w*|fall\b|wöchnerin\w*|"
        r"neugeboren\w*|senior\w*|betagt\w*|assurés)" + E
    ),
    "fr": rx(
        B + r"(patient\w*|résident\w*|client\w*|(?:les|des|aux|nos|ses) assurée?s|"
        r"collaborat\w*|employés|employées|"
        r"personnel|enfants|élèves|parents|familles|femmes|personnes|hôtes|membres|"
        r"bénéficiaires|proches|victimes|locataires|usagers|travailleu\w+|apprentis|population|"
        r"mères|nouveau-nés|fidèles|paroissien\w*|prévenus|détenus|personnes âgées|aînés)"
        + E
    ),
    "it": rx(
        B + r"(pazient\w*|resident\w*|client\w*|assicurati|collaborator\w*|dipendenti|"
        r"personale|bambini|allievi|genitori|famiglie|donne|persone|ospiti|membri|utenti|"
        r"familiari|vittime|popolazione|lavorator\w*|apprendisti|anziani|feriti|puerpere|"
        r"neonati|fedeli|detenuti|iscritti)" + E
    ),
    "en": rx(
        B + r"(patients?|residents|clients|customers|insured|employees|staff|workforce|"
        r"children|pupils|students|parents|families|women|people|persons|guests|members|"
        r"beneficiaries|relatives|victims|users|workers|apprentices|passengers|tenants|"
        r"volunteers|mothers|newborns|claimants|detainees|cases|many of them)" + E
    ),
}
# Sentences that describe the job: the subject matter of the work is not the person's.
TASK_CUES = {
    "de": rx(
        r"\b(zuständig|verantwortlich für|verantwortung für|aufgaben\w*|gehörten|gehörte|"
        r"umfasste\w*|umfasst|betreute|betreut|beriet|berät|organisierte|organisiert|"
        r"behandelte|behandelt|bearbeitete|bearbeitet|prüfte|prüft|begleitete|begleitet|"
        r"pflegte|führte .{0,20}durch|erfasste|klärte|holte|vermittelte|unterstützte|"
        r"unterstützt|verwaltete|kümmerte|koordinierte|veranlagt|arbeitete .{0,30}mit|"
        r"ausgebildet|lernte|durchlief|wirkte .{0,30}mit|abteilung|schwerpunkt|"
        r"verantwortete|verantwortet|oblag|oblagen|in dieser funktion|in dieser rolle|"
        r"aufgabengebiet|tätigkeitsbereich)\b"
    ),
    "fr": rx(
        r"\b(chargée?s? de|responsable de|responsabilités?|tâches|attributions|"
        r"comprenaient|comprennent|assumait|assume|s'occupait|s'occupe|gérait|gère|traitait|"
        r"traite|accompagnait|accompagne|conseillait|conseille|instruisait|instruit|"
        r"organisait|organise|recueillait|préparait|prépare|assurait|assure|effectu\w+|"
        r"accueille|accueillait|suivi|prise en charge|a appris|formée?|affecté\w*|"
        r"avait la responsabilité|a la responsabilité|en charge|dans cette fonction|"
        r"à ce poste|cahier des charges)\b"
    ),
    "it": rx(
        r"\b(responsabile d\w*|mansioni|compiti|comprendevano|comprendono|si occupava|"
        r"si occupa|gestiva|gestisce|seguiva|segue|assisteva|assiste|consigliava|consiglia|"
        r"organizzava|organizza|curava|cura|valutava|ha imparato|formata?o?|"
        r"accompagnava|accompagna|trattava|aveva la responsabilità|ha la responsabilità|"
        r"in questa funzione|in tale funzione|in questo ruolo)\b"
    ),
    "en": rx(
        r"\b(responsible for|in charge of|tasks|duties|responsibilities|included|handled|"
        r"handles|advised|advises|organised|organises|organized|assessed|assesses|checked|"
        r"checks|processed|processes|looked after|looks after|supported|supports|cared for|"
        r"treated|managed|manages|liaising|administering|learned to|trained in|"
        r"worked on|works on|dealt with|assisted|oversaw|oversees|in this role|"
        r"in this position|in this capacity|remit)\b"
    ),
}
EMPLOYER_START = {
    "de": rx(
        r"^(?:die|der|das|unser|unsere|unserem|unseren|im|in unserem|in unserer)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:unternehmen|firma|betrieb|kanzlei|spital|klinik|abteilung|"
        r"team|station|wohngruppe|praxis|hotel|heim|schule|geburtshaus|austrittsmanagement|"
        r"sekretariat\w*|kantonalsekretariat|dienst|verwaltung|reparto|hof|küche|"
        r"pfarreisekretariat|"
        r"organisation|gemeinde|stiftung|institut|ag|gmbh|sozialdienst)\b"
    ),
    "fr": rx(
        r"^(?:le|la|l'|les|notre|nos|au sein de notre)\s*"
        r"(?:[\w'-]+\s+){0,3}?(?:service|société|entreprise|établissement|clinique|fondation|"
        r"étude|maternité|ong|organisation|institution|fiduciaire|résidence|structure|"
        r"garage|centre|hôpital|ems|banque|office|paroisse|parti|secrétariat|hôtel|domaine|"
        r"bibliothèque|site|commune|sa|sàrl|département)\b"
    ),
    "it": rx(
        r"^(?:il|la|lo|l'|i|gli|le|il nostro|la nostra|nel nostro|nella nostra)\s*"
        r"(?:[\w'-]+\s+){0,3}?(?:servizio|società|azienda|ditta|studio|ospedale|clinica|"
        r"fondazione|reparto|segretariato|nido|casa|centro|ente|comune|sede|cooperativa|"
        r"sa|sagl|croce verde|caritas)\b"
    ),
    "en": rx(
        r"^(?:the|our|within (?:the|our))\s+(?:[\w'-]+\s+){0,3}?(?:company|firm|practice|"
        r"hospital|clinic|department|ward|unit|centre|center|foundation|institute|"
        r"organisation|organization|federation|site|school|campus|service|ag|sa|gmbh)\b"
    ),
}
# The employer's line of business or the function makes a topic the work itself.
DOMAINS = {
    "health": rx(
        r"spital|klinik|pflege|heim\b|geburtshaus|praxis|physio|hebamme|arzt|ärzt|medizin|"
        r"sucht|addiction|dépendance|dipendenz|ostetric|midwi|"
        r"gesundheit|reha|spitex|versicherung|krankenkasse|iv-stelle|hôpital|clinique|"
        r"médico|ems\b|soins|infirmi|sage-femme|santé|assurance|ospedal|clinica|cura|"
        r"infermier|levatric|sanitari|soccors|medico|assicura|cassa malati|hospital|clinic|"
        r"care|nurse|health|medical|insurance|pharma|case manag|discharge|social|sozial|"
        r"payroll|personal|human resources|ressources humaines|risorse umane|\bhr\b|lohn|"
        r"salaire|salari|caritas|croce"
    ),
    "union": rx(
        r"gewerkschaft|syndicat|syndical|sindacat|sindacal|trade union|union federation|"
        r"\bunia\b|\bsyna\b|vpod|syndicom|travail\.suisse|ocst|\bsev\b|\bssp\b"
    ),
    "politics": rx(
        r"partei|\bparti\b|partito|\bparty\b|grüne|grünen|\bsvp\b|\bsp\b|\bfdp\b|"
        r"\bps\b|\bplr\b|\budc\b|\blega\b|\bverts\b|\bmitte\b|fraktion|parlament|"
        r"journalist|giornalist|reporter|redakt|redatt|rédact|mediensprecher|"
        r"addetto stampa|press officer|parliament|grand council|grand conseil|"
        r"gran consiglio|kantonsrat|grossrat|grosser rat|"
        r"chargée? de communication|politi"
    ),
    "religion": rx(
        r"kirch|pfarr|seelsorg|diakon|katechet|sigrist|sakristan|église|paroiss|pasteur|"
        r"aumôn|diacre|chiesa|parrocchi|pastor|parroc|cappellan|chaplain|church|parish|"
        r"diözese|diocèse|diocesi|caritas|kloster|abbaye|mission|heilsarmee|"
        r"armée du salut|statisti"
    ),
    "crime": rx(
        r"kanzlei|anwalt|rechtsanw|advokat|staatsanwalt|gericht|polizei|gefängnis|"
        r"strafvollzug|avocat|étude|notaire|ministère public|tribunal|police|prison|"
        r"studio legale|avvocat|procura|polizia|carcere|attorney|law|legal|court|"
        r"prosecutor|juridique|giuridic|rechts"
    ),
}

# -------------------------------------------------------------------- health
HEALTH = {
    "de": {
        "strong": rx(
            r"(?:sein|seine|seiner|seinem|seinen|ihr|ihre|ihrer|ihrem|ihren)\s+(?:\w+\s+)?"
            r"(?:krankheit|erkrankung|\w+erkrankung|unfall|\w+unfall|operation|\w+operation|"
            r"diagnose|therapie|behandlung|behinderung|medikament\w*|\w+-medikament\w*|"
            r"schwangerschaft|rückenleiden|rückenprobleme|genesung|"
            r"rekonvaleszenz|spitalaufenthalt\w*|klinikaufenthalt\w*|sucht\w*|"
            r"suchterkrankung|burn-?out|depression)\b",
            r"(?:mutterschaftsurlaub|mutterschaft|vaterschaftsurlaub|schwangerschaft|"
            r"niederkunft)\w*\s+(?:von|der|des)\s+(?:frau|herrn?)\s",
            r"\b(?:erwartet|erwartete)\s+(?:ihr|ein|sein)\s+(?:\w+\s+)?kind\b",
            r"\b(?:war|ist|wurde|fiel)\s+(?:\w+\s+){0,3}?(?:krank|arbeitsunfähig|"
            r"krankgeschrieben|verunfallt)\b",
        ),
        "term": rx(
            B + r"(?:krank|krankheitsbedingt\w*|krankheitshalber|gesundheitlich\w*|"
            r"gesundheitsbedingt\w*|arbeitsunfähig\w*|krankgeschrieben|krankschreibung\w*|"
            r"auszeit|längere[rn]?\s+(?:abwesenheit|absenz|ausfall)|mehrmonatige[rn]?\s+"
            r"(?:abwesenheit|absenz|ausfall)|lange[rn]?\s+(?:abwesenheit|absenz)|"
            r"burn-?out|depression\w*|erschöpfungsdepression|krebs\w*|chemotherapie|diabetes|"
            r"herzinfarkt|schlaganfall|hirnschlag|bandscheibe\w*|rückenleiden|rückenprobleme\w*|"
            r"rückenschmerzen|\w+unfall\w*|unfall|unfallbedingt\w*|knieoperation|"
            r"alkohol\w*|entzug\w*|suchtprobleme?|drogenproblem\w*|adhs|iv-\w*rente|"
            r"invalidenrente|iv-rentner\w*|schwanger|mutterschaftsurlaub\w*|"
            r"vaterschaftsurlaub\w*|elternurlaub\w*|mutterschaftsbedingt\w*|psychische[rn]? "
            r"(?:erkrankung|probleme|krise|belastung)\w*|"
            r"migräne\w*|asthma|epilepsie|tinnitus|bandscheibenvorfall|herzprobleme\w*|"
            r"(?:wegen|nach|infolge|aufgrund|trotz|seit)\s+(?:einer|eines|einem|der|des|"
            r"ihrer|seiner|ihres|seines)\s+(?:\w+\s+)?(?:operation|erkrankung|krankheit|"
            r"verletzung|behandlung|therapie|kur|diagnose|spitalaufenthalt\w*|reha\w*)|"
            r"(?:fiel|fällt|ausgefallen)\b.{0,50}\baus\b|krankheitsausfall\w*)" + E
        ),
    },
    "fr": {
        "strong": rx(
            r"\b(?:son|sa|ses)\s+(?:\w+\s+)?(?:maladie|accident|opération|diagnostic|"
            r"traitement|handicap|grossesse|longue absence|hospitalisation|convalescence|"
            r"hernie|cancer|dépression|burn-?out|médicaments?|rétablissement|"
            r"congé (?:de )?maternité|congé maladie|arrêt maladie)\b",
            r"(?:congé (?:de )?maternité|grossesse)\s+de\s+(?:madame|mme)\s",
            r"\b(?:était|est|a été|fut)\s+(?:\w+\s+){0,2}?(?:malade|en arrêt|hospitalisée?|"
            r"enceinte)\b",
        ),
        "term": rx(
            B + r"(?:malade|arrêt maladie|arrêt de travail|congé maladie|congé-maladie|"
            r"congé de maladie|problèmes? de (?:dos|santé|cœur|coeur)|raisons de santé|"
            r"raisons médicales|burn-?out|dépression|chimiothérapie|diabète|"
            r"accident vasculaire|avc|hernie discale|cure de désintoxication|désintoxication|"
            r"alcoolisme|alcool|addiction|dépendance|enceinte|congé (?:de )?maternité|"
            r"congé de paternité|rente (?:ai|d'invalidité)|rentière? ai|longue absence|"
            r"absence prolongée|mois d'absence|accident de (?:moto|voiture|ski|vélo|sport|"
            r"la route|la circulation)|accident|opérée?|migraines?|asthme|épilepsie|"
            r"(?:à cause d'une?|suite à une?|après une?|en raison d'une?|malgré une?)\s+"
            r"(?:\w+\s+)?(?:opération|maladie|blessure|intervention|hospitalisation|"
            r"traitement)|problèmes de santé)" + E
        ),
    },
    "it": {
        "strong": rx(
            r"\b(?:suo|sua|suoi|sue)\s+(?:\w+\s+)?(?:malattia|infortunio|incidente|"
            r"operazione|diagnosi|terapia|handicap|gravidanza|lunga assenza|ricovero|"
            r"convalescenza|problemi|diabete|tumore|depressione|medicin\w+|farmac\w+)\b",
            r"(?:congedo (?:di )?maternità|gravidanza)\s+(?:della|del)\s+(?:signora|signor)\s",
            r"\battende\s+(?:il\s+)?(?:suo\s+)?(?:primo|secondo|terzo|un)\s+(?:\w+\s+)?figli",
            r"\b(?:era|è|è stat[oa])\s+(?:\w+\s+){0,2}?(?:malat[oa]|ricoverat[oa]|incinta)\b",
        ),
        "term": rx(
            B
            + r"(?:malat[oa]|ammalat\w+|congedo (?:per )?malattia|assenza per malattia|"
            r"in malattia|problemi di (?:salute|schiena|cuore|alcol)|motivi di salute|"
            r"burn-?out|depressione|esaurimento|tumore|cancro|chemioterapia|diabete|ictus|"
            r"infarto|ernia\w*|alcol\w*|dipendenza|disintossicazione|incinta|"
            r"congedo (?:di )?maternità|congedo maternità|rendita (?:ai|d'invalidità)|"
            r"(?:mesi|settimane) di assenza|lunga assenza|infortunio|intervento (?:alla|al|"
            r"chirurgico)\w*|soggiorno .{0,40}in clinica|ricover\w+|emicrania|asma|epilessia|"
            r"(?:a causa di|dopo|in seguito a|nonostante)\s+(?:un|una|un'|la sua|il suo)\s+"
            r"(?:\w+\s+)?(?:operazione|malattia|ferita|intervento|trattamento|terapia))"
            + E
        ),
    },
    "en": {
        "strong": rx(
            r"\b(?:his|her)\s+(?:\w+\s+)?(?:illness|sickness|accident|operation|surgery|"
            r"diagnosis|therapy|treatment|disability|pregnancy|long absence|longer absence|"
            r"prolonged absence|stroke|"
            r"heart attack|cancer|depression|burn-?out|recovery|rehabilitation|medication|"
            r"back problems|maternity leave|paternity leave|sick leave|condition)\b",
            r"\b(?:was|is|has been|fell)\s+(?:\w+\s+){0,2}?(?:ill|sick|absent|pregnant|"
            r"hospitali[sz]ed|unfit for work|on sick leave)\b",
        ),
        "term": rx(
            B + r"(?:sick leave|ill-health|ill health|health reasons|health problems|"
            r"health-related|medical reasons|burn-?out|depression|chemotherapy|diabetes|"
            r"back problems|herniated disc|slipped disc|addiction|alcohol problem\w*|"
            r"rehab|detox|pregnant|maternity leave|paternity leave|parental leave|"
            r"disability pension|invalidity pension|longer absence|long absence|"
            r"prolonged absence|months of absence|accident|migraines?|asthma|epilepsy|"
            r"(?:due to|after|following|because of|despite)\s+(?:an?|her|his)\s+(?:\w+\s+)?"
            r"(?:operation|surgery|illness|injury|treatment|therapy|hospital stay))" + E
        ),
    },
}

# Illness told as an absence, a body part's complaint or an event, not by its name: "after
# her extended absence", "trotz ihrer Rückenbeschwerden", "l'a éloignée du travail". These
# join the "term" patterns, so they count only in sentences about the employee.
_BODY = {
    "de": r"(?:rücken|knie|hüft|schulter|nacken|herz|magen|kopf|gelenk|bandscheiben|"
    r"fuss|hand|arm|bein|lungen)",
    "fr": r"(?:dos|genou|hanche|épaule|nuque|cœur|coeur|estomac|tête|dos)",
    "it": r"(?:schiena|ginocchio|anca|spalla|cuore|stomaco|testa|collo)",
    "en": r"(?:back|knee|hip|shoulder|neck|heart|stomach|head|joint|spine|wrist|ankle)",
}
_HEALTH_EXTRA = {
    "de": (
        B + r"(?:länger\w*|mehrwöchig\w*|mehrmonatig\w*|monatelang\w*|wochenlang\w*|"
        r"krankheitsbedingt\w*|gesundheitsbedingt\w*|unfallbedingt\w*|ausgedehnt\w*|"
        r"unerwartet\w*)\s+(?:abwesenheit\w*|absenz\w*|ausfall\w*|arbeitsunterbruch\w*|"
        r"unterbruch\w*|auszeit\w*|pause\w*|ausfallzeit\w*)" + E,
        B
        + r"(?:fehlte|ausfiel|fiel)\b.{0,40}\b(?:wochen|monate\w*|längere zeit|längerer zeit)",
        B
        + r"(?:wochen|monate)\s+(?:lang\s+)?(?:abwesend|ausgefallen|arbeitsunfähig)"
        + E,
        B
        + _BODY["de"]
        + r"\w*(?:beschwerden|schmerzen|leiden|probleme\w*|verletzung\w*|"
        r"operation\w*|erkrankung\w*|krankheit\w*)" + E,
        B
        + r"(?:beschwerden|verletzung|operation|eingriff\w*|spitalaufenthalt\w*|kur)\b"
        r"(?=.{0,60}\b(?:zurück|wieder|ausfall|abwesen|pensum|reduziert))",
        B
        + r"(?:velounfall|autounfall|skiunfall|verkehrsunfall|motorradunfall|sportunfall|"
        r"freizeitunfall|arbeitsunfall)\w*" + E,
        B + r"schwangerschaft\w*" + E,
    ),
    "fr": (
        B + r"(?:absence|interruption|arrêt|congé)s?\s+(?:\w+\s+)?(?:prolongée?s?|"
        r"de (?:plusieurs|quelques|\d+|deux|trois|quatre|six) (?:semaines|mois)|"
        r"(?:pour|de) (?:raisons? de santé|maladie|accident))" + E,
        B
        + r"(?:longue|longues|longs?)\s+(?:\w+\s+)?(?:absences?|arrêts?|interruptions?)"
        + E,
        B + r"(?:éloignée?|écartée?|absente?|tenue? à l'écart)\s+(?:\w+\s+){0,2}?"
        r"(?:du|de son|de notre|de l'|des) (?:bureau|travail|poste|entreprise|activité)\w*",
        B + r"(?:absente?|arrêtée?)\s+(?:pendant|durant|durant plus de|plus de)\s+"
        r"(?:plusieurs|quelques|\d+|deux|trois|quatre|six)\s+(?:semaines|mois)" + E,
        B
        + r"(?:problèmes?|douleurs?|maux|blessures?|opérations?|troubles?)\s+(?:\w+\s+)?"
        r"(?:de|du|au|à la|aux)\s+" + _BODY["fr"] + E,
        B + r"mal (?:de|au|à la) " + _BODY["fr"] + E,
        B + r"grossesses?" + E,
    ),
    "it": (
        B + r"(?:assenza|assenze|interruzione|pausa)\s+(?:\w+\s+)?(?:prolungat[ae]|"
        r"di (?:diversi|alcuni|parecchi|\d+|due|tre|quattro|sei) (?:mesi|settimane)|"
        r"per (?:motivi di salute|malattia|infortunio))" + E,
        B
        + r"(?:lunga|lunghe|lungo)\s+(?:\w+\s+)?(?:assenz[ae]|interruzion[ei]|malattia)"
        + E,
        B
        + r"(?:lontan[oa]|assente|assent[ei])\s+(?:\w+\s+){0,2}?(?:dal|dall'|dalla)\s*"
        r"(?:lavoro|ufficio|posto|azienda|attività)" + E,
        B
        + r"(?:assente|assenti)\s+(?:per|durante)\s+(?:diversi|alcuni|parecchi|\d+|due|"
        r"tre|quattro|sei)\s+(?:mesi|settimane)" + E,
        B + r"(?:problemi|dolori|mal|disturbi|ferita|ferite|operazione)\s+(?:\w+\s+)?"
        r"(?:di|alla|al|allo|all')\s*" + _BODY["it"] + E,
        B
        + r"incident[ei]\s+(?:stradal[ei]|d'auto|in auto|in moto|di moto|sugli sci|di sci|"
        r"in bicicletta|sportiv[oi]|domestic[oi])" + E,
        B + r"gravidanz[ae]" + E,
    ),
    "en": (
        B
        + r"(?:extended|prolonged|long|longer|lengthy|several months'?|several weeks'?|"
        r"months-long|unexpected)\s+(?:period of\s+)?(?:absence|leave|time off|break|"
        r"interruption)" + E,
        B
        + r"(?:off work|away from work|out of (?:the )?office|unable to work|unfit for work|"
        r"on leave)\b.{0,40}\b(?:weeks|months|following|after|due to|because)" + E,
        B
        + r"(?:off work|away from work|absent)\s+for\s+(?:several|a few|many|some|\d+|two|"
        r"three|four|six)\s+(?:weeks|months)" + E,
        B
        + r"(?:kept|keeping) (?:her|him) (?:away|off) (?:from )?(?:work|the office)"
        + E,
        B + _BODY["en"] + r"\s+(?:pain|problems?|injury|injuries|surgery|operation|"
        r"complaints?|condition|trouble|ailments?)" + E,
        B
        + r"(?:following|after|due to|because of|despite)\s+(?:\w+\s+)?(?:surgery|an operation|"
        r"(?:a|an|her|his) (?:\w+ )?(?:accident|injury|illness|operation|surgery))" + E,
        B
        + r"(?:skiing|car|road|cycling|bike|motorbike|motorcycle|sports?|traffic) accident"
        + E,
        B + r"pregnan\w+" + E,
    ),
}
_HEALTH_EXTRA["de"] += (
    B
    + r"(?:schwere[rn]?|langwierige[rn]?|chronische[rn]?|lange[rn]?|längere[rn]?|ernste[rn]?)\s+"
    r"(?:krankheit|erkrankung|leiden)\w*" + E,
    B
    + r"(?:wiedereingliederung\w*|wiedereinstieg nach|arbeitsversuch\w*|teilarbeitsfähig\w*|"
    r"eingeschränkte[rn]? arbeitsfähigkeit|reduzierte[rn]? arbeitsfähigkeit)" + E,
    B + r"(?:erschöpfung\w*|nervenzusammenbruch\w*)" + E,
    B
    + r"(?:längere[rn]?|lange[rn]?|mehrmonatige[rn]?|vollständige[rn]?|teilweise[rn]?)\s+"
    r"(?:\w+\s+)?arbeitsunfähigkeit\w*" + E,
    B + r"arbeitsunfähigkeit\w*" + E,
)
_HEALTH_EXTRA["fr"] += (
    B
    + r"(?:maladie|affection)s?\s+(?:de longue durée|grave|chronique|sérieuse)|longue maladie"
    + E,
    B + r"(?:réintégration progressive|reprise progressive|capacité de travail réduite|"
    r"mi-temps thérapeutique|reprise à temps partiel thérapeutique)" + E,
    B + r"(?:épuisement (?:professionnel|nerveux)|surmenage)" + E,
    B
    + r"(?:longue|longues|prolongée?)\s+(?:\w+\s+)?(?:période|périodes)\s+d'(?:absence|"
    r"incapacité|arrêt|inactivité)" + E,
    B + r"incapacité (?:de travail|de travailler)" + E,
)
_HEALTH_EXTRA["it"] += (
    B
    + r"(?:malattia|malattie)\s+(?:di lunga durata|grave|gravi|cronica|croniche|seria)|"
    r"lunga malattia" + E,
    B + r"(?:reinserimento progressivo|ripresa graduale del lavoro|capacità lavorativa "
    r"ridotta|rientro graduale)" + E,
    B + r"(?:esaurimento|crollo nervoso)" + E,
    B
    + r"(?:lungo|lunghi|prolungat[oi])\s+(?:\w+\s+)?(?:periodo|periodi)\s+di\s+(?:assenza|"
    r"inabilità|incapacità|malattia)" + E,
    B + r"(?:incapacità|inabilità) (?:lavorativa|al lavoro|di lavoro)" + E,
)
_HEALTH_EXTRA["en"] += (
    B
    + r"(?:serious|severe|long|lengthy|chronic|prolonged|long-term)\s+(?:illness|disease|"
    r"sickness|condition)" + E,
    B + r"(?:gradual (?:return|reintegration)|phased return|return-to-work|reduced "
    r"(?:working )?capacity|back-to-work programme)" + E,
    B + r"(?:exhaustion|(?:nervous|mental) breakdown|burnout)" + E,
    B + r"(?:long|lengthy|extended|prolonged)\s+(?:\w+\s+)?periods?\s+of\s+(?:absence|"
    r"incapacity|sick leave|illness|inability)" + E,
    B + r"(?:incapacity|inability|unfit(?:ness)?) (?:for|to) work" + E,
)
for _lang, _extra in _HEALTH_EXTRA.items():
    HEALTH[_lang]["term"] = rx(HEALTH[_lang]["term"].pattern, *_extra)

# --------------------------------------------------------------------- union
UNION_NAMES = (
    r"unia|syna|vpod|ssp|sev|sev-\w+|sev young|syndicom|travail\.suisse|sgb|uss|ocst|"
    r"transfair|garanto|vspb|jeunesse unia|unia jugend|gewerkschaft\w*|syndicat\w*|"
    r"sindacat\w*|trade unions?|labou?r unions?|the union|union's|a union|his union|"
    r"her union|gewerkschaftsbund|union syndicale|kv schweiz|angestellte schweiz|"
    r"employés suisse|impiegati svizzera|hotel & gastro union|bankpersonalverband|"
    r"association suisse des employés de banque|personalverband|syndicat des services publics"
)
STAFF_BODIES = (
    r"personalkommission|betriebskommission|arbeitnehmervertret\w*|personalvertret\w*|"
    r"betriebsrat|belegschaftsvertret\w*|vertrauensmann|vertrauensfrau|vertrauensleute|"
    r"vertrauensperson der belegschaft|commission du personnel|commission d'entreprise|"
    r"commission ouvrière|représentation du personnel|représentante? du personnel|"
    r"délégué\w* du personnel|commissione del personale|comitato aziendale|"
    r"commissione interna|rappresentan\w+ del personale|works council|works committee|"
    r"staff committee|staff council|employee representatives?'? committee|"
    r"staff representative\w*|employee representative\w*|shop steward"
)
UNION_ROLES = {
    "de": r"mitglied|präsident\w*|präsidierte|präsidiert|vizepräsident\w*|delegiert\w*|"
    r"vertreter\w*|kandidat\w*|obmann|obfrau|vorstandsmitglied|aktivmitglied|gewählt|"
    r"vorsitzend\w*|vorsitz|sass|sitzt|\w*sekretär\w*|\w*präsident\w*|vorstand\w*|aktuar\w*|"
    r"kassier\w*|sektion\w*|engagier\w*|aktiv\w*|ehrenamtlich\w*|mitgearbeitet|"
    r"vertrauensperson\w*|kontaktperson\w*|"
    r"ortsgruppe\w*|jugendgruppe\w*",
    "fr": r"membre|présid\w*|vice-présid\w*|délégué\w*|représentant\w*|candidat\w*|"
    r"élu\w*|militant\w*|siég\w+|syndiqué\w*|secrétaire\w*|trésori\w+|comité|section|"
    r"engag\w+|active|actif|bénévole\w*|préside\w*|personne de confiance|"
    r"personne de contact",
    "it": r"membro|president\w*|presied\w*|presiedut\w*|vicepresident\w*|delegat\w+|"
    r"rappresent\w*|candidat\w*|"
    r"elett\w+|militante|iscritt\w+|fa parte|ha fatto parte|segretari\w+|cassier\w+|"
    r"comitato|sezione|impegn\w+|attiv[oa]|volontari\w+|persona di fiducia|"
    r"persona di contatto|fiduciari[oa]",
    "en": r"member|president|chair\w*|delegate|representative|candidate|elected|activist|"
    r"steward|sat on|sits on|secretary|treasurer|committee|branch|section|active|"
    r"involved|volunteer\w*|chairs|chaired|serves|served|contact person|"
    r"person of trust",
}
UNION_VERBS = {
    "de": rx(
        r"\b(?:vertrat|vertritt|vertreten|setzte sich|hat sich)\b.{0,60}\b(?:interessen|"
        r"anliegen|belange)\s+(?:des personals|der belegschaft|der mitarbeitenden|"
        r"seiner|ihrer|der kolleg)"
    ),
    "fr": rx(
        r"\b(?:représente|représentait|a représenté|défend|défendait|a défendu)\b.{0,40}"
        r"\b(?:le personnel|les intérêts (?:du personnel|de ses collègues|des collaborat\w+|"
        r"des travailleu\w+)|ses collègues|les collaborat\w+|les travailleu\w+)",
        r"\bsiég\w+\b.{0,40}\b(?:comité|commission)",
    ),
    "it": rx(
        r"\b(?:rappresenta|rappresentava|ha rappresentato)\b.{0,60}\b(?:le richieste|"
        r"gli apprendisti|le apprendiste|i lavoratori|le lavoratrici|"
        r"gli interessi|i colleghi|il personale|le istanze)"
    ),
    "en": rx(
        r"\b(?:represents|represented|representing)\b.{0,30}\b(?:the staff|the employees|"
        r"the workforce|the apprentices|his colleagues|her colleagues|fellow workers|"
        r"the interests)",
        r"\b(?:sat|sits|served) on the (?:works|staff)",
    ),
}

# ------------------------------------------------------------------ politics
# Matched on the original text: party abbreviations are upper case.
PARTIES = re.compile(
    r"(?<![\w-])(?:SVP|SP|FDP|GLP|EVP|EDU|BDP|CVP|JUSO|JSVP|PdA|UDC|PS|PLR|PVL|PEV|UDF|"
    r"PDC|PST|POP|MCG|PPD|MPS|Lega dei Ticinesi|Lega|Verdi liberali|Verdi|Verts|"
    r"Vert'libéraux|Vert’libéraux|Vert-e-s|Grünliberale\w*|Grünen|Grüne|"
    r"Jungfreisinnige\w*|Junge[nr]? (?:SVP|Grüne\w*|Mitte|FDP|GLP|EVP|Alternative|Liberale)|"
    r"Jeunes (?:UDC|PLR|Vert\w*|socialistes|Centre|PDC|vert'libéraux)|"
    r"Giovani (?:UDC|PLR|Verdi|socialisti|del Centro|liberali)|"
    r"Jungsozialist\w*|Freisinnig\w*|Sozialdemokrat\w*|Young Greens|Young Socialists|"
    r"Green Party|Greens|Social Democrats?|Swiss People's Party|Christian Democrats|"
    r"solidaritéS|Ensemble à Gauche|Parti socialiste|Partito socialista|"
    r"Parti libéral-radical|Partito liberale radicale|Union démocratique du centre|"
    r"(?:für|von|bei) (?:die|der) Mitte(?! (?:des|der|von|\d))|Die Mitte(?! (?:des|der))|"
    r"Mitte-(?:Fraktion|Partei|Politiker\w*|Mitglied\w*)|"
    r"(?:du|le|au) Centre(?! (?:de|d'|médico|hospitalier|commercial|sportif|régional))|"
    r"(?:del|il|nel) Centro(?! (?:di|commerciale|storico|sportivo|diurno|regionale))|"
    r"Parteimitglied(?:s|es)?|Parteipräsident\w*|parti politique|partito politico|"
    r"political party)(?!\w)"
)
OFFICES = {
    "de": rx(
        B
        + r"(?:gemeinderat|gemeinderätin|gemeinderates|stadtrat|stadträtin|einwohnerrat|"
        r"einwohnerrätin|grossrat|grossrätin|grossen rat|grosser rat|grossrates|kantonsrat|"
        r"kantonsrätin|kantonsrates|landrat|landrätin|nationalrat|nationalrätin|"
        r"nationalrates|ständerat|ständerätin|gemeindepräsident\w*|stadtpräsident\w*|"
        r"gemeindeparlament\w*|stadtparlament\w*|kantonsparlament\w*|parlament\w*|"
        r"regierungsrat|regierungsrätin|schulpfleger\w*|gemeindeammann|fraktion\w*|"
        r"\w+-fraktion)" + E
    ),
    "fr": rx(
        r"conseill(?:er|ère)s? (?:communal|général|municipal|national|aux états|d'état)\w*|"
        r"grand conseil|conseil (?:communal|général|municipal|national|des états)|"
        r"député\w*|syndic\b|syndique\b|maire\b|législatif|parlement\w*|mandat politique|"
        r"élu\w* (?:au|à la)"
    ),
    "it": rx(
        r"consiglier\w+ (?:comunal\w*|di stato|nazional\w*|agli stati)|gran consiglio|"
        r"consiglio (?:comunale|nazionale|degli stati|di stato)|deputat\w+|sindac[oa]\b|"
        r"municipale\b|parlament\w*|mandato politico|gruppo parlamentare"
    ),
    "en": rx(
        r"cantonal council|grand council|national council|council of states|"
        r"municipal council\w*|city council\w*|town council\w*|parliament\w*|\bmp\b|"
        r"mayor|councillor|member of parliament"
    ),
}
POLITICAL_ACTS = {
    "de": rx(
        r"\b(?:kandidi\w+|kandidatur|wahlkampf|wiedergewählt|gewählt|"
        r"politisch\w* (?:tätig|engagiert|aktiv|amt|mandat|karriere)|amt als|"
        r"parteimitglied\w*|mitglied (?:des|der)|sass im|sitzt im|sass in|sitzt in|"
        r"vertritt .{0,30}im|engagierte sich .{0,60}als|politisiert)"
    ),
    "fr": rx(
        r"\b(?:candidat\w*|campagne électorale|élu\w*|élection|"
        r"engagée? politiquement|activité politique|mandat|siège|siégeait|a siégé|"
        r"membre (?:du|de la))"
    ),
    "it": rx(
        r"\b(?:candidat\w*|campagna elettorale|elett\w+|elezione|impegno politico|"
        r"attività politica|mandato|fa parte|ha fatto parte|membro (?:del|della)|siede)"
    ),
    "en": rx(
        r"\b(?:candidacy|candidate|campaign\w*|elected|election|political (?:activity|"
        r"activities|office|career)|sat in|sits in|sat on|served (?:in|on)|member of)\b"
    ),
}
# Party politics without a party's name.
PARTY_WORDS = rx(
    r"\b(?:in|bei|für|von) (?:einer|der) partei\b|parteipolitisch\w*|parteimitglied\w*|"
    r"politisch (?:aktiv|engagiert|tätig)|\b(?:dans|au sein d'|pour) (?:un|le) parti\b|"
    r"membre d'un parti|engagée? politiquement|\b(?:in|nel|per) (?:un|il) partito\b|"
    r"iscritt[oa] al partito|politically active|\b(?:in|for|of) (?:a|the) (?:political )?"
    r"party\b|party member\w*"
)
# What the person does in politics, as opposed to reporting on it or working for a party.
POLITICAL_SELF = rx(
    r"\b(?:kandidi\w+|kandidatur|mitglied|parteimitglied\w*|gewählt|wiedergewählt|"
    r"sass|sitzt|candidat\w*|candidature|membre|élue?|siège|siégeait|a siégé|elett[oa]|"
    r"membro|iscritt[oa]|siede|candidatura|member|elected|sits|sat|candidacy|"
    r"stood for|ran for|own)\b"
)
# Reporting on something, interviewing someone, covering a session: what a journalist's or a
# clerk's tasks name is the work's subject, not the person's own allegiance.
REPORTING = rx(
    r"\b(?:interview\w*|berichte\w*|berichtet\w*|reportage\w*|recherch\w*|verfasst\w*|"
    r"moderiert\w*|protokollier\w*|begleitete|entretiens?|interrog\w*|couvert|couvrait|"
    r"rédig\w*|reportages?|chroniqu\w*|enquêt\w*|intervist\w*|servizi|cronac\w*|"
    r"redatto|seguito le|reported|reporting|covered|covering|interviewed|minuted|"
    r"wrote (?:about|on)|articles?)\b"
)
# Caring for others: in a health job, the illness it names is the patients'.
CARE = rx(
    r"\b(?:betreut\w*|pflegt\w*|begleitet\w*|behandelt\w*|versorgt\w*|assistiert\w*|"
    r"soign\w*|accompagn\w*|pris en charge|traité\w*|curat[oaei]|assistit[oaei]|"
    r"accompagnat[oaei]|trattat[oaei]|cared for|nursed|assisted|treated|"
    r"looked after|counsel+ed|supported)\b"
)
# The person away from work: what a health job's words then say is about the person.
ABSENCE = rx(
    r"abwesen\w*|ausfall|ausfiel|arbeitsunfähig\w*|krankgeschrieben|absence|absente?|"
    r"arrêt de travail|incapacité|assenz\w*|assente|incapacità|absent|sick leave|time off"
)
# The person's own political act, said of the person (not "interviewed the candidates").
PERSON_POLITICAL = rx(
    r"\b(?:er|sie|he|she|il|elle|egli|ella|lui|lei)\s+(?:\w+\s+){0,3}?"
    r"(?:kandidiert\w*|gewählt|mitglied|élue?|membre|candidate?|elett[oa]|membro|"
    r"candidat[oa]|elected|member|stood|ran)\b|"
    r"\b(?:sein\w*|ihr\w*|his|her|sa|son|sua|suo)\s+(?:\w+\s+)?(?:kandidatur|wahl|mandat|"
    r"candidature|élection|candidatura|elezione|mandato|candidacy|election|mandate|seat)"
)
ROLE_PREFIX = {
    "de": r"\b(?:als|ist|war)\s+(?:\w+\s+){0,2}",
    "fr": r"\b(?:en tant que|comme|est|était|en qualité de)\s+(?:\w+\s+){0,2}",
    "it": r"\b(?:quale|come|in qualità di|è|era)\s+(?:\w+\s+){0,2}",
    "en": r"\b(?:as|is|was)\s+(?:an?\s+)?(?:\w+\s+){0,2}",
}

# ------------------------------------------------------------------ religion
RELIGION = {
    "term": rx(
        B
        + r"(?:ramadan\w*|fastenbrechen|fastenmonat|fastenzeit|jeûne|digiuno|kopftuch|"
        r"hijab|voile islamique|porte(?:r|nt)? (?:le|un) foulard|foulard islamique|"
        r"porta(?:re)? il velo|porti il velo|il velo|"
        r"headscarf|kippa|kippah|sabbat\w*|schabbat|shabbat|ministrant\w*|messdiener\w*|"
        r"enfant de chœur|chierichett\w+|altar server|adventist\w*|adventiste\w*|"
        r"neuapostolisch\w*|new apostolic|zeugen jehovas|témoins? de jéhovah|"
        r"testimon\w+ di geova|jehovah's witness\w*|freikirch\w*|free church|"
        r"église évangélique libre|moschee|mosquée|moschea|mosque|synagog\w*|sinagoga|"
        r"gebet\w*|prière\w*|preghier\w*|praying|prays|(?:praktizierend\w*|pratiquante?s?|"
        r"praticante|practi[sc]ing)\s+(?:\w+\s+)?(?:katholik\w*|muslim\w*|jüd\w*|christ\w*|"
        r"catholi\w*|musulman\w*|juif|juive|chrétien\w*|cattolic\w*|ebre\w*|cristian\w*|jew\w*)|"
        r"(?:catholi\w+|musulman\w*|cattolic\w+|muslim\w*|juive?|ebre[oa]|jewish|christian|"
        r"chrétien\w*|cristian[oa])\s+(?:pratiquante?|praticante|practi[sc]ing|praktizierend\w*)|"
        r"gläubige[n]?|strenggläubig\w*|croyante?|credente|devout|"
        r"(?:fidèle|croyante?|catholique|protestante?|musulmane?) pratiquante?|"
        r"pratiquante? (?:convaincue?|fidèle|assidue?)|"
        r"religiös\w*|religieu\w*|religios\w*|religious|religion\w*|konfession\w*|"
        r"convictions? (?:religieuses?|d'adventiste)|muslim\w*|musulman\w*|islam\w*|"
        r"jüdisch\w*|juif|juive|ebre[oa]|jewish|buddhist\w*|hindu\w*|sikh\w*|"
        r"pilgrimage|wallfahrt|pèlerinage|pellegrinaggio|attend mass|sunday mass|"
        r"(?:kirch|pfarr|kirchgemeinde|pfarrei|synod)\w*(?:präsident|rat|räte|pfleger|mitglied|"
        r"vorstand|kassier|aktuar)\w*|"
        r"koscher\w*|kosher|casher|cachère|halal|gebetszeit\w*|heures de prière|"
        r"orari di preghiera|prayer times|"
        r"katechet\w*|catéchis\w*|catechis\w*|catechist\w*|sigrist\w*|sakristan\w*|"
        r"methodist\w*|méthodiste\w*|metodist\w*|baptist\w*|battist\w*|anglican\w*|"
        r"anglikan\w*|lutheran\w*|lutherisch\w*|luthérien\w*|pentecostal\w*|"
        r"pfingstgemeinde\w*|mennonit\w*|presbyterian\w*|evangelical|evangelikal\w*|"
        r"(?:lay )?preacher\w*|laienprediger\w*|prediger\w*|prédicat\w*|predicator\w*|"
        r"congregation\w*|gemeindeglied\w*|"
        r"sacristain\w*|sagrestan\w*|messmer\w*|ministrant\w*|chierichett\w*|"
        r"la messe|à la messe|alla messa)" + E
    ),
    "attached": rx(
        B + r"(?:kirche\w*|kirchgemeinde\w*|pfarrei\w*|kirchenchor|église|paroisse|"
        r"chorale|chiesa|parrocchi\w+|coro parrocchiale|church|parish|gottesdienst\w*|"
        r"culte|katholi\w+|catholi\w+|cattolic\w+|reformiert\w*|réformée?s?|riformat\w+|"
        r"protestant\w*|evangelisch\w*|évangélique\w*|orthodox\w*|ortodoss\w+|elder|"
        r"ältester|kirchenpflege\w*|diakon\w*|diacre|katechet\w*|jungwacht|blauring|"
        r"sonntagsschule|glaube|glaubens\w*|faith|foi|fede)" + E
    ),
}

# -------------------------------------------------------------- private life
PRIVATE = {
    "de": {
        "term": rx(
            B
            + r"(?:scheidung|geschieden|getrennt lebend|trennung (?:von (?:seiner|ihrer)|"
            r"ihrer eltern|seiner eltern|der eltern)|verheiratet|heiratete|"
            r"in (?:seiner|ihrer) freizeit|neben der arbeit|ausserhalb der arbeit|privat "
            r"(?:ist|engagiert|betreibt|war)|hobby\w*|lebenspartner\w*|lebensgefährt\w*|"
            r"privatschulden|private[nr]? schulden|(?:seine|ihre) schulden|verschuldet\w*|"
            r"betreibung\w*|"
            r"lohnpfändung\w*|gepfändet|strafverfahren|strafanzeige|strafbefehl|"
            r"verurteil\w*|vorstraf\w*|strafregister|homosexuell\w*|schwul\w*|lesbisch\w*|"
            r"sexuell\w* orientierung|fasnachtsclique|schwingklub|schwinger|turnverein|"
            r"marathon|begeisterte[rn]? (?:läufer\w*|sportler\w*|velofahrer\w*|"
            r"bergsteiger\w*|musiker\w*|sänger\w*|jäger\w*|fischer\w*)|alleinerziehend\w*|"
            r"(?:mutter|vater) von (?:\w+ )?(?:kindern|kind|söhnen|töchtern)|familienvater|"
            r"familienmutter|(?:zwei|drei|vier)fache[rn]? (?:mutter|vater)|"
            r"nebenbeschäftigung\w*|nebenerwerb\w*|nebenjob\w*|nebentätigkeit\w*|"
            r"lebt mit (?:ihrem|seinem|ihrer|seiner|dem|der)|mit (?:ihrem|seinem) (?:mann|"
            r"ehemann|partner|freund)|mit (?:ihrer|seiner) (?:frau|ehefrau|partnerin|freundin|"
            r"familie))" + E
        ),
        "close": r"(?:mann|frau|partner|partnerin|freund|freundin|kind)",
        "family": r"(?:ehemann|ehefrau|ehepartner\w*|gatte|gattin|lebenspartner\w*|"
        r"kinder|sohn|söhne|tochter|töchter|baby|eltern|mutter|vater|"
        r"grossmutter|grossvater|grosseltern|schwiegermutter|schwiegervater|familie|"
        r"geschwister|bruder|schwester|lebenspartner\w*)",
        "against": rx(r"\bgegen (?:ihn|sie)\b"),
    },
    "fr": {
        "term": rx(
            B + r"(?:divorc\w+|séparation d'avec|mariée?|mariage avec|s'est mariée?|"
            r"vie privée|loisirs|temps libre|en dehors du travail|hors du travail|"
            r"passionnée? (?:de|par)|(?:ses|des) dettes (?:privées|personnelles)|ses dettes|"
            r"endettée?|poursuites|saisie (?:de|sur) "
            r"(?:son )?salaire|procédure pénale|plainte pénale|condamnée?|casier judiciaire|"
            r"homosexu\w+|orientation sexuelle|formait un couple|en couple|"
            r"(?:mère|père|maman|papa) de (?:\w+ )?(?:enfants|fils|filles)|mère célibataire|"
            r"père célibataire|parent seul|jeune maman|vie familiale|activité accessoire|"
            r"vit avec (?:son|sa|ses|le|la|les))" + E
        ),
        "close": r"(?:mari|femme|ami|amie)",
        "family": r"(?:époux|épouse|conjointe?|compagne|compagnon|"
        r"enfants?|fils|fille|bébé|parents|mère|père|grand-mère|grand-père|famille|frère|"
        r"sœur|soeur|belle-mère)",
        "against": rx(r"\bcontre (?:lui|elle)\b"),
    },
    "it": {
        "term": rx(
            B + r"(?:divorz\w+|separat[oa] dal|sposat[oa]|matrimonio con|vita privata|"
            r"tempo libero|fuori dal lavoro|appassionat[oa] di|debiti privati|(?:i suoi|dei suoi) "
            r"debiti|indebitat\w+|"
            r"esecuzioni|pignorat\w+|procedimento penale|denuncia|condannat\w+|casellario|"
            r"omosessual\w+|orientamento sessuale|da mamma|da papà|nascita del suo|"
            r"nascita della sua|(?:madre|padre|mamma|papà) di (?:\w+ )?(?:figli|figlie|"
            r"bambini)|madre single|ragazza madre|vita familiare|attività accessoria|"
            r"vive con (?:il|la|i|le|suo|sua|suoi)|con (?:il marito|la moglie|i (?:suoi )?"
            r"(?:due |tre )?figli))" + E
        ),
        "close": r"(?:marito|moglie)",
        "family": r"(?:coniuge|compagn[oa]|fidanzat[oa]|figli[oa]?|"
        r"bambin[oi]|genitori|madre|padre|mamma|papà|nonna|nonno|famiglia|fratello|sorella)",
        "against": rx(r"\bcontro di (?:lui|lei)\b|\bnei suoi confronti\b"),
    },
    "en": {
        "term": rx(
            B + r"(?:divorc\w+|separated from|married|marriage|wedding|private life|"
            r"spare time|free time|leisure time|outside work|outside of work|hobby|hobbies|"
            r"private debts?|(?:his|her) debts?|indebted|in debt|garnish\w+|wage attachment|"
            r"criminal (?:proceedings|record|charges|conviction)|convicted|police record|"
            r"homosexual|gay|lesbian|sexual orientation|lives with|cares for (?:his|her)|"
            r"(?:mother|father|parent) of (?:two|three|four|five|\w+ children)|"
            r"single (?:mother|father|parent)|family life|side job|second job)" + E
        ),
        "close": r"(?:partner)",
        "family": r"(?:wife|husband|spouse|girlfriend|boyfriend|children|child|son|"
        r"daughter|baby|parents|mother|father|grandmother|grandfather|family|brother|"
        r"sister|mother-in-law)",
        "against": rx(r"\bagainst (?:him|her)\b"),
    },
}
# Family events and situations told without a possessive: "als Mutter zweier Kinder", "nach
# der Geburt ihres Sohnes", "la separazione dei genitori", "il sostegno del marito". They join
# the "term" patterns, so they count only in sentences about the employee.
_PRIVATE_EXTRA = {
    "de": (
        B
        + r"(?:mutter|vater|eltern(?:teil)?)\s+(?:\w+\s+){0,2}?(?:kinder\w*|kind(?:es)?|"
        r"söhne\w*|sohnes|töchter\w*|tochter|zwillinge\w*|babys?)" + E,
        B + r"(?:geburt|ankunft)\s+(?:ihres|seines|ihrer|seiner|des|der)\s+(?:\w+\s+)?"
        r"(?:kind\w*|sohn\w*|tochter|töchter\w*|zwillinge\w*|babys?|nachwuchs\w*)" + E,
        B
        + r"(?:scheidung|trennung)\s+(?:ihrer|seiner|der|von ihrem|von seinem|von ihrer|"
        r"von seiner)\s+(?:\w+\s+)?(?:eltern|mann|ehemann|frau|ehefrau|partner\w*)" + E,
        B
        + r"(?:familiär\w*|privat\w*|persönlich\w*)\s+(?:\w+\s+)?(?:situation|umstände\w*|"
        r"schwierigkeit\w*|belastung\w*|sorgen|probleme\w*)" + E,
    ),
    "fr": (
        B
        + r"(?:mère|père|maman|papa|parent)\s+(?:\w+\s+){0,2}?(?:enfants?|fils|filles?|"
        r"jumeaux|jumelles|bébés?)" + E,
        B
        + r"(?:naissance|arrivée)\s+(?:de son|de sa|de ses|d'un|d'une|du|de la)\s+(?:\w+\s+)?"
        r"(?:enfants?|fils|filles?|jumeaux|bébés?|premier|premi\w+|second\w*|deuxième)"
        + E,
        B + r"(?:divorce|séparation)\s+(?:de ses|d'avec son|d'avec sa|de son|de sa)\s+"
        r"(?:\w+\s+)?(?:parents|mari|époux|épouse|conjoint\w*|compagn\w+)" + E,
        B + r"(?:situation|circonstances|difficultés|soucis|problèmes)\s+(?:\w+\s+)?"
        r"(?:familiale?s?|personnelles?|privées?|conjugales?)" + E,
    ),
    "it": (
        B
        + r"(?:madre|padre|mamma|papà|genitore)\s+(?:\w+\s+){0,2}?(?:figli\w*|bambin\w+|"
        r"gemell\w+|neonat\w+)" + E,
        B
        + r"(?:nascita|arrivo)\s+(?:del suo|della sua|dei suoi|di un|di una|del|della|"
        r"dei)\s+(?:\w+\s+)?(?:figli\w*|bambin\w+|gemell\w+|primogenit\w+|bebè)" + E,
        B
        + r"(?:separazione|divorzio)\s+(?:dei|dai|dal|dalla|del|della)\s+(?:suoi\s+|suo\s+|"
        r"sua\s+)?(?:genitori|marito|moglie|coniuge|compagn[oa])" + E,
        B
        + r"(?:del|dal|col|al|con il|dello)\s+(?:suo\s+)?(?:marito|compagno|fidanzato)"
        + E,
        B
        + r"(?:della|dalla|alla|con la)\s+(?:sua\s+)?(?:moglie|compagna|fidanzata)"
        + E,
        B + r"(?:situazione|circostanze|difficoltà|problemi)\s+(?:\w+\s+)?"
        r"(?:familiar[ei]|personal[ei]|privat[ei]|coniugal[ei])" + E,
    ),
    "en": (
        B + r"(?:mother|father|mum|mom|dad|parent)\s+(?:\w+\s+){0,2}?(?:children|child|"
        r"kids?|sons?|daughters?|twins|babies|baby|toddlers?)" + E,
        B
        + r"(?:birth|arrival)\s+of\s+(?:her|his|a|their)\s+(?:\w+\s+)?(?:child|children|"
        r"son|daughter|twins|baby|first|second)" + E,
        B + r"(?:(?:her|his)\s+)?parents'?\s+(?:divorce|separation)" + E,
        B
        + r"(?:divorce|separation)\s+(?:of|from)\s+(?:her|his)\s+(?:\w+\s+)?(?:parents|"
        r"husband|wife|spouse|partner)" + E,
        B + r"(?:family|domestic)\s+(?:situation|circumstances|difficulties|problems|"
        r"worries|commitments|obligations)" + E,
        B + r"(?:personal|private)\s+(?:situation|circumstances|difficulties|problems|"
        r"worries)" + E,
    ),
}
_SIBLINGS = {
    "de": B
    + r"(?:älteste|jüngste|zweitälteste|einzige)[rs]?\s+(?:\w+\s+)?(?:von|unter)\s+"
    r"(?:\w+\s+)?(?:kindern|geschwistern)" + E,
    "fr": B
    + r"(?:aînée?|cadette?|benjamine?|l'aîné\w*)\s+(?:\w+\s+)?(?:de|d'une fratrie de)\s+"
    r"(?:\w+\s+)?(?:enfants|frères|sœurs|soeurs)" + E,
    "it": B
    + r"(?:primogenit\w+|maggiore|minore|ultim[oa]|più giovane)\s+(?:\w+\s+)?di\s+"
    r"(?:\w+\s+)?(?:figli|fratelli|sorelle)" + E,
    "en": B + r"(?:eldest|youngest|oldest|middle|only)\s+(?:child\s+)?of\s+(?:\w+\s+)?"
    r"(?:children|siblings|brothers|sisters|kids)" + E,
}
# Leisure told by how the weekends and holidays are spent.
_LEISURE = {
    "de": B + r"verbring\w*\b.{0,40}\b(?:wochenende\w*|ferien|freizeit|freie zeit)" + E,
    "fr": B
    + r"(?:passe|passait|consacre|consacrait)\b.{0,30}\b(?:ses week-ends|ses vacances|"
    r"son temps libre|ses loisirs)" + E,
    "it": B
    + r"(?:trascorre|trascorreva|dedica|dedicava)\b.{0,30}\b(?:i fine settimana|"
    r"le vacanze|il tempo libero)" + E,
    "en": B
    + r"(?:spends|spent|devotes|devoted)\s+(?:her|his|most of (?:her|his)|all (?:her|his))\s+"
    r"(?:weekends|holidays|free time|spare time|leisure time)" + E,
}
for _lang, _pattern in _LEISURE.items():
    _PRIVATE_EXTRA[_lang] += (_pattern,)
for _lang, _pattern in _SIBLINGS.items():
    _PRIVATE_EXTRA[_lang] += (_pattern,)
for _lang, _extra in _PRIVATE_EXTRA.items():
    PRIVATE[_lang]["term"] = rx(PRIVATE[_lang]["term"].pattern, *_extra)

CLUBS = rx(
    r"\b(?:mitglied|membre|membro|member)\b.{0,40}\b(?:verein\w*|klub\w*|club\w*|"
    r"clique\w*|chor\b|musikgesellschaft|société de (?:musique|gym)|fanfare|"
    r"associazione sportiva|società sportiva)"
)

# ------------------------------------------------------------------- leaving
# Words that say the employment was ended, and by whom: they open the closing part too.
LEAVING_END = rx(
    r"\bkündig\w*|\bgekündigt|\bentlass\w*|freigestellt|auflösen|aufgelöst|aufzulösen|"
    r"stelle\b.{0,60}\b(?:aufgehoben|gestrichen|abgebaut|weggefallen)|"
    r"licenci\w+|résili\w+|congédi\w+|mis\w* fin|mettre (?:un )?terme|"
    r"poste\b.{0,50}\bsupprimé|pas en mesure de lui proposer|"
    r"licenzi\w+|disdett\w+|disdir\w+|\bsciolt[oa]|sciogliere|posto\b.{0,50}\bsoppress\w+|"
    r"\bdismiss\w+|\bterminat\w+|laid off|made redundant|handed in (?:his|her) notice|"
    r"\bresigned|unable to offer|had to let|"
    r"(?:uns|sich) von (?:\w+ ){1,3}(?:zu )?trennen|trennten uns|arbeitsverhältnis\b.{0,50}"
    r"\bbeenden|nicht (?:mehr )?verlängert|nous séparer|se séparer|n'a pas été renouvelé|"
    r"separarci|separarsi|non (?:è stato )?rinnovato|part(?:ed)? ways|not (?:been )?renewed|"
    r"was not extended|let (?:him|her) go"
)
LEAVING = {
    "de": {
        "reason": rx(
            r"kündig\w*|gekündigt|entlass\w*|freigestellt|freistellung|aufgelöst|"
            r"aufzulösen|auflösen|auflösung des arbeitsverhältnisses|"
            r"stelle\b.{0,60}\b(?:aufgehoben|gestrichen|abgebaut|weggefallen)|"
            r"(?:stelle|funktion|arbeitsplatz|abteilung)\b.{0,60}\b(?:wegfällt|wegfiel|"
            r"wegfallen|entfällt|entfiel|aufgehoben wird|gestrichen wird|abgebaut wird)|"
            r"\bfusion\b|zusammenschluss|übernahme durch|"
            r"aufhebung (?:der|seiner|ihrer) stelle|stellenabbau|personalabbau|"
            r"personalbestand\b.{0,40}\breduzier\w*|reorganisation|restrukturierung|"
            r"umstrukturierung|zusammenlegung|zentralisierung|auslagerung|schliessung|"
            r"\bgeschlossen|aufgabe des geschäfts|betriebsaufgabe|konkurs|"
            r"meinungsverschiedenheit\w*|differenzen|unstimmigkeit\w*|konflikt(?:e|en)?\b|"
            r"zerwürfnis|probezeit|gegenseitige[nm] einvernehmen|einvernehmlich|"
            r"auftragslage|wirtschaftliche[nr]? (?:gründe\w*|schwierigkeit\w*|lage)|"
            r"gesundheitlichen gründen|gezwungen|sparmassnahmen|"
            r"nicht (?:mehr )?verlängert|"
            r"aus familiären gründen|mussten wir"
        ),
        "favourable": rx(
            r"auf (?:eigenen|ihren|seinen|eigenem) wunsch|auf wunsch von|"
            r"aus eigenem entschluss|ruhestand|pensionier\w*|befristet"
        ),
    },
    "fr": {
        "reason": rx(
            r"licenci\w+|résili\w+|congédi\w+|renvoi\b|mis\w* fin|mettre (?:un )?terme|"
            r"contraints? de|poste\b.{0,50}\bsupprimé|suppression (?:de|du) (?:son |ce )?poste|"
            r"réorganisation|restructuration|regroupement|fermeture|cessation d'activité|"
            r"\bfusion\b|rachat|divergences? de vues?|"
            r"faillite|divergences?|désaccords?|conflits?\b|période d'essai|commun accord|"
            r"baisse des commandes|raisons économiques|raisons de santé|difficultés "
            r"économiques|nous séparer|se séparer|mesures d'économie|pas été renouvelé|"
            r"pas en mesure de lui proposer"
        ),
        "favourable": rx(
            r"de son plein gré|à sa demande|de son propre chef|sur sa demande|"
            r"à sa propre demande|de sa propre initiative|retraite|durée déterminée"
        ),
    },
    "it": {
        "reason": rx(
            r"licenzi\w+|disdett\w+|disdir\w+|disdetto|sciolt[oa]|sciogliere|scioglimento|"
            r"posto\b.{0,50}\bsoppress\w+|soppressione del posto|riduzione (?:del personale|"
            r"dell'organico)|ridurre il personale|riorganizzazione|ristrutturazione|chiusura|"
            r"\bfusione\b|divergenze di (?:opinione|vedute)|"
            r"cessazione dell'attività|fallimento|contrast\w+|divergenz\w+|disaccord\w+|"
            r"conflitt[oi]\b|periodo di prova|comune accordo|calo delle commesse|"
            r"motivi economici|costretti|motivi di salute|difficoltà economiche|separarci|"
            r"separarsi|misure di risparmio|non (?:è stato )?rinnovato"
        ),
        "favourable": rx(
            r"di sua spontanea volontà|su sua richiesta|di sua iniziativa|per sua scelta|"
            r"su propria richiesta|pensione|pensionamento|tempo determinato|limitato al"
        ),
    },
    "en": {
        "reason": rx(
            r"dismiss\w+|terminat\w+|laid off|made redundant|redundan\w+|"
            r"position was (?:eliminated|abolished|cut)|restructur\w+|reorgani[sz]ation|"
            r"closure|closed down|outsourc\w+|disagreement\w*|conflicts?\b|dispute\b|"
            r"probation\w*|mutual agreement|mutual consent|handed in (?:his|her) notice|"
            r"resigned|resignation|economic reasons|had to let|unable to offer|budget cuts|"
            r"cost-cutting|financial difficulties|economic difficulties|part(?:ed)? ways|"
            r"not (?:been )?renewed|not extended|differences? of opinion|different views|"
            r"(?:agreed|decided) to part|parted company|merger|takeover"
        ),
        "favourable": rx(
            r"at (?:his|her) own (?:request|wish)|of (?:his|her) own accord|"
            r"(?:his|her) own decision|on (?:his|her) own initiative|retir\w+|pension|"
            r"fixed-term"
        ),
    },
}
FINISHED = rx(
    r"\b(?:ausbildung|lehre|grundbildung)\b.{0,40}\b(?:ab|abgeschlossen|bestanden)\b|"
    r"\b(?:a obtenu|a réussi|ha superato|ha concluso|passed|completed)\b.{0,40}"
    r"\b(?:cfc|afc|cfp|qualification|qualificazione|examinations?|diploma|apprenticeship)\b"
)
INTERIM_NOTE = rx(
    r"zwischenzeugnis|certificat (?:de travail )?intermédiaire|certificato (?:di lavoro )?"
    r"intermedio|interim reference|interim certificate"
)
LEAVE_VERBS = rx(
    r"\b(?:verlässt|verliess|tritt\b.{0,40}\b(?:aus|ruhestand)|arbeitsverhältnis\w*|austritt|"
    r"quitte|quitté|rapports de travail|départ|lascia|lasciato|rapporto di lavoro|partenza|"
    r"leaving|left us|leaves|employment (?:ends|ended|relationship)|departure|"
    r"danken|bedauern|wünschen|remerci\w*|regrett\w*|souhait\w*|ringrazi\w*|rammaric\w*|"
    r"augur\w*|thank(?!s to)\w*|regret\w*|wish\w*|qualifikationsverfahren|lehrabschlussprüfung|"
    r"abschlussprüfung|procédure de qualification|obtention de son cfc|obtenu son cfc|"
    r"procedura di qualificazione|final examinations?|federal vet diploma)\b"
)
# ------------------------------------------------------------------- salary
SALARY = rx(
    r"\b(?:sein|seine|seinen|ihr|ihre|ihren|son|sa|suo|sua|his|her)\s+(?:\w+\s+)?"
    r"(?:lohn|salär|gehalt|jahreslohn|monatslohn|bruttolohn|stundenlohn von|salaire|"
    r"rémunération|salario|stipendio|retribuzione|salary|wage|pay)\b",
    r"\b(?:lohn|salär|gehalt|salaire|salario|stipendio|salary|wage)\b[^.]{0,40}"
    r"(?:chf|fr\.|franken|francs|franchi)\s*\d|(?:chf|fr\.)\s*\d[\d'’. ]*\s*"
    r"(?:pro monat|im monat|brutto|par mois|al mese|per month|a month)",
)

# ------------------------------------------------------------------- address
RESIDENCE = rx(
    r"wohnhaft|wohnt (?:an|in)|mit wohnsitz|wohnsitz in|domiziliert|domicilié\w*|"
    r"demeurant|résidant|habitant (?:à|au)|domiciliat\w+|residente|abitante|residing|"
    r"resident at|living at|lives at|domiciled|home address"
)
STREET = re.compile(
    r"(?<![\w])(?:[\wäöüéèàâ'.-]+(?:strasse|str\.|gasse|weg|platz|rain|allee|ring|halde|"
    r"matte|acker|graben|steig|quai|hof)\s+\d+[a-z]?"
    r"|(?:an der |am |im )?[A-ZÄÖÜ][\wäöü-]+ (?:Strasse|Gasse|Weg|Platz)\s+\d+[a-z]?"
    r"|(?:rue|avenue|av\.|chemin|ch\.|route|rte|place|boulevard|bd|quai|impasse|allée|"
    r"ruelle|sentier|promenade)\s+[^,\n\d]{1,40}?\d+[a-z]?"
    r"|(?:via|viale|piazza|vicolo|strada|contrada|corso|salita)\s+[^,\n\d]{1,40}?\d+[a-z]?"
    r"|\d+[a-z]?\s+[A-Z][\w-]+ (?:Street|Road|Lane|Avenue))",
    re.IGNORECASE,
)
POSTCODE = re.compile(
    r"(?<![\d.,'])[1-9]\d{3}\s+[A-ZÄÖÜÉÈ][\wäöüéèà.-]+(?:\s[A-Z]{2})?"
)

# ------------------------------------------------------------------- codes
# (rule, pattern); "effort" and the like are exempt where the sentence states a result.
CODES = {
    "de": (
        (
            "coded.effort",
            rx(
                r"\b(?:bemüht\w*|bemühte sich|bemüht sich|bemühungen|gab sich (?:\w+ )?mühe|"
                r"war (?:stets |immer )?bestrebt|bestrebt,|versuchte|versucht,|strengte sich an|"
                r"setzte (?:sich|alles) .{0,60}\b(?:ein|daran)\b|hat sich .{0,60}eingesetzt|"
                r"zeigte (?:stets |immer )?(?:grossen |viel |guten )?(?:einsatz|eifer|willen)|"
                r"guten willens|im rahmen (?:seiner|ihrer) (?:möglichkeiten|fähigkeiten|kräfte)|"
                r"nach (?:seinen|ihren) (?:möglichkeiten|fähigkeiten|kräften)|"
                r"nach (?:bestem|besten) "
                r"(?:vermögen|kräften)|gerecht zu werden|(?:eifer|begeisterung|fleiss|elan|"
                r"motivation|willen)\b.{0,60}\b(?:aber|doch|jedoch)\b.{0,40}\b(?:nicht|kaum|"
                r"selten)|mit (?:grossem |viel |regem )?(?:fleiss|eifer)(?: und (?:grossem |"
                r"viel )?interesse)?)"
            ),
        ),
        (
            "coded.interest",
            rx(
                r"zeigte (?:stets |immer |auch |von anfang an )?(?:grosses |viel |volles |"
                r"reges )?(?:verständnis|interesse)\s+(?:für|an)|verständnis für die "
                r"(?:anliegen|belange)|für die belange (?:der|des)"
            ),
        ),
        (
            "coded.sociability",
            rx(
                r"gesellig\w*|geselligkeit|kontaktfreudig\w*|umgänglich\w*|"
                r"(?:festen|feiern|feste|anlässen|apéros?)\b.{0,20}\bdabei|"
                r"trug\b.{0,80}\b(?:betriebsklima|"
                r"arbeitsklima|stimmung|klima)\w*\b.{0,20}\bbei|zur verbesserung des "
                r"(?:betriebs|arbeits)klimas|(?:betriebs|arbeits)klima\w*\b.{0,30}\bbeigetragen|"
                r"für (?:eine )?gute stimmung (?:an|bei|nach)|"
                r"(?:trug|trägt|beitrag\w*|beigetragen|sorgt\w*)\b.{0,80}\b(?:geselligkeit|"
                r"gesellige\w*|teamanlässe\w*|teamleben|feierabend\w*|apéro\w*|festen)\b|"
                r"feierabend(?:bier|apéro|drink)\w*|gesellige[nr]? (?:teil|leben|anlässe\w*)"
            ),
        ),
        (
            "coded.known_as",
            rx(
                r"(?:haben|hatten)\s+(?:\w+\s+){1,4}als\b.{0,80}\bkennengelernt|"
                r"lernten (?:wir )?(?:\w+\s+){0,3}als\b.{0,60}\bkennen"
            ),
        ),
        (
            "coded.delegation",
            rx(
                r"verstand es\b.{0,60}\bzu delegieren|delegierte (?:alle|sämtliche) "
                r"(?:\w+ )?(?:aufgaben|arbeiten)"
            ),
        ),
        (
            "coded.assigned",
            rx(
                r"(?:ihm|ihr) (?:\w+ )?(?:übertragenen|aufgetragenen|zugewiesenen|anvertrauten|"
                r"zugeteilten|gestellten|aufgegebenen) (?:\w+ )?(?:aufgaben|arbeiten|tätigkeiten|"
                r"pflichten|aufträge)|\bordnungsgemäss\w*|pflichtgemäss\w*|"
                r"nach (?:erhaltener )?anweisung\b"
            ),
        ),
        (
            "coded.punctuality",
            rx(
                r"\b(?:war|ist)\s+(?:stets |immer |jederzeit |sehr |auch )*pünktlich\b|"
                r"pünktlichkeit|gepflegte[sn]? (?:erscheinung|äusseres)|"
                r"(?:erscheint|erschien|kommt|kam)\s+(?:\w+\s+){0,2}?pünktlich|"
                r"hält (?:sich )?(?:stets |immer )?(?:an )?die (?:vereinbarten )?arbeitszeiten"
            ),
        ),
        (
            "coded.health_wish",
            rx(r"wünschen\b.{0,80}\b(?:gesundheit|genesung|besserung)"),
        ),
    ),
    "fr": (
        (
            "coded.effort",
            rx(
                r"s'est (?:toujours )?efforcée?|s'efforç\w+|s'efforce\w*|a (?:toujours )?essayé|"
                r"essayait|a (?:toujours )?tenté|tentait|a (?:toujours )?cherché à|cherche à|"
                r"s'est appliquée? à|bonne volonté|dans la mesure de ses "
                r"(?:moyens|possibilités|capacités|forces)|selon ses (?:capacités|moyens|forces)|"
                r"a fait de son mieux|fait de son mieux|"
                r"a fait (?:tout )?son possible|"
                r"(?:enthousiasme|zèle|bonne volonté|motivation|élan)\b.{0,60}\b(?:mais|cependant|"
                r"toutefois)\b.{0,40}\b(?:pas|peu|rarement)\b"
            ),
        ),
        (
            "coded.interest",
            rx(
                r"(?:montré|manifesté|fait preuve)\s+(?:de l'|d'un |d'une |une |un |de )?"
                r"(?:grand |grande |vif |réel |certain )?(?:intérêt|compréhension)\s+"
                r"(?:pour|envers)"
            ),
        ),
        (
            "coded.sociability",
            rx(
                r"sociabilit\w*|sociable|convivialité|bon vivant|contribu\w*\b.{0,60}\b"
                r"(?:ambiance|climat|atmosphère|vie sociale|fêtes|festivit\w+|apéro\w*)|"
                r"à l'amélioration de l'ambiance|after-work"
            ),
        ),
        (
            "coded.known_as",
            rx(
                r"nous l'avons (?:toujours )?connue? comme|appris à (?:le|la) connaître comme"
            ),
        ),
        (
            "coded.delegation",
            rx(
                r"(?:a su|savait|a compris comment)\s+(?:\w+\s+)?déléguer|"
                r"délégu\w+ (?:toutes|l'ensemble de) ses tâches"
            ),
        ),
        (
            "coded.assigned",
            rx(
                r"(?:tâches|travaux|dossiers|missions|activités) (?:qui|que) (?:l'on )?lui "
                r"(?:étaient |ont été |sont |furent |avait |avons |a )?(?:\w+ )?"
                r"(?:confié|attribué|assigné|donné|remis)\w*|"
                r"(?:selon|conformément aux|suivant) (?:les )?(?:instructions|consignes) "
                r"(?:reçues|données|de (?:ses|son) (?:supérieur\w*|responsable))"
            ),
        ),
        (
            "coded.punctuality",
            rx(
                r"\b(?:a toujours été|était|est|fut)\s+(?:toujours |très )*ponctuel\w*|"
                r"sa ponctualité|tenue soignée|(?:arrive|arrivait|est arrivée?)\s+(?:\w+\s+){0,2}?"
                r"(?:à l'heure|ponctuellement)|respecte (?:toujours )?les horaires"
            ),
        ),
        (
            "coded.health_wish",
            rx(r"souhait\w+\b.{0,80}\b(?:santé|guérison|rétablissement)"),
        ),
    ),
    "it": (
        (
            "coded.effort",
            rx(
                r"si è (?:sempre )?impegnat[oa] (?:a|per|nello|nel)\b|si impegna (?:a|per)\b|"
                r"\bcerca(?:va)? (?:sempre )?di\b|(?:ha|hanno) (?:sempre )?cercato di|"
                r"(?:ha|hanno) (?:sempre )?tentato di|tentava di|si sforza\w*|"
                r"si è sforzat[oa]|buona volontà|ha fatto del suo meglio|"
                r"nei limiti delle sue (?:possibilità|capacità|forze)|"
                r"secondo le sue (?:possibilità|capacità|forze)|"
                r"(?:entusiasmo|zelo|buona volontà|motivazione|"
                r"slancio)\b.{0,60}\b(?:ma|però|tuttavia)\b.{0,40}\b(?:non|poco|raramente)\b"
            ),
        ),
        (
            "coded.interest",
            rx(
                r"(?:dimostrato|mostrato|manifestato|dimostra|mostra)\s+(?:un |una )?"
                r"(?:grande |vivo |sincero )?(?:comprensione|interesse)\s+(?:per|verso|nei)"
            ),
        ),
        (
            "coded.sociability",
            rx(
                r"socievol\w*|contribu\w+\b.{0,60}\b(?:clima|atmosfera|ambiente|vita sociale|"
                r"feste|aperitiv\w*)|"
                r"migliorare il clima"
            ),
        ),
        (
            "coded.known_as",
            rx(r"l'abbiamo conosciut[oa] come|abbiamo conosciuto\b.{0,30}\bcome"),
        ),
        (
            "coded.delegation",
            rx(
                r"(?:ha saputo|sapeva|è riuscit[oa] a)\s+delegare|delegat\w+ tutti i (?:suoi )?"
                r"compiti"
            ),
        ),
        (
            "coded.assigned",
            rx(
                r"(?:compiti|lavori|incarichi|mansioni|attività) (?:che )?(?:a lui |a lei )?"
                r"(?:gli |le )?(?:vengono|venivano|erano|sono stati|sono|furono)?\s*"
                r"(?:affidat|assegnat|attribuit|conferit)\w*|"
                r"compiti (?:assegnatigli|affidatigli|assegnatile|affidatile)|"
                r"secondo (?:le )?(?:nostre|sue) (?:indicazioni|istruzioni)|"
                r"(?:secondo|conformemente al)le (?:indicazioni|istruzioni) ricevute"
            ),
        ),
        (
            "coded.punctuality",
            rx(
                r"\b(?:è|era)\s+(?:sempre |stat[oa] |molto )*puntuale|sua puntualità|"
                r"curat[oa] nell'aspetto|aspetto curato|(?:arriva|arrivava|è arrivat[oa])\s+"
                r"(?:\w+\s+){0,2}?(?:puntuale|puntualmente|in orario)|"
                r"rispetta (?:sempre )?gli orari"
            ),
        ),
        ("coded.health_wish", rx(r"augur\w+\b.{0,80}\b(?:salute|guarigione)")),
    ),
    "en": (
        (
            "coded.effort",
            rx(
                r"made every effort|makes every effort|tried (?:hard )?to|tries to|"
                r"endeavou?red to|endeavou?rs to|strove to|strives to|did (?:his|her) best|"
                r"does (?:his|her) best|within the limits of (?:his|her)|to the best of "
                r"(?:his|her) abilit\w+|showed (?:great )?(?:willingness|goodwill|good will)|"
                r"within (?:the (?:scope|limits|bounds) of )?(?:his|her) (?:abilit\w+|capabilit\w+|"
                r"possibilit\w+|means)|everything in (?:his|her) power|"
                r"as far as (?:he|she) (?:was|is|could) able|"
                r"(?:enthusiasm|eagerness|zeal|good will|goodwill|willingness|"
                r"motivation)\b.{0,60}\b(?:but|yet|however)\b.{0,40}\b(?:not|rarely|seldom|"
                r"little)\b"
            ),
        ),
        (
            "coded.interest",
            rx(
                r"show(?:ed|s)?\s+(?:a |an )?(?:great |genuine |keen |lively |real )?"
                r"(?:understanding|interest)\s+(?:for|in)\b"
            ),
        ),
        (
            "coded.sociability",
            rx(
                r"sociable|sociability|convivial|contribut\w+\b.{0,60}\b(?:atmosphere|"
                r"working climate|work climate|morale|social life|parties)|after-work|"
                r"office part(?:y|ies)"
            ),
        ),
        (
            "coded.known_as",
            rx(
                r"came to know (?:him|her|\w+ \w+) as|got to know (?:him|her|\w+ \w+) as|"
                r"have known (?:him|her) as"
            ),
        ),
        (
            "coded.delegation",
            rx(
                r"(?:understood|knew) how to delegate|delegat\w+ all (?:his |her |of (?:his|her) )?"
                r"(?:tasks|work|duties)"
            ),
        ),
        (
            "coded.assigned",
            rx(
                r"(?:tasks|duties|work|assignments|jobs) (?:that |which )?(?:were |was |are )?"
                r"(?:assigned|entrusted|given|allocated|delegated) to (?:him|her)|"
                r"(?:tasks|duties|work|jobs) (?:that |which )?(?:he|she) was (?:given|assigned)|"
                r"\bas instructed|according to (?:the |our )?instructions"
            ),
        ),
        (
            "coded.punctuality",
            rx(
                r"\b(?:was|is)\s+(?:always |very |consistently )*punctual|(?:his|her) punctuality|"
                r"well-groomed|neat appearance|(?:arrives|arrived|turns up|turned up|comes|came)\s+"
                r"(?:\w+\s+){0,2}?(?:punctually|on time)|"
                r"keeps to the (?:agreed )?(?:office |working )?hours"
            ),
        ),
        ("coded.health_wish", rx(r"\bwish\w*\b.{0,80}\b(?:health|recovery)")),
    ),
}
RESULT = rx(
    r"erfolgreich|mit erfolg|gelang|erreichte|erzielte|umgesetzt|eingeführt|abgeschlossen|"
    r"realisiert|verbessert|gesteigert|gesenkt|reibungslos|avec succès|réussi|obtenu|atteint|"
    r"mis en place|introduit|amélioré|augmenté|réalisé|con successo|riuscit|raggiunt|ottenut|"
    r"introdotto|realizzato|migliorato|aumentato|concluso|successfully|achieved|accomplished|"
    r"delivered|implemented|introduced|completed|improved|increased"
)
PERSON_ORDER = {  # superiors, then colleagues, then customers
    "de": ("vorgesetzt", "kolleg", "kund"),
    "fr": ("supérieur", "collègue", "clientèle"),
    "it": ("superiori", "colleghi", "clienti"),
    "en": ("superiors", "colleagues", "customers"),
}

# ------------------------------------------------------------------- closing
CLOSING = {
    "thanks": rx(
        r"\bdank(?!\s+(?:seine|ihre|des|der|dem|eine))\w*|bedank\w*|remerci\w*|ringrazi\w*|"
        r"\bthank(?!s to)\w*"
    ),
    "regret": rx(
        r"bedauer\w*|ungern|schade|regrett\w*|à regret|rammaric\w*|dispiace|rincresc\w*|"
        r"spiace|malincuore|\bregret\w*|\bsorry\b|sad to"
    ),
    "wishes": rx(
        r"wünsch\w*|alles gute|viel erfolg|souhait\w*|vœux|voeux|bonne chance|plein succès|"
        r"auguri\w*|augur\w*|ogni bene|\bwish\w*|all the best|every success|good luck"
    ),
    "strong": rx(
        r"\bsehr\b|ausserordentlich|ausgesprochen|zutiefst|äusserst|ganz besonders|"
        r"herzlich\w*|vivement|profondément|sincèrement|énormément|chaleureusement|"
        r"de tout cœur|\bmolto\b|profondamente|vivamente|sinceramente|di cuore|"
        r"con tutto il cuore|very much|deeply|greatly|sincerely|most warmly|"
        r"hervorragend\w*|ausgezeichnet\w*|aussergewöhnlich\w*|excellent\w*|exceptionnel\w*|"
        r"remarquable|outstanding|exceptional|eccellent\w*|ottim\w*|straordinari\w*|"
        r"appassionat\w*|sempre preziosa|such an"
    ),
    "retire": rx(r"ruhestand|pensionier\w*|retraite|pensione|retir\w*"),
}

# ------------------------------------------------------------------- tense
TENSE = {
    "de": {
        "past": rx(
            r"\b(?:war|waren|hatte|hatten|arbeitete\w*|betreute\w*|führte\w*|leitete\w*|"
            r"erledigte\w*|erfüllte\w*|verfügte\w*|zeigte\w*|behandelte\w*|beriet|"
            r"organisierte\w*|übernahm|gehörte\w*|umfasste\w*|bearbeitete\w*|"
            r"unterstützte\w*|fanden|fand|verhielt|pflegte\w*|erstellte\w*|entwickelte\w*|"
            r"koordinierte\w*|kümmerte|sorgte|bediente\w*|wirkte|unterrichtete|"
            r"vertrat|betreuten|leistete)\b"
        ),
        "present": rx(
            r"\b(?:ist|sind|arbeitet|betreut|führt|leitet|erledigt|erfüllt|"
            r"verfügt|zeigt|behandelt|berät|organisiert|übernimmt|gehören|gehört|umfasst|"
            r"umfassen|bearbeitet|unterstützt|finden|findet|verhält|pflegt|erstellt|"
            r"entwickelt|koordiniert|kümmert|sorgt|bedient|wirkt|unterrichtet|vertritt|"
            r"leistet|beträgt|teilt|plant|gestaltet|geht|begegnet|behält|legt)\b"
        ),
        "opening_past": rx(
            r"\bwar\b.{0,160}\b(?:tätig|angestellt|beschäftigt|mitarbeiter\w*)\b|"
            r"\barbeitete\b.{0,80}\b(?:seit|ab)\b"
        ),
        "since_present": rx(
            r"\b(?:ist|arbeitet|unterrichtet|leitet|führt|betreut|amtet|wirkt)\b.{0,100}"
            r"\bseit\b|\bseit\b.{0,80}\b(?:ist|arbeitet|unterrichtet|leitet|führt|betreut|"
            r"tätig ist|angestellt ist)\b"
        ),
    },
    "fr": {
        "past": rx(
            r"\b(?:était|étaient|avait|avaient|\w{3,}(?:ait|aient)|a eu la charge|"
            r"a eu|a été|a conseillé|a assumé|a travaillé|a occupé|a exercé|a disposé|"
            r"a préparé|a veillé|a effectué|a transmis|a tenu|s'est occupée?)\b"
        ),
        "present": rx(
            r"\b(?:est|sont|travaille|assure|assume|gère|traite|accompagne|conseille|"
            r"organise|prépare|dirige|dispose|fait|accomplit|s'acquitte|s'occupe|connaît|"
            r"maîtrise|garde|reste|participe|forme|encadre|effectue|représente|coordonne)\b"
        ),
        "opening_past": rx(
            r"\ba travaillé\b|\ba été (?:employée?|engagée?|occupée?)\b.{0,80}"
            r"\b(?:dès|depuis|à partir)\b|\bétait employée?\b"
        ),
        "since_present": rx(
            r"\b(?:travaille|est employée?|dirige|exerce|occupe|enseigne|est engagée?|"
            r"est au service)\b.{0,100}\bdepuis\b|\bdepuis\b.{0,60}\b(?:travaille|dirige|"
            r"exerce|occupe|enseigne)\b"
        ),
    },
    "it": {
        "past": rx(
            r"\b(?:era|erano|aveva|avevano|\w{3,}(?:ava|avano|eva|evano|iva|ivano)|"
            r"ha lavorato|è stat[oa] (?:impiegat|responsabil)\w*)\b"
        ),
        "present": rx(
            r"\b(?:è(?! (?:sempre )?stat)|sono(?! (?:sempre )?stat)|lavora|segue|si occupa|"
            r"gestisce|conduce|dispone|svolge|insegna|dirige|collabora|assiste|rappresenta|"
            r"partecipa|mantiene|lavorano|conosce|ci soddisfano|ci soddisfa)\b"
        ),
        "opening_past": rx(
            r"\bha lavorato\b|\bè stat[oa] (?:impiegat[oa]|alle (?:nostre )?dipendenze)\b"
        ),
        "since_present": rx(
            r"\b(?:lavora|è impiegat[oa]|dirige|insegna|esercita|è alle (?:nostre )?"
            r"dipendenze)\b.{0,100}\bdal\b|\bdal\b.{0,40}\b(?:lavora|dirige|insegna)\b"
        ),
    },
    "en": {
        "past": rx(
            r"\b(?:was|were|had|worked|looked after|handled|welcomed|advised|prepared|"
            r"managed|supported|organised|organized|coordinated|dealt|took care|carried out|"
            r"performed|spoke|led|trained|developed|processed|maintained|assisted|served|"
            r"drove|ensured|helped|monitored|thanked|wished)\b"
        ),
        "present": rx(
            r"\b(?:is|are|has|have|works|looks after|handles|welcomes|advises|prepares|"
            r"manages|supports|organises|organizes|coordinates|deals|takes care|carries out|"
            r"performs|speaks|leads|trains|develops|processes|maintains|assists|serves|"
            r"drives|ensures|helps|monitors|thank|look forward)\b"
        ),
        "opening_past": rx(
            r"(?<!has )(?<!have )\b(?:worked|was employed|was working)\b(?!.{0,20}\bsince\b)"
        ),
        "since_present": rx(
            r"\b(?:has been (?:working|employed)|works|is employed|has held|has worked)\b"
            r".{0,120}\bsince\b|\bsince\b.{0,60}\b(?:has been|works|is)\b"
        ),
    },
}
JOINED = rx(
    r"\b(?:trat|eingetreten|begann|entrée?|est entré\w*|a rejoint|a commencé|è entrat\w*|"
    r"ha iniziato|joined|started|began)\b"
)

# ------------------------------------------------------ assessment in a confirmation
# Words that assess: "strong" ones anywhere, "weak" ones outside task descriptions
# ("sorgfältige Reinigung" describes the job, "sorgfältig und zuverlässig" the person).
EVALUATIVE_STRONG = {
    "de": rx(
        B + r"(?:zufriedenheit|zufrieden|geschätzt\w*|beliebt\w*|ausgezeichnet\w*|"
        r"hervorragend\w*|vorbildlich\w*|einwandfrei\w*|bedauern|"
        r"übertr\w+|lob\w*|schätzten|leider|erwartungen)" + E,
        B + r"(?:seine|ihre)\s+(?:\w+\s+)?(?:leistung\w*|verhalten|arbeitsweise)" + E,
    ),
    "fr": rx(
        B
        + r"(?:satisfaction|satisfaite?s?|appréciée?s?|apprécié|appréci\w+|excellente?s?|"
        r"remarquables?|exemplaires?|irréprochables?|regrett\w+|malheureusement|attentes|"
        r"dépass\w+|félicit\w+)" + E,
        B
        + r"(?:ses|son|sa)\s+(?:\w+\s+)?(?:prestations?|comportement|manière de travailler)"
        + E,
    ),
    "it": rx(
        B + r"(?:soddisfazione|soddisfatt\w+|apprezzat\w+|benvolut\w+|eccellent\w+|"
        r"ottim\w+|esemplar\w+|ineccepibil\w+|rammaric\w+|dispiace|distint[oa]|"
        r"superat\w+|purtroppo|aspettative)" + E,
        B
        + r"(?:sue|suo|sua)\s+(?:\w+\s+)?(?:prestazion[ei]|comportamento|modo di lavorare)"
        + E,
    ),
    "en": rx(
        B
        + r"(?:satisfaction|satisfied|appreciated|valued|excellent|outstanding|exemplary|"
        r"impeccable|exceeded|praised|pillar|regret|unfortunately|expected|expectations)"
        + E,
        B
        + r"(?:his|her)\s+(?:\w+\s+)?(?:performance|conduct|behaviou?r|work)\s+(?:was|is|"
        r"did|has|had|were|met|exceeded|fell)" + E,
    ),
}
EVALUATIVE = {
    "de": rx(
        B + r"(?:kompetent\w*|zuverlässig\w*|gewissenhaft\w*|speditiv\w*|sorgfältig\w*|"
        r"engagiert\w*|motiviert\w*|freundlich\w*|hilfsbereit\w*|fleissig\w*|tüchtig\w*|"
        r"erfolgreich\w*|gründlich\w*|pünktlich\w*|wertvoll\w*|verlässlich\w*|exakt\w*|"
        r"effizient\w*|souverän\w*)" + E,
        B
        + r"mit (?:grosser|grossem|viel|hoher|hohem|ausgesprochen\w*) (?:sorgfalt|präzision|"
        r"engagement|einsatz|umsicht|kompetenz|geschick|zuverlässigkeit)" + E,
    ),
    "fr": rx(
        B
        + r"(?:compétente?s?|fiables?|fiabilité|consciencieu\w+|motivée?s?|souriante?s?|"
        r"aimables?|amabilité|professionnalisme|ponctualité|ponctuel\w*|dynamique\w*|"
        r"sérieu\w+|rigoureu\w+|efficaces?|précieu\w+|consciencieusement|"
        r"soigneusement|efficacement|minutieu\w+)" + E,
        B + r"avec (?:beaucoup de|un grand|une grande|grand|grande|un sens aigu d\w*) "
        r"(?:soin|précision|engagement|rigueur|compétence|professionnalisme|fiabilité)"
        + E,
    ),
    "it": rx(
        B + r"(?:competent\w+|affidabil\w+|coscienzios\w+|motivat\w+|cordial\w+|"
        r"puntual\w+|con cura|preziosa?|precis[oa]|accurat[oa]|diligent\w+|"
        r"scrupolos\w+|efficient\w+)" + E,
        B + r"con (?:grande|molta|notevole|estrema|particolare) (?:precisione|cura|"
        r"competenza|dedizione|affidabilità|professionalità|impegno|diligenza)" + E,
    ),
    "en": rx(
        B
        + r"(?:competent|reliable|dependable|hard-working|conscientious|motivated|cheerful|"
        r"successful|creativity|talented|committed|dedicated|conscientiously|reliably|"
        r"diligently|meticulous\w*|efficiently|accurately|carefully|skil(?:l)?fully)"
        + E,
        B + r"with (?:great|much|considerable|remarkable|the utmost) (?:care|precision|"
        r"commitment|dedication|diligence|skill|competence|professionalism)" + E,
    ),
}

# ------------------------------------------------------------------ template residue
PLACEHOLDERS = (
    re.compile(r"\{\{[^}\n]*\}\}|\{[a-z_]+\}"),
    re.compile(r"\[[^\]\n]{1,80}\]"),
    re.compile(r"<[^<>\n]{1,40}>"),
    re.compile(r"(?<![\w])X{2,}(?![\w])|(?<![\w])x{3,}(?![\w])"),
    re.compile(r"_{2,}(?:[._/ -]+_+)*"),
    re.compile(r"\?{2,}|(?<![\w])(?:TODO|TBD|N\.\s?N\.)(?![\w])"),
    # a date's format left instead of the date: "TT.MM.JJJJ", "JJ.MM.AAAA", "DD/MM/YYYY"
    re.compile(
        r"(?<![\w])(?:TT|JJ|GG|DD|MM|XX)[./-](?:MM|XX|TT|DD)[./-](?:JJJJ|AAAA|YYYY|XXXX|JJ|AA|YY)"
        r"(?![\w])"
    ),
    # an instruction to whoever fills the template in
    re.compile(
        r"\((?:[^()\n]{0,40}\s)?(?:ergänzen|einfügen|anpassen|auswählen|streichen|compléter|"
        r"à compléter|adapter|insérer|choisir|completare|inserire|adattare|scegliere|"
        r"to be completed|insert|fill in|complete|adapt|choose|delete as appropriate)"
        r"(?:\s[^()\n]{0,40})?\)|(?<![\w])(?:bitte ergänzen|à compléter|da completare|"
        r"to be completed)(?![\w])",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<![\w])(?:Herrn?/Frau|Frau/Herrn?|Monsieur/Madame|Madame/Monsieur|M\./Mme|"
        r"Mme/M\.|Mr\.?/Ms\.?|Ms\.?/Mr\.?|Mr\.?/Mrs\.?|Mrs\.?/Mr\.?|[Ss]ignor/(?:la )?signora|"
        r"[Ss]ignora/(?:il )?signor|er/sie|sie/er|ihm/ihr|ihr/ihm|sein/ihr|seine/ihre|"
        r"his/her|her/his|he/she|she/he|him/her|né\(e\)|née/né|né/née|nato/a|nata/o|"
        r"il/elle|elle/il|le/la|la/le|lui/elle|il/la|la/il|ihn/sie|sie/ihn|lo/la|la/lo|"
        r"gli/le|le/gli|egli/ella|lui/lei|lei/lui|him/her|her/him|his/hers|"
        r"Mitarbeiter/in|collaborateur/trice|collaboratore/trice)(?![\w])",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?:[Vv]orlage|[Mm]uster|[Tt]emplate|[Mm]odèle|[Mm]odello)\s*:?\s*"
        r"[\w.-]*(?:_|\.docx?|\.dotx|v\d)[\w.-]*|[\w-]+_[\w-]*_v\d+\b|[\w-]+\.(?:docx?|dotx|odt)\b"
    ),
)
THANK_NAME = re.compile(
    r"(?:danken|dankt|bedanken uns bei|remercions|remercie|ringraziamo|ringrazia|thank)\s+"
    r"([A-ZÀ-ÖØ-Þ][\w'-]+)(?![\w'-])"
)
NOT_NAMES = frozenset(
    "Ihnen Ihm Ihr Herrn Frau Herr Monsieur Madame Mme Mr Ms Mrs Dr You Him Her Them "
    "Ihnen, Sie Er Lui Lei La Il Le Les Vous".split()
)
TITLES_AFTER_SALUTATION = frozenset(
    "Dr Dr. Prof Prof. Pfarrer Pfarrerin Pastor Pastorin Professor Professorin pastora "
    "professor professoressa dottor dottoressa Doktor Me Maître Direktor Direktorin".split()
)
