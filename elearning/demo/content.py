"""Demo risk catalogue and security-awareness courses, in Czech, for a city magistrate."""

from __future__ import annotations

# The catalogue is the product's default, not demo data: see risk/catalogue.py.

# ---------------------------------------------------------------------------
# 1. Ochrana osobních údajů a GDPR
# ---------------------------------------------------------------------------

_PERSONAL_DATA = {
    "slug": "ochrana-osobnich-udaju",
    "title": "Ochrana osobních údajů a GDPR",
    "summary": (
        "Jak na úřadě zákonně a bezpečně zpracovávat osobní údaje občanů i kolegů: právní "
        "základy, minimalizace, práva občanů, role pověřence a postup při úniku dat."
    ),
    "estimated_minutes": 30,
    "risk_categories": ["personal-data"],
    "required_from_level": "low",
    "refresher_months": 12,
    "audience": "all",
    "lessons": [
        {
            "slug": "pravni-zaklady",
            "title": "Co je osobní údaj a na jakém základě ho zpracováváme",
            "body": [
                (
                    "rich_text",
                    "<p>Magistrát denně pracuje s osobními údaji tisíců lidí: občanů, kteří "
                    "si žádají o občanský průkaz, stavebníků, příjemců sociálních dávek, "
                    "žadatelů o parkovací kartu i vlastních zaměstnanců. <strong>Osobním "
                    "údajem</strong> je jakákoli informace o identifikované nebo "
                    "identifikovatelné fyzické osobě – nejen jméno a rodné číslo, ale také "
                    "adresa, telefon, e-mail, číslo účtu, fotografie, registrační značka "
                    "vozidla nebo záznam z kamery.</p>"
                    "<p>Obecné nařízení o ochraně osobních údajů (GDPR) a český zákon "
                    "o zpracování osobních údajů dovolují údaje zpracovávat jen tehdy, má-li "
                    "k tomu úřad právní základ. Pro obec jsou nejdůležitější tyto:</p>"
                    "<ul>"
                    "<li><strong>Plnění právní povinnosti</strong> – zákon nám výslovně "
                    "ukládá údaje vést, například matrika vede matriční knihy a stavební "
                    "úřad eviduje účastníky řízení.</li>"
                    "<li><strong>Úkol ve veřejném zájmu nebo výkon veřejné moci</strong> – "
                    "většina činností úřadu v samostatné i přenesené působnosti, třeba "
                    "vyřizování žádostí o dávky nebo vedení správního řízení.</li>"
                    "<li><strong>Plnění smlouvy</strong> – nájemní smlouva na obecní byt, "
                    "smlouva s dodavatelem nebo pracovní smlouva.</li>"
                    "<li><strong>Souhlas</strong> – jen tam, kde je skutečně dobrovolný "
                    "a úřad nemá jiný základ, například zasílání zpravodaje e-mailem nebo "
                    "zveřejnění fotografie z městské akce na sociálních sítích.</li>"
                    "</ul>"
                    "<p>Oprávněný zájem, o který se často opírají firmy, orgány veřejné moci "
                    "při plnění svých úkolů použít nemohou. Ani souhlas není univerzální "
                    "řešení: pokud údaje potřebujeme ze zákona, o souhlas nežádáme – občan "
                    "by ho totiž nemohl skutečně odmítnout.</p>"
                    "<h2>Zvláštní kategorie údajů</h2>"
                    "<p>Zvýšenou ochranu vyžadují údaje o zdravotním stavu, etnickém původu, "
                    "náboženském vyznání, politických názorech, biometrické a genetické "
                    "údaje a také údaje o trestných činech. Na odboru sociálních věcí, "
                    "v sociálně-právní ochraně dětí nebo při posuzování příspěvku na péči "
                    "se s nimi setkáváme běžně. S takovými spisy pracují jen oprávnění "
                    "zaměstnanci a nikdy je neposíláme nešifrovaným e-mailem.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "title": "Kdo je správce?",
                        "text": (
                            "<p>Správcem osobních údajů je město, nikoli jednotlivý odbor "
                            "ani zaměstnanec. Každý z nás ale za správce jedná – a chyba "
                            "jednotlivce se počítá jako chyba celého úřadu.</p>"
                        ),
                    },
                ),
                (
                    "key_points",
                    [
                        "Osobní údaj je jakákoli informace o konkrétním, identifikovatelném "
                        "člověku.",
                        "Úřad zpracovává údaje hlavně na základě zákona a výkonu veřejné moci, "
                        "ne na základě souhlasu.",
                        "Oprávněný zájem orgán veřejné moci při plnění svých úkolů použít nemůže.",
                        "Údaje o zdraví, o dětech v péči OSPOD nebo o trestných činech "
                        "vyžadují zvláštní opatrnost.",
                    ],
                ),
            ],
        },
        {
            "slug": "minimalizace-a-ucel",
            "title": "Minimalizace údajů a účel zpracování",
            "body": [
                (
                    "rich_text",
                    "<p>Jednou ze základních zásad GDPR je <strong>minimalizace</strong>: "
                    "zpracováváme jen ty údaje, které pro daný účel skutečně potřebujeme, "
                    "a jen tak dlouho, jak je nutné. Co nesbíráme, nemůže uniknout.</p>"
                    "<h2>Jak to vypadá v praxi</h2>"
                    "<ul>"
                    "<li>Formulář žádosti o pronájem obřadní síně nepotřebuje rodné číslo; "
                    "stačí jméno, kontakt a termín.</li>"
                    "<li>Kopii občanského průkazu nepořizujeme „pro jistotu“. Totožnost "
                    "zpravidla stačí ověřit a do spisu poznamenat, že se tak stalo.</li>"
                    "<li>Do podkladů pro poradu vedení posíláme souhrnná čísla, ne seznam "
                    "konkrétních klientů odboru sociálních věcí.</li>"
                    "<li>Když kolega z jiného odboru žádá „celou databázi“, ptáme se, "
                    "k jakému účelu ji potřebuje a zda mu nestačí výběr nebo statistika.</li>"
                    "</ul>"
                    "<h2>Účel a přístup</h2>"
                    "<p>Údaje získané pro jeden účel nesmíme bez dalšího použít pro jiný. "
                    "Adresy z evidence obyvatel tak neslouží k rozesílání pozvánek na "
                    "předvolební akci a údaje z přestupkového řízení nepatří do rozhovoru "
                    "u kávy. Přístup do agendových systémů máme podle své pracovní náplně. "
                    "Každé nahlédnutí do evidence obyvatel nebo do základních registrů se "
                    "zaznamenává a lze zpětně zjistit, kdo a proč údaje hledal. Zvědavost "
                    "(„jen jsem se podíval, kam se odstěhoval soused“) je zneužitím "
                    "oprávnění a může mít pracovněprávní i trestněprávní následky.</p>"
                    "<h2>Uložení a výmaz</h2>"
                    "<p>Papírové spisy s osobními údaji ukládáme do uzamykatelných skříní, "
                    "elektronické dokumenty do spisové služby nebo na určená síťová "
                    "úložiště – nikoli na plochu počítače, do soukromého cloudu či na "
                    "vlastní flash disk. Dokumenty evidované ve spisové službě se po "
                    "uplynutí skartační lhůty vyřazují jen ve skartačním řízení. Pracovní "
                    "kopie, exporty a pomocné tabulky však mažeme, jakmile přestanou být "
                    "potřeba – typicky hned po odevzdání výkazu nebo po vyřízení věci.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Test tří otázek",
                        "text": (
                            "<p>Než někam zapíšete nebo odešlete osobní údaj, zeptejte se: "
                            "Potřebuji ho opravdu? Kdo všechno ho uvidí? Jak dlouho tam "
                            "zůstane?</p>"
                        ),
                    },
                ),
                (
                    "key_points",
                    [
                        "Sbírejte jen údaje, které jsou pro daný účel nezbytné.",
                        "Údaje nepoužívejte k jinému účelu, než ke kterému byly získány.",
                        "Nahlížení do registrů ze zvědavosti je zneužití oprávnění "
                        "a je zpětně dohledatelné.",
                        "Pracovní kopie, exporty a pomocné tabulky po skončení práce smažte.",
                    ],
                ),
            ],
        },
        {
            "slug": "prava-obcanu-a-poverenec",
            "title": "Práva občanů a role pověřence",
            "body": [
                (
                    "rich_text",
                    "<p>Každý, o kom vedeme údaje (tzv. subjekt údajů), má podle GDPR řadu "
                    "práv:</p>"
                    "<ul>"
                    "<li><strong>právo na přístup</strong> – zjistit, zda a jaké údaje "
                    "o něm zpracováváme, k jakému účelu a komu je předáváme;</li>"
                    "<li><strong>právo na opravu</strong> nepřesných údajů;</li>"
                    "<li><strong>právo na výmaz</strong> – pokud údaje již nepotřebujeme "
                    "nebo je zpracováváme neoprávněně; u údajů vedených ze zákona se "
                    "zpravidla neuplatní;</li>"
                    "<li><strong>právo na omezení zpracování</strong> a <strong>právo "
                    "vznést námitku</strong>, například proti zpracování ve veřejném "
                    "zájmu;</li>"
                    "<li>právo podat stížnost u Úřadu pro ochranu osobních údajů "
                    "(ÚOOÚ).</li>"
                    "</ul>"
                    "<h2>Když občan o něco žádá</h2>"
                    "<p>Žádost může přijít jakoukoli cestou: datovou schránkou, e-mailem, "
                    "dopisem nebo ústně na přepážce. Nemusí obsahovat slovo „GDPR“ – stačí "
                    "věta „chci vědět, co o mně město eviduje“. Žádost vždy zaevidujte ve "
                    "spisové službě a bez odkladu ji předejte podle vnitřní směrnice, "
                    "obvykle pověřenci nebo určenému zaměstnanci. Úřad musí odpovědět bez "
                    "zbytečného odkladu, nejpozději do jednoho měsíce; ve složitých "
                    "případech lze lhůtu s odůvodněním prodloužit o další dva měsíce. "
                    "Před vydáním údajů je nutné spolehlivě ověřit totožnost žadatele – "
                    "údaje o paní Novákové nesmíme poslat na e-mail, o kterém nevíme, "
                    "že patří právě jí.</p>"
                    "<h2>Pověřenec pro ochranu osobních údajů</h2>"
                    "<p>Každý orgán veřejné moci musí jmenovat pověřence (anglicky DPO). "
                    "Pověřenec radí vedení i zaměstnancům, kontroluje dodržování GDPR, je "
                    "kontaktním místem pro občany i pro ÚOOÚ a podílí se na posuzování "
                    "nových zpracování – například když odbor chce zavést nový formulář, "
                    "kamerový systém nebo cloudovou aplikaci. Pověřenec nenese odpovědnost "
                    "za chyby ostatních; za zpracování odpovídá úřad a jeho odbory. Je ale "
                    "první, na koho se obrátit, když si nejste jisti. Kontakt na pověřence "
                    "je zveřejněn na webu města a v intranetu.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Lhůta běží od doručení úřadu",
                        "text": (
                            "<p>Měsíční lhůta běží ode dne, kdy žádost dorazila na úřad, "
                            "nikoli ode dne, kdy se dostala k vám. Žádost, která týden leží "
                            "v cizí e-mailové schránce, zkracuje čas na odpověď všem.</p>"
                        ),
                    },
                ),
                (
                    "key_points",
                    [
                        "Žádost o přístup nebo výmaz nemusí obsahovat slovo GDPR a může přijít "
                        "jakoukoli cestou.",
                        "Odpověď musí odejít nejpozději do jednoho měsíce, výjimečně do tří.",
                        "Před vydáním údajů vždy ověřte totožnost žadatele.",
                        "Pověřenec radí a kontroluje; obraťte se na něj, kdykoli si nejste jisti.",
                    ],
                ),
            ],
        },
        {
            "slug": "odesilani-udaju-a-incidenty",
            "title": "Odesílání údajů a hlášení porušení zabezpečení",
            "body": [
                (
                    "rich_text",
                    "<h2>Datová schránka, nebo e-mail?</h2>"
                    "<p>Má-li adresát zpřístupněnou datovou schránku, doručuje mu úřad "
                    "písemnosti přednostně do ní. Datová schránka je pro úřední komunikaci "
                    "bezpečnější než e-mail: zpráva se přenáší šifrovaně, odesílatel "
                    "i adresát jsou ověřeni a úřad má doklad o dodání a doručení. Běžný "
                    "e-mail naproti tomu může skončit u nesprávného člověka kvůli jedinému "
                    "překlepu nebo kvůli adrese, kterou poštovní program sám „našeptal“.</p>"
                    "<p>Pokud musíte osobní údaje poslat e-mailem:</p>"
                    "<ul>"
                    "<li>zkontrolujte adresu příjemce, zejména když ji program doplnil "
                    "sám;</li>"
                    "<li>hromadné zprávy více občanům posílejte ve <strong>skryté "
                    "kopii</strong>, aby adresáti neviděli adresy ostatních;</li>"
                    "<li>citlivé přílohy (zdravotní údaje, rodná čísla, výpisy z účtu) "
                    "šifrujte a heslo sdělte jinou cestou, například telefonicky;</li>"
                    "<li>neposílejte víc, než příjemce potřebuje – výřez tabulky místo "
                    "celé databáze.</li>"
                    "</ul>"
                    "<h2>Co je porušení zabezpečení</h2>"
                    "<p>Porušením zabezpečení osobních údajů je každá situace, kdy údaje "
                    "uniknou, jsou zničeny, ztraceny, změněny nebo zpřístupněny někomu "
                    "nepovolanému. Typické příklady z úřadu: přehled klientů odboru "
                    "sociálních věcí odešel špatnému adresátovi, ztratil se nešifrovaný "
                    "notebook, spis stavebního úřadu zůstal ve vlaku, útočník se dostal do "
                    "poštovní schránky referenta.</p>"
                    "<h2>Lhůta 72 hodin</h2>"
                    "<p>Úřad musí porušení ohlásit ÚOOÚ bez zbytečného odkladu, a pokud je "
                    "to možné, do 72 hodin od okamžiku, kdy se o něm dozvěděl. Výjimkou je "
                    "jen případ, kdy je nepravděpodobné, že by porušení mělo za následek "
                    "riziko pro práva dotčených lidí. Při vysokém riziku musí úřad "
                    "informovat i samotné dotčené osoby. O ohlášení rozhoduje vedení "
                    "s pověřencem, ne jednotlivý zaměstnanec. Vaší povinností je incident "
                    "<strong>okamžitě nahlásit</strong> nadřízenému a pověřenci, případně "
                    "odboru informatiky. Lhůta 72 hodin běží i přes víkend, takže chyba "
                    "z pátečního odpoledne nesmí čekat do pondělí.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Chyba se stane, zatajení je horší",
                        "text": (
                            "<p>Omylem odeslaný e-mail lze často napravit – požádat příjemce "
                            "o smazání, zablokovat sdílený odkaz. Čím dříve o chybě víme, "
                            "tím víc škod dokážeme odvrátit. Za včasné nahlášení nikdo "
                            "nepyká.</p>"
                        ),
                    },
                ),
                (
                    "key_points",
                    [
                        "Úřední písemnosti doručujte přednostně do datové schránky adresáta.",
                        "U e-mailů kontrolujte adresáta, používejte skrytou kopii a šifrujte "
                        "citlivé přílohy.",
                        "Porušení zabezpečení se hlásí ÚOOÚ do 72 hodin od zjištění, i o víkendu.",
                        "Každý incident okamžitě nahlaste nadřízenému a pověřenci.",
                    ],
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "topic": "Právní základ zpracování",
            "text": (
                "<p>Stavební úřad vede údaje o účastnících stavebního řízení. Na jakém "
                "právním základě je zpracovává?</p>"
            ),
            "explanation": (
                "<p>Stavební úřad zpracovává údaje proto, že mu to ukládá zákon a že "
                "vykonává veřejnou moc. Souhlas ani oprávněný zájem zde nepřicházejí "
                "v úvahu.</p>"
            ),
            "choices": [
                {
                    "text": "Na základě souhlasu účastníků řízení.",
                    "correct": False,
                    "feedback": "Účastník by souhlas nemohl svobodně odmítnout, řízení "
                    "se vede podle zákona bez ohledu na jeho vůli.",
                },
                {
                    "text": "Na základě právní povinnosti a výkonu veřejné moci.",
                    "correct": True,
                    "feedback": "Správně. Vedení řízení a evidence účastníků vyplývají "
                    "přímo ze zákona.",
                },
                {
                    "text": "Na základě oprávněného zájmu města.",
                    "correct": False,
                    "feedback": "Oprávněný zájem nemohou orgány veřejné moci při plnění "
                    "svých úkolů použít.",
                },
                {
                    "text": "Na základě smlouvy mezi stavebníkem a městem.",
                    "correct": False,
                    "feedback": "Stavební řízení není smluvní vztah; vede se z moci zákona.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Právní základ zpracování",
            "text": (
                "<p>Orgán veřejné moci může při plnění svých úkolů zpracovávat osobní "
                "údaje na základě oprávněného zájmu.</p>"
            ),
            "explanation": (
                "<p>Nepravda. GDPR výslovně vylučuje oprávněný zájem jako právní základ "
                "pro zpracování, které provádějí orgány veřejné moci při plnění svých "
                "úkolů. Úřad se opírá o zákon nebo o výkon veřejné moci.</p>"
            ),
            "correct": False,
        },
        {
            "type": "multiple",
            "topic": "Zvláštní kategorie údajů",
            "text": (
                "<p>Které z uvedených údajů patří mezi zvláštní kategorie osobních údajů "
                "vyžadující zvýšenou ochranu? Vyberte všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Zvláštní kategorie zahrnují mimo jiné údaje o zdraví, náboženském "
                "vyznání a biometrické údaje sloužící k identifikaci osoby. Adresa "
                "i číslo dokladu jsou běžné osobní údaje – chránit je musíme také, ale "
                "nejde o zvláštní kategorii.</p>"
            ),
            "choices": [
                {
                    "text": "Údaje o zdravotním stavu žadatele o příspěvek na péči.",
                    "correct": True,
                    "feedback": "Ano, údaje o zdraví jsou zvláštní kategorií.",
                },
                {
                    "text": "Náboženské vyznání uvedené v žádosti.",
                    "correct": True,
                    "feedback": "Ano, náboženské vyznání patří mezi zvláštní kategorie.",
                },
                {
                    "text": "Otisk prstu použitý k identifikaci osoby.",
                    "correct": True,
                    "feedback": "Ano, biometrické údaje k jednoznačné identifikaci jsou "
                    "zvláštní kategorií.",
                },
                {
                    "text": "Adresa trvalého pobytu.",
                    "correct": False,
                    "feedback": "Adresa je běžný osobní údaj, nikoli zvláštní kategorie.",
                },
                {
                    "text": "Číslo občanského průkazu.",
                    "correct": False,
                    "feedback": "Číslo dokladu je běžný osobní údaj; chráníme ho, ale "
                    "nepatří do zvláštních kategorií.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Minimalizace údajů",
            "text": (
                "<p>Kolega z odboru školství vás žádá o export všech klientů odboru "
                "sociálních věcí „pro statistiku“. Jak postupujete?</p>"
            ),
            "explanation": (
                "<p>Zásada minimalizace říká, že předáváme jen údaje nezbytné pro účel. "
                "Pro statistiku obvykle stačí souhrnná nebo anonymizovaná čísla.</p>"
            ),
            "choices": [
                {
                    "text": "Pošlu mu celý export, je to kolega z úřadu.",
                    "correct": False,
                    "feedback": "I uvnitř úřadu platí, že údaje dostává jen ten, kdo je "
                    "potřebuje pro konkrétní účel.",
                },
                {
                    "text": "Zeptám se na účel a pošlu jen souhrnná nebo anonymizovaná čísla.",
                    "correct": True,
                    "feedback": "Správně. Statistika se obejde bez jmen a adres.",
                },
                {
                    "text": "Pošlu export na jeho soukromý e-mail, aby to měl rychleji.",
                    "correct": False,
                    "feedback": "Soukromá pošta je mimo kontrolu úřadu; šlo by o únik údajů.",
                },
                {
                    "text": "Seznam vytisknu a předám mu ho osobně.",
                    "correct": False,
                    "feedback": "Forma předání nic nemění na tom, že kolega dostane "
                    "mnohem víc údajů, než potřebuje.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Práva subjektu údajů",
            "text": (
                "<p>Občanka požádala o informaci, jaké údaje o ní město zpracovává. "
                "Do kdy musí úřad nejpozději odpovědět, nejde-li o složitý případ?</p>"
            ),
            "explanation": (
                "<p>Úřad odpovídá bez zbytečného odkladu, nejpozději do jednoho měsíce "
                "od obdržení žádosti. Ve složitých případech lze lhůtu s odůvodněním "
                "prodloužit o další dva měsíce.</p>"
            ),
            "choices": [
                {
                    "text": "Do 72 hodin.",
                    "correct": False,
                    "feedback": "72 hodin je lhůta pro ohlášení porušení zabezpečení "
                    "ÚOOÚ, ne pro odpověď občanovi.",
                },
                {
                    "text": "Do 15 dnů.",
                    "correct": False,
                    "feedback": "Tuto lhůtu GDPR pro žádost subjektu údajů nestanoví.",
                },
                {
                    "text": "Do jednoho měsíce od obdržení žádosti.",
                    "correct": True,
                    "feedback": "Správně. Prodloužení o dva měsíce je možné jen výjimečně "
                    "a s odůvodněním.",
                },
                {
                    "text": "Do konce kalendářního roku.",
                    "correct": False,
                    "feedback": "Tak dlouho čekat nelze; lhůta je jeden měsíc.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Práva subjektu údajů",
            "text": (
                "<p>Žádost občana o přístup k jeho údajům je platná jen tehdy, když "
                "výslovně odkazuje na GDPR.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Žádost nemusí mít žádnou předepsanou formu ani odkaz na "
                "předpis. Stačí, když z ní je patrné, že se člověk chce dozvědět, jaké "
                "údaje o něm úřad vede.</p>"
            ),
            "correct": False,
        },
        {
            "type": "multiple",
            "topic": "Odesílání osobních údajů",
            "text": (
                "<p>Potřebujete e-mailem rozeslat pozvánku dvaceti občanům a jednomu "
                "z nich poslat přílohu s jeho zdravotní dokumentací. Které postupy jsou "
                "správné? Vyberte všechny.</p>"
            ),
            "explanation": (
                "<p>Hromadná zpráva patří do skryté kopie, citlivá příloha se šifruje "
                "a heslo se předává jinou cestou. Před odesláním je vždy nutné "
                "zkontrolovat adresáta.</p>"
            ),
            "choices": [
                {
                    "text": "Pozvánku pošlu všem ve skryté kopii.",
                    "correct": True,
                    "feedback": "Ano, adresáti tak neuvidí e-mailové adresy ostatních.",
                },
                {
                    "text": "Přílohu zašifruji a heslo sdělím telefonicky.",
                    "correct": True,
                    "feedback": "Ano, heslo poslané stejným e-mailem by šifrování znehodnotilo.",
                },
                {
                    "text": "Heslo k příloze napíšu do stejného e-mailu.",
                    "correct": False,
                    "feedback": "Kdo e-mail zachytí nebo dostane omylem, otevře i přílohu.",
                },
                {
                    "text": "Před odesláním zkontroluji adresu, kterou program doplnil.",
                    "correct": True,
                    "feedback": "Ano, našeptaná adresa je častou příčinou úniků.",
                },
                {
                    "text": "Všem pošlu stejnou zprávu včetně přílohy, ať je to jednodušší.",
                    "correct": False,
                    "feedback": "Zdravotní dokumentace patří jen dotčenému občanovi.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Porušení zabezpečení",
            "text": (
                "<p>V pátek v 15:30 zjistíte, že jste tabulku s rodnými čísly poslali "
                "nesprávnému adresátovi mimo úřad. Co uděláte?</p>"
            ),
            "explanation": (
                "<p>Incident je nutné nahlásit okamžitě, protože lhůta 72 hodin pro "
                "ohlášení ÚOOÚ běží i o víkendu. O ohlášení rozhoduje vedení "
                "s pověřencem; zaměstnanec hlásí interně a pomáhá omezit škody.</p>"
            ),
            "choices": [
                {
                    "text": "Počkám do pondělí, v pátek odpoledne už nikdo není.",
                    "correct": False,
                    "feedback": "Do pondělí uběhne většina ze 72 hodin a škoda se může zvětšit.",
                },
                {
                    "text": "Ihned to nahlásím nadřízenému a pověřenci a požádám příjemce "
                    "o smazání zprávy.",
                    "correct": True,
                    "feedback": "Správně. Rychlé nahlášení dává úřadu čas posoudit riziko "
                    "a ohlásit porušení včas.",
                },
                {
                    "text": "Sám to ohlásím ÚOOÚ a nikomu na úřadě nic neřeknu.",
                    "correct": False,
                    "feedback": "Ohlášení je věcí úřadu jako správce; vedení a pověřenec "
                    "musí o incidentu vědět.",
                },
                {
                    "text": "Nic, příjemce to stejně nejspíš neotevře.",
                    "correct": False,
                    "feedback": "Na to se nelze spoléhat. Únik rodných čísel je vážný incident.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Porušení zabezpečení",
            "text": (
                "<p>Lhůta 72 hodin pro ohlášení porušení zabezpečení ÚOOÚ se počítá "
                "od chvíle, kdy se o porušení úřad dozvěděl, a běží i o víkendu.</p>"
            ),
            "explanation": (
                "<p>Pravda. Lhůta se nepočítá v pracovních dnech. Proto musí zaměstnanci "
                "incidenty hlásit okamžitě a úřad musí mít připravený postup i pro "
                "víkendy a svátky.</p>"
            ),
            "correct": True,
        },
        {
            "type": "single",
            "topic": "Pověřenec",
            "text": "<p>Co z uvedeného <strong>nepatří</strong> mezi úkoly pověřence?</p>",
            "explanation": (
                "<p>Pověřenec radí, kontroluje a je kontaktním místem. Odpovědnost za "
                "zpracování osobních údajů však nese úřad jako správce a jeho odbory, "
                "ne pověřenec.</p>"
            ),
            "choices": [
                {
                    "text": "Radit zaměstnancům při práci s osobními údaji.",
                    "correct": False,
                    "feedback": "Poradenství je jedním z hlavních úkolů pověřence.",
                },
                {
                    "text": "Být kontaktním místem pro ÚOOÚ a pro občany.",
                    "correct": False,
                    "feedback": "I to je úkol pověřence.",
                },
                {
                    "text": "Nést odpovědnost za všechna zpracování místo úřadu.",
                    "correct": True,
                    "feedback": "Správně, tohle pověřenci nepřísluší. Odpovědnost zůstává "
                    "správci, tedy městu.",
                },
                {
                    "text": "Kontrolovat, zda úřad dodržuje GDPR.",
                    "correct": False,
                    "feedback": "Monitorování souladu k úkolům pověřence patří.",
                },
            ],
        },
    ],
}


# ---------------------------------------------------------------------------
# 2. Phishing a sociální inženýrství
# ---------------------------------------------------------------------------

_PHISHING = {
    "slug": "phishing-a-socialni-inzenyrstvi",
    "title": "Phishing a sociální inženýrství",
    "summary": (
        "Jak poznat podvodný e-mail, telefonát nebo fakturu, jak se nenechat zmanipulovat "
        "falešným nadřízeným a co udělat, když už jste klikli."
    ),
    "estimated_minutes": 30,
    "risk_categories": ["phishing", "payments"],
    "required_from_level": "low",
    "refresher_months": 12,
    "audience": "all",
    "lessons": [
        {
            "slug": "jak-poznat-phishing",
            "title": "Jak poznat podvodný e-mail",
            "body": [
                (
                    "rich_text",
                    "<p><strong>Phishing</strong> je podvodná zpráva, která se vydává za "
                    "někoho důvěryhodného – banku, dodavatele, Českou poštu, ministerstvo, "
                    "kolegu nebo přímo tajemníka úřadu. Jejím cílem je přimět vás kliknout "
                    "na odkaz, zadat heslo, otevřít přílohu se škodlivým kódem nebo odeslat "
                    "peníze. Úřady jsou pro útočníky lákavým cílem: kontakty zaměstnanců "
                    "jsou veřejně dostupné, úřad pracuje s penězi i citlivými údaji a jeho "
                    "systémy propojují mnoho agend.</p>"
                    "<h2>Varovné signály</h2>"
                    "<ul>"
                    "<li><strong>Naléhavost a tlak</strong> – „do 24 hodin“, „jinak bude "
                    "účet zablokován“, „potřebuji to hned, jsem na jednání“.</li>"
                    "<li><strong>Nesoulad odesílatele</strong> – zobrazené jméno zní "
                    "„Odbor informatiky“, ale adresa je z cizí domény nebo z domény, která "
                    "se od té správné liší jediným znakem.</li>"
                    "<li><strong>Odkaz vede jinam, než tvrdí</strong> – po najetí myší "
                    "(bez kliknutí) se zobrazí skutečná adresa cílové stránky.</li>"
                    "<li><strong>Neočekávaná příloha</strong> – faktura, o které nevíte, "
                    "„zásilka“ v archivu ZIP, dokument, který vás vyzývá k povolení "
                    "maker.</li>"
                    "<li><strong>Žádost o přihlašovací údaje</strong> – odbor informatiky "
                    "po vás nikdy nebude chtít heslo e-mailem ani po telefonu.</li>"
                    "<li><strong>Nezvyklý tón</strong> – neobvyklé oslovení nebo podpis. "
                    "Pozor: díky nástrojům umělé inteligence jsou dnešní podvodné zprávy "
                    "často psány bezchybnou češtinou.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Ověřte jinou cestou",
                        "text": (
                            "<p>Máte-li pochybnost, na zprávu neodpovídejte a nepoužívejte "
                            "kontakty v ní uvedené. Zavolejte odesílateli na číslo "
                            "z interního telefonního seznamu nebo z jeho oficiálního "
                            "webu.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Cílený phishing</h2>"
                    "<p>Nejnebezpečnější jsou zprávy připravené přímo na vás (anglicky "
                    "spear phishing). Útočník si na webu města zjistí, kdo vede stavební "
                    "úřad, z úřední desky vyčte probíhající řízení a pošle referentce "
                    "zprávu „Doplnění podkladů k řízení“ s odkazem na falešné úložiště "
                    "dokumentů. Zpráva vypadá věrohodně, protože obsahuje skutečná jména "
                    "a čísla jednací. Odkaz vede na stránku, která vypadá jako přihlášení "
                    "do pracovní pošty – a referentka tam zadá své heslo.</p>"
                    "<p>Proto nestačí hledat pravopisné chyby. Rozhodující otázka zní: "
                    "<em>chce po mně zpráva něco neobvyklého?</em> Přihlášení přes odkaz "
                    "v e-mailu, platbu mimo obvyklý postup, otevření nečekané přílohy nebo "
                    "utajení před kolegy? Pak se zastavte a ověřujte.</p>",
                ),
                (
                    "key_points",
                    [
                        "Phishing pracuje s naléhavostí, autoritou, strachem a zvědavostí.",
                        "Před kliknutím zkontrolujte skutečnou adresu odesílatele i odkazu.",
                        "Odbor informatiky po vás nikdy nebude chtít heslo.",
                        "Bezchybná čeština ani známá jména nejsou důkazem pravosti zprávy.",
                    ],
                ),
            ],
        },
        {
            "slug": "falesny-nadrizeny-a-faktury",
            "title": "Falešný nadřízený a podvodné faktury",
            "body": [
                (
                    "rich_text",
                    "<p>Podvod s falešným nadřízeným (anglicky CEO fraud) a podvodné "
                    "faktury patří k útokům s největšími finančními škodami. Nepotřebují "
                    "žádný škodlivý kód – stačí přesvědčit člověka, aby peníze odeslal "
                    "sám.</p>"
                    "<h2>Falešný tajemník</h2>"
                    "<p>Účetní ekonomického odboru dostane v pátek odpoledne e-mail, "
                    "zdánlivě od tajemníka úřadu: „Jsem na jednání na kraji a nemohu "
                    "telefonovat. Potřebuji, abyste dnes uhradila zálohu za konferenci, "
                    "údaje jsou v příloze. Věc je důvěrná, s nikým ji neprobírejte.“ "
                    "Typické znaky: spěch, důvěrnost, znemožnění ověření a výjimka "
                    "z běžného postupu. Skutečný nadřízený po vás nikdy nebude chtít obejít "
                    "schvalovací proces. Platba bez objednávky, bez předběžné řídící "
                    "kontroly a bez podpisu příkazce operace nesmí odejít, ať o ni žádá "
                    "kdokoli.</p>"
                    "<h2>Změna bankovního účtu dodavatele</h2>"
                    "<p>Častější a zákeřnější je zpráva „od dodavatele“, který oznamuje "
                    "nové číslo účtu, třeba kvůli změně banky. Útočník často ovládá "
                    "skutečnou schránku dodavatele nebo použije velmi podobnou doménu "
                    "a navazuje na rozpracovanou komunikaci o zakázce. Faktura pak vypadá "
                    "úplně správně, jen peníze odejdou jinam. Proto:</p>"
                    "<ul>"
                    "<li>každou změnu platebních údajů ověřte telefonicky na čísle, které "
                    "máte ze smlouvy nebo z dřívější komunikace – nikdy na čísle z e-mailu, "
                    "který změnu oznamuje;</li>"
                    "<li>u plátců DPH zkontrolujte, zda je nový účet zveřejněn v registru "
                    "plátců DPH;</li>"
                    "<li>ověření zaznamenejte (kdo, kdy a s kým mluvil) a změnu v systému "
                    "nechte potvrdit druhou osobou podle zásady čtyř očí.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Důvěrnost je varovný signál",
                        "text": (
                            "<p>Věta „nikomu o tom neříkejte“ je v úřadě, kde každou platbu "
                            "schvaluje několik lidí, téměř vždy znakem podvodu.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Pokladna a přepážky</h2>"
                    "<p>Podobné triky míří i na pokladnu. „Kolega z odboru“ volá, ať "
                    "vyplatíte hotovost člověku, kterého k vám posílá, nebo klient chce "
                    "vrátit přeplatek na jiný účet, než ze kterého platil. Vždy postupujte "
                    "podle pokladních pravidel a každou výjimku si nechte písemně potvrdit "
                    "oprávněnou osobou. Pokud na vás někdo tlačí, máte plné právo platbu "
                    "odložit do doby, než si věc ověříte.</p>",
                ),
                (
                    "key_points",
                    [
                        "Platba nikdy neobchází schvalovací proces, ať o ni žádá kdokoli.",
                        "Změnu čísla účtu ověřujte telefonicky na známém čísle, ne na čísle "
                        "z e-mailu.",
                        "Spěch, důvěrnost a znemožnění ověření jsou typické znaky podvodu.",
                        "Výjimky v pokladně vyžadují písemné potvrzení oprávněné osoby.",
                    ],
                ),
            ],
        },
        {
            "slug": "telefonaty-sms-a-navstevy",
            "title": "Podvodné telefonáty, SMS a osobní návštěvy",
            "body": [
                (
                    "rich_text",
                    "<p>Sociální inženýrství je umění přimět člověka, aby udělal něco, co "
                    "by jinak neudělal. E-mail je jen jedna z cest; útočníci stejně rádi "
                    "volají, píší SMS nebo přijdou osobně.</p>"
                    "<h2>Podvodné telefonáty (vishing)</h2>"
                    "<p>„Dobrý den, tady technická podpora. Vidíme na vašem počítači virus. "
                    "Abychom ho mohli odstranit, nainstalujte si prosím tento program pro "
                    "vzdálenou správu a přečtěte mi kód, který vám přišel.“ Volající zná "
                    "vaše jméno, odbor i jméno vašeho vedoucího – všechno je na webu města. "
                    "Číslo na displeji lze snadno podvrhnout, takže ani známé číslo není "
                    "zárukou. S rozvojem umělé inteligence se objevují i napodobené hlasy "
                    "skutečných lidí.</p>"
                    "<p>Na matriku nebo do evidence obyvatel zase může zavolat „policista“ "
                    "či „exekutor“, který chce narychlo zjistit adresu konkrétní osoby. "
                    "Oprávněné orgány mají pro získání údajů předepsané cesty – dálkový "
                    "přístup do registrů nebo písemnou žádost. Telefonicky údaje "
                    "nesdělujeme nikomu, jehož totožnost a oprávnění neumíme ověřit.</p>"
                    "<h2>SMS, QR kódy a osobní návštěvy</h2>"
                    "<ul>"
                    "<li><strong>Podvodné SMS</strong> – zpráva o nedoručené zásilce nebo "
                    "nezaplacené dálniční známce s odkazem na falešnou platební bránu.</li>"
                    "<li><strong>Podvodné QR kódy</strong> – kód v e-mailu nebo nálepka na "
                    "parkovacím automatu, která vede na podvodnou stránku. Telefon, kterým "
                    "kód naskenujete, bývá chráněn hůř než pracovní počítač.</li>"
                    "<li><strong>Osobní návštěva</strong> – neohlášený „technik dodavatele "
                    "tiskáren“, který potřebuje na chvíli k vašemu počítači.</li>"
                    "</ul>"
                    "<h2>Jak se bránit</h2>"
                    "<p>Zpomalte. Zeptejte se na jméno a důvod, zavěste a zavolejte zpět na "
                    "číslo z interního seznamu nebo ze smlouvy. Nikdy nesdělujte hesla ani "
                    "jednorázové kódy a neinstalujte programy na pokyn volajícího. Slušné "
                    "odmítnutí „ověřím si to a ozvu se“ nikoho neurazí – skutečný kolega "
                    "ani skutečný policista vám to nebudou mít za zlé.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "title": "Jednorázový kód je jako podpis",
                        "text": (
                            "<p>Kód z SMS nebo z ověřovací aplikace slouží jen vám. Kdo vás "
                            "o něj žádá, chce se přihlásit nebo zaplatit místo vás.</p>"
                        ),
                    },
                ),
                (
                    "key_points",
                    [
                        "Číslo na displeji ani známý hlas nejsou důkazem totožnosti.",
                        "Osobní údaje z registrů telefonicky nesdělujte nikomu, koho nelze ověřit.",
                        "Nikdy nesdělujte hesla ani jednorázové kódy a neinstalujte programy "
                        "na cizí pokyn.",
                        "Zavěste a zavolejte zpět na číslo, které znáte z důvěryhodného zdroje.",
                    ],
                ),
            ],
        },
        {
            "slug": "co-delat-po-kliknuti",
            "title": "Klikl jsem. Co teď? Hlášení incidentů",
            "body": [
                (
                    "rich_text",
                    "<p>I pozorný člověk se může nechat nachytat – útoky jsou stále "
                    "propracovanější a stačí chvilka nepozornosti. Rozhoduje, co uděláte "
                    "potom. Útočník obvykle potřebuje čas: aby ukradené heslo použil, "
                    "rozšířil se do dalších počítačů nebo zašifroval data. Každá minuta, "
                    "o kterou se o útoku dozvíme dřív, mu ten čas bere.</p>"
                    "<h2>Co udělat hned</h2>"
                    "<ol>"
                    "<li><strong>Nezatajujte to.</strong> Okamžitě volejte servisní linku "
                    "(helpdesk) odboru informatiky.</li>"
                    "<li><strong>Zadali jste heslo?</strong> Změňte ho co nejdříve podle "
                    "pokynů informatiků, a to všude, kde jste ho použili.</li>"
                    "<li><strong>Otevřeli jste přílohu nebo spustili program?</strong> "
                    "Odpojte počítač od sítě (vytáhněte kabel, vypněte Wi-Fi), ale "
                    "nevypínejte ho – informatici mohou potřebovat stopy v jeho paměti.</li>"
                    "<li><strong>Odeslali jste peníze nebo údaje?</strong> Informujte "
                    "nadřízeného a ekonomický odbor, aby mohl okamžitě kontaktovat banku; "
                    "u osobních údajů také pověřence.</li>"
                    "<li><strong>Zapište si</strong>, co se stalo: čas, co jste otevřeli "
                    "a co jste kam zadali.</li>"
                    "</ol>"
                    "<h2>Hlášení podezřelých zpráv</h2>"
                    "<p>Nahlásit je třeba i zprávu, na kterou jste neklikli. Použijte "
                    "tlačítko pro nahlášení phishingu v poštovním programu, nebo zprávu "
                    "přepošlete jako přílohu na adresu určenou odborem informatiky. Díky "
                    "vašemu hlášení mohou informatici zablokovat škodlivý odkaz pro celý "
                    "úřad a varovat kolegy, kterým přišla stejná zpráva. Podezřelou zprávu "
                    "nepřeposílejte kolegům s dotazem „je to v pořádku?“ – zvyšujete tím "
                    "riziko, že na ni někdo klikne.</p>"
                    "<h2>Kultura bez obviňování</h2>"
                    "<p>Úřad potřebuje, aby lidé chyby hlásili, ne skrývali. Zaměstnanec, "
                    "který kliknutí nahlásí hned, pomáhá. Problém nastává, když se o něm "
                    "informatici dozvědí až po několika týdnech z analýzy útoku. Úřady, na "
                    "které se vztahuje zákon o kybernetické bezpečnosti, navíc musí "
                    "významné incidenty hlásit Národnímu úřadu pro kybernetickou "
                    "a informační bezpečnost (NÚKIB) v krátkých lhůtách – a to jde jen "
                    "tehdy, když se o nich včas dozvědí.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Číslo helpdesku mějte po ruce",
                        "text": (
                            "<p>Uložte si číslo servisní linky odboru informatiky do "
                            "telefonu hned teď. Při incidentu nebudete mít čas ho hledat "
                            "v intranetu – zvlášť když počítač přestane fungovat.</p>"
                        ),
                    },
                ),
                (
                    "key_points",
                    [
                        "Po kliknutí okamžitě volejte helpdesk; rychlost je důležitější než stud.",
                        "Při spuštění přílohy odpojte počítač od sítě, ale nevypínejte ho.",
                        "Zadané heslo co nejdříve změňte všude, kde jste ho použili.",
                        "Podezřelé zprávy hlaste, i když jste na ně neklikli; kolegům je "
                        "nepřeposílejte.",
                    ],
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "topic": "Rozpoznání phishingu",
            "text": ("<p>Který z uvedených znaků nejspolehlivěji prozrazuje podvodný e-mail?</p>"),
            "explanation": (
                "<p>Logo, spisovná čeština nebo odeslání v pracovní době se dají snadno "
                "napodobit. Odkaz, který po najetí myší ukazuje na jinou doménu, než "
                "jakou zpráva uvádí, je silným varovným signálem.</p>"
            ),
            "choices": [
                {
                    "text": "E-mail obsahuje logo města.",
                    "correct": False,
                    "feedback": "Logo si útočník stáhne z webu města za pár vteřin.",
                },
                {
                    "text": "Odkaz po najetí myší vede na jinou doménu, než jakou zpráva uvádí.",
                    "correct": True,
                    "feedback": "Správně. Skutečná adresa odkazu je jedním z nejlepších vodítek.",
                },
                {
                    "text": "Zpráva je napsána spisovnou češtinou.",
                    "correct": False,
                    "feedback": "Dnešní podvodné zprávy bývají jazykově bezchybné.",
                },
                {
                    "text": "Zpráva přišla v pracovní době.",
                    "correct": False,
                    "feedback": "Čas doručení o pravosti zprávy nic nevypovídá.",
                },
            ],
        },
        {
            "type": "multiple",
            "topic": "Rozpoznání phishingu",
            "text": (
                "<p>Které znaky jsou pro phishing typické? Vyberte všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Phishing vytváří tlak, žádá o přihlašovací údaje a láká k otevření "
                "nečekaných příloh. Podpis s telefonem nebo oslovení jménem může mít "
                "podvodná i legitimní zpráva, samy o sobě nic nedokazují.</p>"
            ),
            "choices": [
                {
                    "text": "Naléhavost: „do 24 hodin, jinak bude účet zablokován“.",
                    "correct": True,
                    "feedback": "Ano, tlak na rychlé jednání je klasický znak podvodu.",
                },
                {
                    "text": "Žádost o zadání hesla přes odkaz v e-mailu.",
                    "correct": True,
                    "feedback": "Ano, legitimní služby vás o heslo e-mailem nežádají.",
                },
                {
                    "text": "Neočekávaná příloha v archivu ZIP.",
                    "correct": True,
                    "feedback": "Ano, archivy často ukrývají škodlivý kód.",
                },
                {
                    "text": "Podpis s telefonním číslem odesílatele.",
                    "correct": False,
                    "feedback": "Podpis může být i podvržený; sám o sobě nic neprokazuje.",
                },
                {
                    "text": "Oslovení vaším jménem.",
                    "correct": False,
                    "feedback": "Jméno útočník zjistí z webu města; oslovení neříká nic "
                    "o pravosti zprávy.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Rozpoznání phishingu",
            "text": (
                "<p>Pokud je e-mail bez pravopisných chyb a obsahuje skutečné jméno "
                "vašeho vedoucího, jde téměř jistě o legitimní zprávu.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Cílené útoky využívají veřejně dostupné informace z webu "
                "a úřední desky a texty dnes často píše umělá inteligence bez chyb. "
                "Rozhodující je, zda zpráva žádá něco neobvyklého.</p>"
            ),
            "correct": False,
        },
        {
            "type": "single",
            "topic": "Podvodné faktury",
            "text": (
                "<p>Dodavatel vám e-mailem oznámí, že změnil banku, a k faktuře přiloží "
                "nové číslo účtu. Jak postupujete?</p>"
            ),
            "explanation": (
                "<p>Změnu platebních údajů je nutné ověřit nezávislou cestou – telefonicky "
                "na čísle ze smlouvy nebo z dřívější komunikace – a ověření zaznamenat. "
                "Odpověď na stejný e-mail může skončit přímo u útočníka.</p>"
            ),
            "choices": [
                {
                    "text": "Fakturu uhradím na nový účet, dodavatele známe.",
                    "correct": False,
                    "feedback": "Právě na důvěru ke známému dodavateli útočníci spoléhají.",
                },
                {
                    "text": "Odpovím na e-mail a požádám o potvrzení změny.",
                    "correct": False,
                    "feedback": "Pokud útočník ovládá schránku dodavatele, změnu vám "
                    "ochotně „potvrdí“.",
                },
                {
                    "text": "Změnu ověřím telefonicky na čísle ze smlouvy a ověření zaznamenám.",
                    "correct": True,
                    "feedback": "Správně. Nezávislé ověření je jediná spolehlivá obrana.",
                },
                {
                    "text": "Polovinu uhradím na starý a polovinu na nový účet.",
                    "correct": False,
                    "feedback": "Tím se riziko nezmenší, jen rozdělí.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Falešný nadřízený",
            "text": (
                "<p>Přijde vám e-mail od tajemníka: je na jednání, nemůže telefonovat "
                "a potřebuje, abyste dnes uhradili důvěrnou platbu mimo běžný postup. "
                "Co uděláte?</p>"
            ),
            "explanation": (
                "<p>Spěch, důvěrnost a znemožnění ověření jsou typické znaky podvodu "
                "s falešným nadřízeným. Platba nesmí obejít schvalovací proces a žádost "
                "je nutné ověřit jiným kanálem.</p>"
            ),
            "choices": [
                {
                    "text": "Platbu provedu, tajemníkovi se neodporuje.",
                    "correct": False,
                    "feedback": "Skutečný tajemník po vás obcházení postupů chtít nebude.",
                },
                {
                    "text": "Platbu provedu a tajemníka o tom zpětně informuji.",
                    "correct": False,
                    "feedback": "Peníze už by byly pryč; ověřovat je nutné předem.",
                },
                {
                    "text": "Platbu mimo schvalovací proces neprovedu a žádost ověřím "
                    "u tajemníka jinou cestou.",
                    "correct": True,
                    "feedback": "Správně. Ověřte například přes asistentku nebo na známém "
                    "čísle a podezření nahlaste.",
                },
                {
                    "text": "Přepošlu e-mail několika kolegům, ať posoudí, zda je pravý.",
                    "correct": False,
                    "feedback": "Podezřelou zprávu nahlaste helpdesku, nerozesílejte ji po úřadě.",
                },
            ],
        },
        {
            "type": "multiple",
            "topic": "Podvodné telefonáty",
            "text": (
                "<p>Volá vám „technická podpora“, že máte v počítači virus. Které reakce "
                "jsou správné? Vyberte všechny.</p>"
            ),
            "explanation": (
                "<p>Správné je nic neinstalovat, nesdělovat kódy ani hesla a ověřit si "
                "hovor zavoláním na helpdesk na známé číslo. Číslo na displeji lze "
                "podvrhnout.</p>"
            ),
            "choices": [
                {
                    "text": "Odmítnu nainstalovat program na pokyn volajícího.",
                    "correct": True,
                    "feedback": "Ano, program pro vzdálenou správu by útočníkovi otevřel "
                    "váš počítač.",
                },
                {
                    "text": "Nesdělím kód, který mi přišel SMS.",
                    "correct": True,
                    "feedback": "Ano, jednorázový kód patří jen vám.",
                },
                {
                    "text": "Zavěsím a zavolám helpdesk na číslo z interního seznamu.",
                    "correct": True,
                    "feedback": "Ano, tak si hovor spolehlivě ověříte.",
                },
                {
                    "text": "Ověřím si volajícího podle čísla na displeji.",
                    "correct": False,
                    "feedback": "Číslo volajícího lze snadno podvrhnout.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Podvodné telefonáty",
            "text": (
                "<p>Pracovnice evidence obyvatel může sdělit adresu pobytu osoby "
                "telefonem, pokud se volající představí jako policista.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Totožnost a oprávnění volajícího nelze po telefonu ověřit. "
                "Oprávněné orgány mají pro získání údajů předepsané cesty, například "
                "dálkový přístup do registrů nebo písemnou žádost.</p>"
            ),
            "correct": False,
        },
        {
            "type": "single",
            "topic": "Postup po kliknutí",
            "text": (
                "<p>Otevřeli jste přílohu z podezřelého e-mailu a počítač se začal "
                "chovat podivně. Co je nejlepší udělat?</p>"
            ),
            "explanation": (
                "<p>Odpojením od sítě zabráníte šíření škodlivého kódu, ponechání počítače "
                "zapnutého zachová stopy pro analýzu. Helpdesk musí vědět o incidentu "
                "okamžitě.</p>"
            ),
            "choices": [
                {
                    "text": "Počítač vypnu a nikomu nic neřeknu.",
                    "correct": False,
                    "feedback": "Vypnutím zmizí stopy a útok může pokračovat jinde.",
                },
                {
                    "text": "Odpojím počítač od sítě, nevypnu ho a okamžitě zavolám helpdesk.",
                    "correct": True,
                    "feedback": "Správně. Tak omezíte šíření a informatici mohou jednat.",
                },
                {
                    "text": "Spustím antivirus a pokračuji v práci.",
                    "correct": False,
                    "feedback": "Antivirus nemusí útok zachytit; incident je nutné nahlásit.",
                },
                {
                    "text": "E-mail smažu, aby ho nikdo další neotevřel.",
                    "correct": False,
                    "feedback": "Smazáním se ztratí důkazy a ostatní nebudou varováni.",
                },
            ],
        },
        {
            "type": "multiple",
            "topic": "Hlášení podezřelých zpráv",
            "text": (
                "<p>Přišel vám podezřelý e-mail, na který jste neklikli. Co je správné? "
                "Vyberte všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Podezřelou zprávu nahlaste tlačítkem v poště nebo na určenou adresu "
                "a odesílateli neodpovídejte. Hlášení pomůže ochránit kolegy, kterým "
                "přišla stejná zpráva.</p>"
            ),
            "choices": [
                {
                    "text": "Nahlásím ji tlačítkem pro hlášení phishingu nebo ji přepošlu "
                    "jako přílohu na určenou adresu.",
                    "correct": True,
                    "feedback": "Ano, informatici tak mohou zablokovat odkaz pro celý úřad.",
                },
                {
                    "text": "Neodpovím odesílateli.",
                    "correct": True,
                    "feedback": "Ano, odpovědí byste potvrdili, že adresa je aktivní.",
                },
                {
                    "text": "Přepošlu ji kolegům s dotazem, zda je v pořádku.",
                    "correct": False,
                    "feedback": "Zvyšujete riziko, že na odkaz klikne někdo jiný.",
                },
                {
                    "text": "Smažu ji bez nahlášení, nic se nestalo.",
                    "correct": False,
                    "feedback": "Bez hlášení se informatici nedozví, že útok probíhá.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Podvodné telefonáty",
            "text": (
                "<p>Jednorázový ověřovací kód z SMS můžete sdělit pracovníkovi odboru "
                "informatiky, pokud vás o něj požádá telefonicky.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Jednorázový kód nesdělujte nikomu. Skutečný informatik ho "
                "k ničemu nepotřebuje; kdo o něj žádá, chce se přihlásit vaším "
                "jménem.</p>"
            ),
            "correct": False,
        },
    ],
}


# ---------------------------------------------------------------------------
# 3. Hesla a vícefaktorové ověření
# ---------------------------------------------------------------------------

_PASSWORDS = {
    "slug": "hesla-a-vicefaktorove-overeni",
    "title": "Hesla a vícefaktorové ověření",
    "summary": (
        "Jak vytvořit silnou přístupovou frázi, proč používat správce hesel a vícefaktorové "
        "ověření a proč se účty nesdílejí a obrazovka se zamyká."
    ),
    "estimated_minutes": 20,
    "risk_categories": ["passwords-access"],
    "required_from_level": "low",
    "refresher_months": 24,
    "audience": "all",
    "lessons": [
        {
            "slug": "silna-hesla-a-spravce-hesel",
            "title": "Silná hesla a správce hesel",
            "body": [
                (
                    "rich_text",
                    "<p>Heslo chrání váš přístup do e-mailu, spisové služby, agendových "
                    "informačních systémů i do základních registrů. Kdo zná vaše heslo, "
                    "jedná v systémech vaším jménem – nahlíží do osobních údajů, mění data, "
                    "odesílá dokumenty – a v záznamech systému se objeví vaše jméno.</p>"
                    "<h2>Délka je důležitější než složitost</h2>"
                    "<p>Útočníci hesla nehádají ručně. Používají seznamy miliard uniklých "
                    "hesel a programy, které zkoušejí obvyklé vzory: slovo s velkým "
                    "písmenem na začátku, číslici a vykřičník na konci, roční období "
                    "s rokem („Leto2025!“). Takové heslo splní pravidla složitosti, "
                    "a přesto padne během chvíle. Mnohem odolnější je dlouhá "
                    "<strong>přístupová fráze</strong> složená z několika nesouvisejících "
                    "slov. Dobře se pamatuje a díky délce ji nelze v rozumném čase "
                    "prolomit. Řiďte se minimální délkou podle vnitřních pravidel úřadu; "
                    "čím delší fráze, tím lépe.</p>"
                    "<h2>Co s hesly nedělat</h2>"
                    "<ul>"
                    "<li>Nepoužívejte stejné heslo na více místech. Když unikne heslo "
                    "z e-shopu, útočníci ho okamžitě vyzkouší i na vaší pracovní "
                    "poště.</li>"
                    "<li>Nepoužívejte pracovní heslo pro soukromé služby a naopak.</li>"
                    "<li>Nepište hesla na papírky pod klávesnici, na monitor ani do "
                    "nešifrovaného souboru „hesla.xlsx“.</li>"
                    "<li>Nevytvářejte hesla z dohledatelných údajů: jméno dítěte nebo psa, "
                    "datum narození, registrační značka auta.</li>"
                    "<li>Heslo nikomu neříkejte – ani kolegovi, ani vedoucímu, ani "
                    "informatikovi.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Jak vytvořit přístupovou frázi",
                        "text": (
                            "<p>Vyberte čtyři až pět slov, která spolu nesouvisejí, a spojte "
                            "je v obraz, který si snadno vybavíte. Nepoužívejte známé "
                            "citáty, verše ani texty písní – útočníci je mají ve svých "
                            "seznamech také.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Správce hesel</h2>"
                    "<p>Desítky různých dlouhých hesel si nikdo nezapamatuje. Proto "
                    "používejte <strong>správce hesel</strong> schválený odborem "
                    "informatiky. Pamatujete si jen jedno silné hlavní heslo a správce za "
                    "vás ostatní hesla vygeneruje, bezpečně uloží a vyplní. Navíc vyplní "
                    "heslo jen na skutečné adrese služby, takže vás částečně chrání "
                    "i před podvodnými přihlašovacími stránkami. Hesla uložená "
                    "v prohlížeči na sdíleném počítači nebo v poznámkách telefonu náhradou "
                    "správce hesel nejsou.</p>"
                    "<p>Heslo změňte vždy, když máte podezření, že ho mohl někdo zjistit – "
                    "například po phishingu nebo když jste ho zadali na cizím počítači. "
                    "Současná doporučení už nevyžadují pravidelné změny hesel bez důvodu; "
                    "řiďte se však pravidly svého úřadu.</p>",
                ),
                (
                    "key_points",
                    [
                        "Dlouhá přístupová fráze je silnější než krátké „složité“ heslo.",
                        "Každá služba má mít vlastní heslo; pracovní a soukromá hesla nemíchejte.",
                        "Používejte správce hesel schválený odborem informatiky.",
                        "Heslo měňte hned, jakmile máte podezření na jeho prozrazení.",
                    ],
                ),
            ],
        },
        {
            "slug": "vicefaktorove-overeni",
            "title": "Vícefaktorové ověření",
            "body": [
                (
                    "rich_text",
                    "<p>Vícefaktorové ověření (MFA) znamená, že k přihlášení nestačí jen "
                    "heslo. Potřebujete ještě druhý, odlišný faktor:</p>"
                    "<ul>"
                    "<li><strong>něco, co znáte</strong> – heslo nebo PIN;</li>"
                    "<li><strong>něco, co máte</strong> – telefon s ověřovací aplikací, "
                    "bezpečnostní klíč, čipovou kartu;</li>"
                    "<li><strong>něco, čím jste</strong> – otisk prstu nebo rozpoznání "
                    "obličeje.</li>"
                    "</ul>"
                    "<p>I když útočník heslo získá phishingem nebo z úniku dat, bez druhého "
                    "faktoru se nepřihlásí. MFA proto patří k nejúčinnějším opatřením "
                    "vůbec. Na úřadě je typicky vyžadováno pro vzdálený přístup přes VPN, "
                    "pro poštu a cloudové služby a pro účty správců systémů. Stejný princip "
                    "znáte i z běžného života: přihlášení bankovní identitou nebo "
                    "eObčankou k Portálu občana také stojí na více faktorech.</p>"
                    "<h2>Které metody jsou bezpečnější</h2>"
                    "<p>Nejodolnější jsou bezpečnostní klíče a přihlašování bez hesla "
                    "(passkeys), které nelze vylákat na podvodné stránce. Velmi dobrá je "
                    "ověřovací aplikace, zvlášť pokud po vás chce opsat číslo zobrazené na "
                    "obrazovce počítače. Kódy z SMS jsou lepší než nic, ale lze je "
                    "přesměrovat nebo vylákat.</p>"
                    "<h2>Útok únavou z notifikací</h2>"
                    "<p>Útočník, který už zná vaše heslo, se opakovaně pokouší přihlásit "
                    "a doufá, že žádost na telefonu nakonec ze zvyku nebo z otrávenosti "
                    "potvrdíte. Někdy k tomu ještě zavolá jako „informatik“: „Testujeme "
                    "systém, potvrďte prosím notifikaci.“ Platí jednoduché pravidlo: "
                    "<strong>nepotvrzujte žádné přihlášení, které jste sami "
                    "nezahájili.</strong> Nečekaná výzva znamená, že někdo zná vaše heslo – "
                    "odmítněte ji, heslo změňte a událost nahlaste helpdesku.</p>"
                    "<h2>Když telefon ztratíte nebo měníte</h2>"
                    "<p>Ztrátu nebo výměnu telefonu s ověřovací aplikací nahlaste odboru "
                    "informatiky dříve, než starý telefon vrátíte, prodáte nebo darujete. "
                    "Záložní kódy uchovávejte bezpečně, nikdy ne ve stejném telefonu.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Nečekaná výzva znamená poplach",
                        "text": (
                            "<p>Přijde-li vám žádost o schválení přihlášení, aniž byste se "
                            "právě přihlašovali, neklikejte na „Schválit“. Někdo jiný "
                            "právě zadal vaše heslo.</p>"
                        ),
                    },
                ),
                (
                    "key_points",
                    [
                        "MFA kombinuje nejméně dva různé faktory: co znáte, co máte, čím jste.",
                        "Bezpečnostní klíč nebo ověřovací aplikace jsou bezpečnější než SMS.",
                        "Nikdy neschvalujte přihlášení, které jste sami nezahájili.",
                        "Ztrátu nebo výměnu telefonu s ověřovací aplikací hlaste předem.",
                    ],
                ),
            ],
        },
        {
            "slug": "ucet-je-jen-vas",
            "title": "Účet je jen váš: sdílení, oprávnění a zamykání obrazovky",
            "body": [
                (
                    "rich_text",
                    "<h2>Jeden účet, jeden člověk</h2>"
                    "<p>Každý zaměstnanec má vlastní uživatelský účet a oprávnění "
                    "odpovídající jeho práci. Díky tomu lze zpětně zjistit, kdo co "
                    "v systému udělal – kdo nahlédl do evidence obyvatel, kdo změnil údaje "
                    "o příjemci dávky nebo kdo odeslal dokument z datové schránky. Když "
                    "své přihlašovací údaje někomu půjčíte, tato stopa se ztratí a za vše, "
                    "co se pod vaším účtem stane, odpovídáte vy.</p>"
                    "<p>Typické situace, kdy je pokušení velké:</p>"
                    "<ul>"
                    "<li>Nová kolegyně ještě nemá přístup do spisové služby, a tak "
                    "„zatím“ pracuje pod účtem vedoucí.</li>"
                    "<li>Referent před dovolenou sdělí heslo kolegovi, aby mu vyřizoval "
                    "poštu.</li>"
                    "<li>U přepážky podatelny je jeden „společný“ účet pro všechny "
                    "směny.</li>"
                    "</ul>"
                    "<p>Ve všech těchto případech je správnou cestou požádat o vlastní "
                    "oprávnění nebo o nastavení zastupování ve spisové službě a v poště. "
                    "Je to pomalejší, ale chrání to vás, kolegy i úřad.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "title": "Zastupování bez sdílení hesla",
                        "text": (
                            "<p>Spisová služba i pošta umožňují nastavit zástupce. Požádejte "
                            "o to vedoucího nebo helpdesk ještě před dovolenou, ne až "
                            "v jejím průběhu.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Přístup jen k tomu, co potřebujete</h2>"
                    "<p>Oprávnění se přidělují podle zásady nejnižších nutných oprávnění. "
                    "Když přejdete na jiný odbor, stará oprávnění se mají odebrat. Pokud "
                    "si všimnete, že stále vidíte agendu bývalého pracoviště, oznamte to "
                    "vedoucímu nebo helpdesku. Přístup, který nepotřebujete, je zbytečné "
                    "riziko: při napadení vašeho účtu ho zneužije útočník.</p>"
                    "<h2>Zamykejte obrazovku</h2>"
                    "<p>Když odcházíte od počítače, byť jen na chvíli ke kopírce nebo na "
                    "kávu, zamkněte obrazovku klávesovou zkratkou <strong>Windows + "
                    "L</strong>. U přepážky, kam vidí občané, a v kancelářích, kam chodí "
                    "návštěvy, to platí dvojnásob. Odemčený počítač je otevřenou branou do "
                    "všech systémů, ke kterým máte přístup – stačí pár vteřin na odeslání "
                    "e-mailu vaším jménem nebo na vyfocení obrazovky s osobními údaji. "
                    "Automatické zamčení po několika minutách nečinnosti je pojistka, "
                    "nikoli náhrada.</p>",
                ),
                (
                    "key_points",
                    [
                        "Svůj účet ani heslo nikomu nepůjčujte; za vše pod ním odpovídáte vy.",
                        "Místo sdílení hesla si nechte nastavit zastupování.",
                        "Nepotřebná oprávnění, například po přechodu na jiný odbor, nahlaste.",
                        "Při každém odchodu od počítače stiskněte Windows + L.",
                    ],
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "topic": "Silná hesla",
            "text": "<p>Které z uvedených hesel je nejodolnější proti prolomení?</p>",
            "explanation": (
                "<p>Délka je důležitější než složitost. Fráze z několika nesouvisejících "
                "slov je mnohem odolnější než krátká hesla podle obvyklých vzorů, která "
                "útočníci zkoušejí jako první.</p>"
            ),
            "choices": [
                {
                    "text": "Praha2025!",
                    "correct": False,
                    "feedback": "Slovo, rok a vykřičník je jeden z nejčastějších vzorů.",
                },
                {
                    "text": "P@ssw0rd",
                    "correct": False,
                    "feedback": "Nahrazení písmen znaky útočníci znají; heslo je v každém seznamu.",
                },
                {
                    "text": "modrá konvice tančí u rybníka",
                    "correct": True,
                    "feedback": "Správně. Dlouhá fráze z nesouvisejících slov je velmi "
                    "odolná. Tuto konkrétní frázi ale nepoužívejte.",
                },
                {
                    "text": "Jan.Novak1975",
                    "correct": False,
                    "feedback": "Jméno a rok narození lze snadno dohledat.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Silná hesla",
            "text": (
                "<p>Stejné heslo pro pracovní poštu i soukromý e-shop je v pořádku, pokud "
                "je dostatečně dlouhé.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Když e-shop unikne, útočníci uniklé heslo automaticky "
                "vyzkoušejí i na dalších službách. Každá služba musí mít vlastní "
                "heslo.</p>"
            ),
            "correct": False,
        },
        {
            "type": "multiple",
            "topic": "Správce hesel",
            "text": (
                "<p>Jaké jsou výhody správce hesel schváleného úřadem? Vyberte všechny "
                "správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Správce hesel generuje a ukládá unikátní hesla a vyplňuje je jen na "
                "správných adresách. Hlavní heslo si ale pamatovat musíte a účty se "
                "dál nesdílejí.</p>"
            ),
            "choices": [
                {
                    "text": "Vygeneruje pro každou službu jiné dlouhé heslo.",
                    "correct": True,
                    "feedback": "Ano, opakované použití hesel tak odpadá.",
                },
                {
                    "text": "Vyplní heslo jen na skutečné adrese služby, což pomáhá proti "
                    "phishingu.",
                    "correct": True,
                    "feedback": "Ano, na podvodné stránce heslo nenabídne.",
                },
                {
                    "text": "Nemusíte si pamatovat žádné heslo.",
                    "correct": False,
                    "feedback": "Hlavní heslo (frázi) si pamatovat musíte a musí být silné.",
                },
                {
                    "text": "Hesla lze snadno sdílet s kolegy místo zřizování vlastních účtů.",
                    "correct": False,
                    "feedback": "Účty se nesdílejí; každý má mít vlastní přístup.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Vícefaktorové ověření",
            "text": (
                "<p>Telefon vám zobrazí žádost o schválení přihlášení, ale vy se právě "
                "nepřihlašujete. Co uděláte?</p>"
            ),
            "explanation": (
                "<p>Nečekaná výzva znamená, že někdo zná vaše heslo. Žádost je nutné "
                "odmítnout, heslo změnit a událost nahlásit.</p>"
            ),
            "choices": [
                {
                    "text": "Schválím ji, asi jde o aktualizaci systému.",
                    "correct": False,
                    "feedback": "Tím byste útočníka pustili do svého účtu.",
                },
                {
                    "text": "Budu ji ignorovat, dokud nepřestane.",
                    "correct": False,
                    "feedback": "Útočník zná vaše heslo; ignorováním problém nezmizí.",
                },
                {
                    "text": "Odmítnu ji, změním heslo a nahlásím to helpdesku.",
                    "correct": True,
                    "feedback": "Správně. Tak útočníka zastavíte a informatici mohou "
                    "prověřit, co se stalo.",
                },
                {
                    "text": "Schválím ji a potom si změním heslo.",
                    "correct": False,
                    "feedback": "Po schválení už útočník může být přihlášen.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Vícefaktorové ověření",
            "text": ("<p>Vícefaktorové ověření chrání účet i tehdy, když útočník zná heslo.</p>"),
            "explanation": (
                "<p>Pravda. Bez druhého faktoru – telefonu, klíče nebo karty – se útočník "
                "nepřihlásí. Proto nikdy neschvalujte výzvy, které jste nezahájili, "
                "a nesdělujte jednorázové kódy.</p>"
            ),
            "correct": True,
        },
        {
            "type": "multiple",
            "topic": "Vícefaktorové ověření",
            "text": (
                "<p>Které kombinace představují skutečné vícefaktorové ověření? Vyberte "
                "všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Vícefaktorové ověření kombinuje faktory různého druhu. Heslo a PIN "
                "nebo heslo a bezpečnostní otázka jsou dvě věci, které znáte – jde "
                "stále o jediný faktor.</p>"
            ),
            "choices": [
                {
                    "text": "Heslo a kód z ověřovací aplikace v telefonu.",
                    "correct": True,
                    "feedback": "Ano, kombinuje co znáte a co máte.",
                },
                {
                    "text": "Čipová karta a PIN.",
                    "correct": True,
                    "feedback": "Ano, karta je co máte, PIN co znáte.",
                },
                {
                    "text": "Heslo a PIN.",
                    "correct": False,
                    "feedback": "Obojí jsou znalosti; jde o jeden druh faktoru.",
                },
                {
                    "text": "Heslo a odpověď na bezpečnostní otázku.",
                    "correct": False,
                    "feedback": "Odpověď na otázku je také znalost a často jde dohledat.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Sdílení účtů",
            "text": (
                "<p>Nová kolegyně zatím nemá přístup do spisové služby a potřebuje "
                "pracovat. Jak postupujete?</p>"
            ),
            "explanation": (
                "<p>Účty se nesdílejí. Správně je požádat o přidělení oprávnění "
                "a do té doby kolegyni zadávat práci, kterou zvládne bez cizího "
                "účtu.</p>"
            ),
            "choices": [
                {
                    "text": "Půjčím jí své přihlašovací údaje.",
                    "correct": False,
                    "feedback": "Za vše pod vaším účtem byste odpovídali vy a stopa "
                    "by se ztratila.",
                },
                {
                    "text": "Přihlásím se a nechám ji pracovat u svého počítače.",
                    "correct": False,
                    "feedback": "I to je sdílení účtu; záznamy by ukazovaly vaše jméno.",
                },
                {
                    "text": "Požádám vedoucího nebo helpdesk o přidělení oprávnění a do té "
                    "doby jí zadám jinou práci.",
                    "correct": True,
                    "feedback": "Správně. Každý musí pracovat pod vlastním účtem.",
                },
                {
                    "text": "Napíšu jí heslo na papírek a zítra si ho změním.",
                    "correct": False,
                    "feedback": "Ani dočasné sdílení hesla není přípustné.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Zamykání obrazovky",
            "text": (
                "<p>Když počítač sám zamyká obrazovku po deseti minutách nečinnosti, "
                "nemusím ji při krátkém odchodu zamykat ručně.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Deset minut je dost času na odeslání e-mailu vaším jménem "
                "nebo vyfocení obrazovky. Automatické zamčení je pojistka; při každém "
                "odchodu stiskněte Windows + L.</p>"
            ),
            "correct": False,
        },
        {
            "type": "single",
            "topic": "Přístupová oprávnění",
            "text": (
                "<p>Před měsícem jste přešli z odboru dopravy na odbor sociálních věcí "
                "a zjistíte, že stále vidíte agendu registru vozidel. Co uděláte?</p>"
            ),
            "explanation": (
                "<p>Nepotřebná oprávnění jsou zbytečným rizikem a mají se odebrat. "
                "Oznamte to vedoucímu nebo helpdesku.</p>"
            ),
            "choices": [
                {
                    "text": "Nechám to být, třeba se to někdy hodí.",
                    "correct": False,
                    "feedback": "Nepotřebný přístup může zneužít útočník i zvědavost.",
                },
                {
                    "text": "Oznámím to vedoucímu nebo helpdesku, aby oprávnění odebrali.",
                    "correct": True,
                    "feedback": "Správně. Oprávnění mají odpovídat aktuální práci.",
                },
                {
                    "text": "Nic nedělám, je to starost odboru informatiky.",
                    "correct": False,
                    "feedback": "Informatici o chybě nemusí vědět; upozornění pomůže.",
                },
                {
                    "text": "Přístup předám bývalému kolegovi z odboru dopravy.",
                    "correct": False,
                    "feedback": "Oprávnění se nepředávají; kolega má mít svůj účet.",
                },
            ],
        },
    ],
}


# ---------------------------------------------------------------------------
# 4. Čistý stůl a fyzická bezpečnost
# ---------------------------------------------------------------------------

_PHYSICAL = {
    "slug": "cisty-stul-a-fyzicka-bezpecnost",
    "title": "Čistý stůl a fyzická bezpečnost",
    "summary": (
        "Jak chránit dokumenty a pracoviště před nepovolanýma očima: čistý stůl, návštěvy "
        "a průkazy, zamčené kanceláře, podatelna, tiskárny a bezpečná likvidace papíru."
    ),
    "estimated_minutes": 20,
    "risk_categories": ["physical-security"],
    "required_from_level": "medium",
    "refresher_months": 24,
    "audience": "all",
    "lessons": [
        {
            "slug": "cisty-stul-a-obrazovka",
            "title": "Čistý stůl a čistá obrazovka",
            "body": [
                (
                    "rich_text",
                    "<p>Zásada <strong>čistého stolu</strong> říká, že na pracovním stole "
                    "nenecháváme bez dozoru dokumenty, nosiče dat ani poznámky s citlivými "
                    "informacemi. Zní to banálně, ale velká část úniků informací na "
                    "úřadech nevzniká hackerským útokem, nýbrž tím, že někdo uvidí, co "
                    "vidět neměl: úklidová služba, návštěva čekající u stolu referenta, "
                    "řemeslník opravující topení nebo občan nahlížející přes přepážku.</p>"
                    "<h2>Na konci dne</h2>"
                    "<ul>"
                    "<li>Spisy, žádosti a výtisky s osobními údaji uložte do uzamykatelné "
                    "skříně nebo kontejneru a klíč si vezměte nebo ho uložte na určené "
                    "místo.</li>"
                    "<li>Flash disky, externí disky a služební telefon nenechávejte volně "
                    "na stole.</li>"
                    "<li>Z tabule a flipchartu smažte poznámky z porady, zejména jména "
                    "a čísla spisů.</li>"
                    "<li>Odhlaste se nebo počítač zamkněte; podle pokynů odboru informatiky "
                    "ho na noc vypněte, nebo nechte zapnutý kvůli aktualizacím.</li>"
                    "<li>Zavřete okna a zamkněte kancelář.</li>"
                    "</ul>"
                    "<h2>Během dne</h2>"
                    "<p>Když přichází návštěva nebo klient, otočte či zakryjte dokumenty, "
                    "které se ho netýkají. Sociální pracovnice, která vede rozhovor "
                    "s klientem, nemá mít na stole rozložené spisy dalších rodin. Na "
                    "monitoru mějte otevřenou jen věc, kterou s návštěvou řešíte; "
                    "u přepážek pomáhá privátní filtr a vhodné natočení obrazovky.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Pětiminutový úklid",
                        "text": (
                            "<p>Nastavte si v kalendáři opakovanou připomínku pět minut před "
                            "koncem pracovní doby. Úklid stolu se tak stane zvykem, ne "
                            "výjimkou.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Poznámky a lepíky</h2>"
                    "<p>Papírek s heslem na monitoru, seznam telefonních čísel klientů "
                    "u klávesnice nebo lepík „Novák – exekuce – zavolat“ na skříni jsou "
                    "přesně ty informace, které si zvědavec rád přečte a útočník vyfotí. "
                    "Poznámky s osobními údaji patří do spisu, ne na lepík.</p>"
                    "<h2>Sdílené kanceláře</h2>"
                    "<p>V kancelářích, kde sedí lidé z více oddělení nebo kam chodí "
                    "stážisté a brigádníci, platí zásada „potřeba znát“ i mezi kolegy. "
                    "Kolega z odboru dopravy nemusí vidět spis z přestupkového řízení ani "
                    "posudek pro příspěvek na péči. Citlivé telefonáty vyřizujte tak, aby "
                    "je neslyšeli ti, kterých se netýkají.</p>",
                ),
                (
                    "key_points",
                    [
                        "Na konci dne zamkněte spisy, nosiče dat i kancelář.",
                        "Před návštěvou zakryjte dokumenty a zavřete okna, která se jí netýkají.",
                        "Osobní údaje nepatří na lepíky, tabule ani flipcharty.",
                        "I mezi kolegy platí, že vidí jen to, co potřebují ke své práci.",
                    ],
                ),
            ],
        },
        {
            "slug": "navstevy-prukazy-a-dvere",
            "title": "Návštěvy, průkazy a zamčené dveře",
            "body": [
                (
                    "rich_text",
                    "<p>Magistrát je veřejná budova: denně jím projdou stovky občanů, "
                    "dodavatelů, kurýrů a řemeslníků. Veřejně přístupné mají být jen "
                    "prostory určené pro styk s veřejností – podatelna, přepážky, čekárny, "
                    "obřadní síň. Kanceláře, serverovny, spisovny a archivy mezi ně "
                    "nepatří.</p>"
                    "<h2>Identifikační průkazy</h2>"
                    "<ul>"
                    "<li>Zaměstnanecký průkaz noste v neveřejných prostorách viditelně. "
                    "Mimo budovu ho schovejte – logo úřadu na šňůrce prozrazuje, kde "
                    "pracujete.</li>"
                    "<li>Průkaz ani čip nikomu nepůjčujte. Ztrátu okamžitě nahlaste, aby "
                    "mohl být zablokován.</li>"
                    "<li>Návštěvy do neveřejných prostor dostávají návštěvnický průkaz, "
                    "zapisují se do evidence návštěv a pohybují se s doprovodem.</li>"
                    "</ul>"
                    "<h2>Neprocházejte za cizími</h2>"
                    "<p>Nejjednodušší způsob, jak se dostat do chráněné části budovy, je "
                    "projít za někým, kdo otevřel dveře čipem. Útočník nese krabici, "
                    "telefonuje nebo se tváří spěšně a zdvořilý zaměstnanec mu podrží "
                    "dveře. Správné je zdvořile se zeptat: „Koho hledáte? Doprovodím vás "
                    "na recepci.“ Skutečný dodavatel s tím počítá a neurazí se.</p>"
                    "<h2>Technici a neohlášené návštěvy</h2>"
                    "<p>„Jdu vyměnit toner“, „kontrola hasicích přístrojů“, „měřím signál "
                    "Wi-Fi“. Servisní zásahy bývají ohlášeny správou budovy nebo odborem "
                    "informatiky. Pokud o návštěvě nevíte, ověřte si ji telefonicky, než "
                    "technika pustíte k počítači, síťové zásuvce nebo do serverovny. "
                    "Cizí osobu nikdy nenechávejte v kanceláři o samotě.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Útočníci zneužívají zdvořilost",
                        "text": (
                            "<p>Podržet dveře je slušnost – ale ne u vstupu do neveřejné "
                            "části budovy. Zeptat se cizího člověka, koho hledá, je stejně "
                            "slušné a navíc bezpečné.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Zamčené dveře a okna</h2>"
                    "<p>Kancelář zamykejte, i když odcházíte jen na poradu do jiného patra. "
                    "Spisovny, archivy a serverovny jsou přístupné jen určeným osobám "
                    "a jejich klíče se vydávají proti podpisu. Dveře na čip nepodkládejte "
                    "klínem kvůli větrání a nepřelepujte zámky páskou. Když zjistíte "
                    "poškozený zámek, otevřené okno v přízemí po pracovní době nebo "
                    "někoho, kdo se pohybuje v neveřejné části bez průkazu, oznamte to "
                    "správě budovy nebo ostraze.</p>",
                ),
                (
                    "key_points",
                    [
                        "Průkaz noste v budově viditelně a nikomu ho nepůjčujte.",
                        "Nikoho nepouštějte za sebou do neveřejné části budovy.",
                        "Neohlášeného technika si ověřte, než ho pustíte k počítači.",
                        "Kancelář zamykejte i při krátkém odchodu.",
                    ],
                ),
            ],
        },
        {
            "slug": "podatelna-tiskarny-a-skartace",
            "title": "Podatelna, tiskárny a likvidace dokumentů",
            "body": [
                (
                    "rich_text",
                    "<h2>Podatelna a přepážky</h2>"
                    "<p>Podatelna je místo, kde se úřad potkává s veřejností nejčastěji "
                    "a kde se zároveň soustřeďuje nejvíce dokumentů od různých lidí. Proto "
                    "tu platí zvláštní pravidla:</p>"
                    "<ul>"
                    "<li>Přijaté dokumenty nenechávejte na pultu, kde je může číst další "
                    "člověk ve frontě; zaevidujte je a uložte mimo dosah veřejnosti.</li>"
                    "<li>Obrazovku natočte tak, aby na ni klient neviděl, a při odchodu "
                    "od přepážky ji zamkněte.</li>"
                    "<li>O obsahu podání mluvte tiše a jen s tím, koho se týká. Ve frontě "
                    "může stát soused žadatele.</li>"
                    "<li>Informace o stavu řízení sdělujte jen účastníkovi nebo jeho "
                    "zmocněnci po ověření totožnosti.</li>"
                    "<li>Úřední razítka mějte pod kontrolou a mimo úřední hodiny je "
                    "zamkněte.</li>"
                    "</ul>"
                    "<h2>Tiskárny a kopírky</h2>"
                    "<p>Zapomenutý výtisk v síťové tiskárně na chodbě je jedním "
                    "z nejčastějších drobných úniků. Používejte zabezpečený tisk, kdy se "
                    "dokument vytiskne až po přiložení průkazu nebo zadání PINu u tiskárny. "
                    "Tiskněte jen to, co opravdu potřebujete na papíře, a výtisk si "
                    "vyzvedněte hned. Najdete-li v tiskárně cizí dokument s osobními "
                    "údaji, nenechávejte ho tam – předejte ho autorovi nebo jeho "
                    "vedoucímu. Multifunkční zařízení navíc ukládají skenované a tištěné "
                    "dokumenty na vlastní disk; jeho bezpečné vymazání při výměně nebo "
                    "vyřazení zajišťuje odbor informatiky s dodavatelem.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Skartovačka není skartační řízení",
                        "text": (
                            "<p>Pracovní kopie a koncepty patří do skartovačky. Dokumenty "
                            "evidované ve spisové službě ale referent sám zničit nesmí – "
                            "vyřazují se až ve skartačním řízení.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Likvidace papíru a nosičů dat</h2>"
                    "<p>Papíry s osobními nebo interními údaji nikdy nevyhazujte do "
                    "běžného koše ani do tříděného papíru. Pracovní kopie, koncepty "
                    "a chybné výtisky patří do skartovačky nebo do uzamčeného kontejneru "
                    "na dokumenty určené k bezpečné likvidaci. Dokumenty evidované ve "
                    "spisové službě se však nesmějí ničit svévolně: vyřazují se až po "
                    "uplynutí skartační lhůty ve skartačním řízení, o kterém se více "
                    "dozvíte v kurzu o spisové službě. Stejně pečlivě je třeba naložit "
                    "s vyřazenými nosiči dat – flash disky, pevnými disky, CD a DVD. "
                    "Předejte je odboru informatiky, který zajistí jejich bezpečné "
                    "zničení.</p>",
                ),
                (
                    "key_points",
                    [
                        "Na pultu podatelny nenechávejte žádné dokumenty bez dozoru.",
                        "Používejte zabezpečený tisk a výtisky vyzvedávejte hned.",
                        "Papíry s osobními údaji likvidujte skartovačkou, nikdy v koši.",
                        "Evidované dokumenty se vyřazují jen ve skartačním řízení.",
                    ],
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "topic": "Čistý stůl",
            "text": (
                "<p>Končí pracovní doba a na stole máte rozpracované spisy, které budete "
                "zítra potřebovat. Co s nimi?</p>"
            ),
            "explanation": (
                "<p>Spisy s osobními údaji patří na noc do uzamykatelné skříně nebo "
                "kontejneru. Kancelář mohou večer navštívit úklidová služba, ostraha nebo "
                "řemeslníci.</p>"
            ),
            "choices": [
                {
                    "text": "Nechám je na stole, ráno s nimi budu pokračovat.",
                    "correct": False,
                    "feedback": "Přes noc může kancelář navštívit řada lidí.",
                },
                {
                    "text": "Uložím je do uzamykatelné skříně.",
                    "correct": True,
                    "feedback": "Správně. Zamčené spisy nikdo nepovolaný nepřečte.",
                },
                {
                    "text": "Přikryji je novinami.",
                    "correct": False,
                    "feedback": "Noviny nikoho nezastaví, stačí je zvednout.",
                },
                {
                    "text": "Dám je do nezamčeného šuplíku.",
                    "correct": False,
                    "feedback": "Nezamčený šuplík ochranu neposkytuje.",
                },
            ],
        },
        {
            "type": "multiple",
            "topic": "Čistý stůl",
            "text": (
                "<p>Co nepatří na pracovní stůl, když od něj na delší dobu odcházíte? "
                "Vyberte všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Bez dozoru nesmí zůstat hesla, nosiče dat ani dokumenty s osobními "
                "údaji. Veřejně dostupné materiály, jako jízdní řád MHD, riziko "
                "nepředstavují.</p>"
            ),
            "choices": [
                {
                    "text": "Lepík s heslem do spisové služby.",
                    "correct": True,
                    "feedback": "Ano, heslo nesmí být zapsané nikde na pracovišti.",
                },
                {
                    "text": "Nešifrovaný flash disk s tabulkou klientů.",
                    "correct": True,
                    "feedback": "Ano, flash disk se snadno ztratí nebo odnese.",
                },
                {
                    "text": "Spis přestupkového řízení.",
                    "correct": True,
                    "feedback": "Ano, spis obsahuje osobní údaje účastníků.",
                },
                {
                    "text": "Vytištěný jízdní řád městské hromadné dopravy.",
                    "correct": False,
                    "feedback": "Jde o veřejnou informaci, jejíž vyzrazení nic neohrožuje.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Návštěvy a vstup do budovy",
            "text": (
                "<p>Když za vámi k zamčeným dveřím neveřejné části budovy spěchá cizí "
                "člověk s krabicí, je správné mu dveře podržet.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Procházení za někým, kdo otevřel čipem, je nejjednodušší "
                "způsob neoprávněného vstupu. Zdvořile se zeptejte, koho hledá, "
                "a doprovoďte ho na recepci.</p>"
            ),
            "correct": False,
        },
        {
            "type": "single",
            "topic": "Návštěvy a vstup do budovy",
            "text": (
                "<p>Do kanceláře přijde neohlášený technik, že musí zkontrolovat váš "
                "počítač. Jak postupujete?</p>"
            ),
            "explanation": (
                "<p>Servisní zásahy bývají ohlášeny. Neohlášenou návštěvu si ověřte "
                "u správy budovy nebo na helpdesku a technika nenechávejte samotného.</p>"
            ),
            "choices": [
                {
                    "text": "Pustím ho, technici přece chodí běžně.",
                    "correct": False,
                    "feedback": "Falešný technik je klasický trik sociálního inženýrství.",
                },
                {
                    "text": "Ověřím si návštěvu na helpdesku nebo u správy budovy a do té "
                    "doby ho k počítači nepustím.",
                    "correct": True,
                    "feedback": "Správně. Skutečný technik na ověření počká.",
                },
                {
                    "text": "Požádám ho o vizitku a pustím ho.",
                    "correct": False,
                    "feedback": "Vizitku si může vytisknout kdokoli.",
                },
                {
                    "text": "Pustím ho a mezitím si odběhnu na oběd.",
                    "correct": False,
                    "feedback": "Cizí osobu nikdy nenechávejte v kanceláři samotnou.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Identifikační průkazy",
            "text": "<p>Zaměstnanecký průkaz je vhodné mimo budovu úřadu schovat.</p>",
            "explanation": (
                "<p>Pravda. Průkaz s logem úřadu prozrazuje, kde pracujete, a dá se "
                "vyfotit a napodobit. V neveřejných prostorách úřadu ho naopak noste "
                "viditelně.</p>"
            ),
            "correct": True,
        },
        {
            "type": "single",
            "topic": "Podatelna",
            "text": (
                "<p>Na pultu podatelny zůstalo podání předchozího žadatele a k přepážce "
                "právě přichází další člověk. Co uděláte?</p>"
            ),
            "explanation": (
                "<p>Přijaté dokumenty se na pultu nenechávají. Je třeba je zaevidovat "
                "a uložit mimo dosah veřejnosti.</p>"
            ),
            "choices": [
                {
                    "text": "Nechám ho tam, zaeviduji ho později.",
                    "correct": False,
                    "feedback": "Další klient by mohl podání přečíst nebo odnést.",
                },
                {
                    "text": "Podání ihned uklidím mimo dosah veřejnosti a zaeviduji.",
                    "correct": True,
                    "feedback": "Správně. Pult má být při obsluze dalšího klienta prázdný.",
                },
                {
                    "text": "Otočím ho textem dolů a obsloužím dalšího klienta.",
                    "correct": False,
                    "feedback": "Dokument by zůstal na dosah cizího člověka.",
                },
                {
                    "text": "Nahlas zavolám jméno žadatele, jestli si ho nechce vzít zpět.",
                    "correct": False,
                    "feedback": "Tím byste jméno žadatele sdělili všem v čekárně.",
                },
            ],
        },
        {
            "type": "multiple",
            "topic": "Tiskárny",
            "text": (
                "<p>Které zásady pro tisk na síťových tiskárnách jsou správné? Vyberte "
                "všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Zabezpečený tisk, okamžité vyzvednutí výtisku a předání cizího "
                "dokumentu autorovi brání drobným, ale častým únikům.</p>"
            ),
            "choices": [
                {
                    "text": "Používat zabezpečený tisk s přiložením průkazu nebo PINem.",
                    "correct": True,
                    "feedback": "Ano, dokument se vytiskne, až když stojíte u tiskárny.",
                },
                {
                    "text": "Vyzvednout výtisk hned po odeslání do tiskárny.",
                    "correct": True,
                    "feedback": "Ano, zapomenutý výtisk si může vzít kdokoli.",
                },
                {
                    "text": "Cizí výtisk s osobními údaji předat autorovi nebo jeho vedoucímu.",
                    "correct": True,
                    "feedback": "Ano, v tiskárně by ho mohl najít někdo další.",
                },
                {
                    "text": "Tisknout všechno pro jistotu i na papír.",
                    "correct": False,
                    "feedback": "Každý výtisk navíc je další dokument, který je nutné "
                    "chránit a zlikvidovat.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Likvidace dokumentů",
            "text": (
                "<p>Vytiskli jste si koncept dopisu s rodným číslem žadatele a už ho "
                "nepotřebujete. Kam s ním?</p>"
            ),
            "explanation": (
                "<p>Pracovní kopie s osobními údaji se likvidují skartovačkou nebo "
                "prostřednictvím uzamčeného kontejneru na dokumenty k bezpečné "
                "likvidaci.</p>"
            ),
            "choices": [
                {
                    "text": "Do koše pod stolem.",
                    "correct": False,
                    "feedback": "Obsah koše může přečíst kdokoli, kdo s odpadem manipuluje.",
                },
                {
                    "text": "Do kontejneru na tříděný papír.",
                    "correct": False,
                    "feedback": "Tříděný papír nikdo nechrání.",
                },
                {
                    "text": "Do skartovačky nebo uzamčeného kontejneru na skartaci.",
                    "correct": True,
                    "feedback": "Správně. Tak se údaje nedostanou k nikomu dalšímu.",
                },
                {
                    "text": "Vezmu ho domů a spálím.",
                    "correct": False,
                    "feedback": "Dokumenty s osobními údaji z úřadu zbytečně nevynášejte.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Likvidace dokumentů",
            "text": (
                "<p>Dokument evidovaný ve spisové službě může referent skartovat, jakmile "
                "věc vyřídí.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Evidované dokumenty se vyřazují až po uplynutí skartační "
                "lhůty ve skartačním řízení za účasti archivu. Skartovačka je určena "
                "jen pro pracovní kopie a koncepty.</p>"
            ),
            "correct": False,
        },
    ],
}


# ---------------------------------------------------------------------------
# 5. Spisová služba, datové schránky a e-mail
# ---------------------------------------------------------------------------

_RECORDS = {
    "slug": "spisova-sluzba-a-e-mail",
    "title": "Spisová služba, datové schránky a e-mail",
    "summary": (
        "Proč a jak evidujeme dokumenty ve spisové službě, jak bezpečně pracovat s datovou "
        "schránkou, e-mailem a přílohami a jak se dokumenty ukládají, archivují a vyřazují."
    ),
    "estimated_minutes": 30,
    "risk_categories": ["records-management"],
    "required_from_level": "medium",
    "refresher_months": 24,
    "audience": "all",
    "lessons": [
        {
            "slug": "proc-evidujeme-dokumenty",
            "title": "Spisová služba: proč evidujeme každý dokument",
            "body": [
                (
                    "rich_text",
                    "<p><strong>Spisová služba</strong> je odborná správa dokumentů, které "
                    "úřad přijal nebo vytvořil: jejich příjem, evidence, rozdělování, "
                    "oběh, vyřizování, vyhotovování, podepisování, odesílání, ukládání "
                    "a vyřazování ve skartačním řízení. Povinnost ji vykonávat ukládá "
                    "obcím zákon č. 499/2004 Sb., o archivnictví a spisové službě, a jeho "
                    "prováděcí předpisy. Města a obce ji vedou v elektronickém systému "
                    "spisové služby.</p>"
                    "<h2>Proč na evidenci záleží</h2>"
                    "<ul>"
                    "<li><strong>Průkaznost</strong> – úřad musí umět doložit, kdy dokument "
                    "přijal, kdo ho vyřizoval a kdy a jak odešla odpověď. Na tom závisí "
                    "běh lhůt ve správním řízení.</li>"
                    "<li><strong>Dohledatelnost</strong> – když onemocníte nebo odejdete, "
                    "musí kolega spis najít a pokračovat v práci.</li>"
                    "<li><strong>Ochrana údajů</strong> – spisová služba řídí, kdo má "
                    "k dokumentu přístup, a zaznamenává, kdo s ním pracoval.</li>"
                    "<li><strong>Paměť města</strong> – část dokumentů jednou převezme "
                    "archiv a stanou se trvalou součástí historie obce.</li>"
                    "</ul>"
                    "<h2>Základní pojmy</h2>"
                    "<p>Každý doručený i vlastní dokument dostane při evidenci jednoznačný "
                    "identifikátor a <strong>číslo jednací</strong>. Dokumenty k jedné věci "
                    "se spojují do <strong>spisu</strong> – například veškerá "
                    "korespondence ke konkrétnímu stavebnímu řízení. Dokumenty a spisy se "
                    "zatřiďují podle <strong>spisového a skartačního plánu</strong>, který "
                    "určuje spisový znak, <strong>skartační znak</strong> a "
                    "<strong>skartační lhůtu</strong>. Zpracovatel věc vyřídí a spis "
                    "uzavře; poté se spis uloží do spisovny.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "title": "Spisový řád úřadu",
                        "text": (
                            "<p>Podrobná pravidla – kdo smí evidovat, jak se zastupuje, jak "
                            "se spisy předávají do spisovny – stanoví spisový řád vašeho "
                            "úřadu. Najdete ho v intranetu a správce spisové služby vám "
                            "s ním rád pomůže.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Co se eviduje</h2>"
                    "<p>Evidovat je nutné všechny dokumenty, které úřad v rámci své "
                    "činnosti přijal nebo vytvořil – tedy i žádost doručenou e-mailem "
                    "přímo referentovi, dopis předaný osobně na jednání nebo podnět "
                    "přijatý telefonicky a zachycený v úředním záznamu. Přijde-li vám "
                    "úřední podání do osobní schránky, nevyřizujte ho „bokem“. Předejte ho "
                    "k zaevidování podatelně, nebo ho zaevidujte sami, má-li k tomu vaše "
                    "pracoviště oprávnění. Neevidují se jen dokumenty, které spisový řád "
                    "výslovně vyjímá, například reklamní nabídky nebo tiskoviny.</p>",
                ),
                (
                    "key_points",
                    [
                        "Spisovou službu obcím ukládá zákon č. 499/2004 Sb.",
                        "Evidují se všechny přijaté i vytvořené úřední dokumenty, bez ohledu "
                        "na cestu doručení.",
                        "Spisový a skartační plán určuje spisový znak, skartační znak a lhůtu.",
                        "Úřední podání doručené do osobní pošty předejte k evidenci.",
                    ],
                ),
            ],
        },
        {
            "slug": "datove-schranky-a-e-mail",
            "title": "Datové schránky a e-mail v úřední komunikaci",
            "body": [
                (
                    "rich_text",
                    "<p><strong>Datová schránka</strong> je elektronické úložiště určené "
                    "k doručování písemností orgánů veřejné moci a k provádění úkonů vůči "
                    "nim. Orgány veřejné moci mají datovou schránku zřízenou ze zákona. Má-"
                    "li adresát zpřístupněnou datovou schránku, doručuje mu úřad "
                    "přednostně do ní, nikoli poštou či e-mailem.</p>"
                    "<h2>Doručení a lhůty</h2>"
                    "<p>Písemnost dodaná do datové schránky je doručena okamžikem, kdy se "
                    "do schránky přihlásí osoba s oprávněním k přístupu k dokumentu. "
                    "Nepřihlásí-li se nikdo do deseti dnů od dodání, považuje se písemnost "
                    "za doručenou posledním dnem této lhůty. Pro úřad z toho plyne dvojí: "
                    "datovou schránku úřadu je nutné kontrolovat a zprávy předávat "
                    "k evidenci každý pracovní den, a u odeslaných písemností máme přesný "
                    "doklad o dodání a doručení, který patří do spisu.</p>"
                    "<h2>Zásady práce s datovou schránkou</h2>"
                    "<ul>"
                    "<li>K datové schránce úřadu mají přístup jen pověření zaměstnanci, "
                    "každý s vlastními přístupovými údaji.</li>"
                    "<li>Přijaté datové zprávy se evidují ve spisové službě.</li>"
                    "<li>Zprávy zůstávají v datové schránce jen omezenou dobu (standardně "
                    "90 dní od doručení), schránka proto neslouží jako archiv.</li>"
                    "<li>Pozor na podvodné e-maily, které se tváří jako upozornění na novou "
                    "datovou zprávu a vedou na falešnou přihlašovací stránku.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Ukládejte celou datovou zprávu",
                        "text": (
                            "<p>Do spisu patří celá datová zpráva (soubor ZFO) včetně "
                            "doručenky, ne jen vytištěná příloha. Jen z ní lze později "
                            "doložit, kdo, kdy a co poslal.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>E-mail v úřední komunikaci</h2>"
                    "<p>Úřad přijímá podání i e-mailem prostřednictvím elektronické "
                    "podatelny. Podání ve správním řízení zaslané prostým e-mailem bez "
                    "uznávaného elektronického podpisu však musí podatel zpravidla do pěti "
                    "dnů potvrdit nebo doplnit. Nejste-li si jisti, jak s takovým podáním "
                    "naložit, podívejte se do spisového řádu nebo se zeptejte vedoucího.</p>"
                    "<p>Úřední písemnosti, u nichž je nutné prokázat doručení – "
                    "rozhodnutí, výzvy, předvolání – odesíláme datovou schránkou nebo "
                    "poštou podle pravidel doručování, nikoli obyčejným e-mailem. E-mail je "
                    "vhodný pro neformální komunikaci, a i tehdy musí odejít z pracovní "
                    "adresy, nikdy ze soukromé.</p>",
                ),
                (
                    "key_points",
                    [
                        "Adresátovi s datovou schránkou doručujeme přednostně do ní.",
                        "Datovou schránku úřadu je nutné kontrolovat každý pracovní den.",
                        "Do spisu se ukládá celá datová zpráva včetně doručenky.",
                        "Rozhodnutí a výzvy se neposílají obyčejným e-mailem.",
                    ],
                ),
            ],
        },
        {
            "slug": "prilohy-preposilani-a-klasifikace",
            "title": "Přílohy, přeposílání a klasifikace informací",
            "body": [
                (
                    "rich_text",
                    "<h2>Přílohy</h2>"
                    "<p>E-mail není bezpečné úložiště ani spolehlivý kanál pro citlivé "
                    "dokumenty. Každá příloha se kopíruje do schránky příjemce, do jeho "
                    "zálohy, do telefonu a často i dál. Proto:</p>"
                    "<ul>"
                    "<li>uvnitř úřadu sdílejte dokumenty odkazem do spisové služby nebo na "
                    "síťové úložiště s řízeným přístupem, ne jako přílohu;</li>"
                    "<li>citlivé přílohy posílané mimo úřad šifrujte a heslo předejte "
                    "jinou cestou;</li>"
                    "<li>před odesláním zkontrolujte, co přikládáte – tabulka může "
                    "obsahovat skryté listy, komentáře nebo sloupec s rodnými čísly, "
                    "který nebyl vidět;</li>"
                    "<li>neotevírejte neočekávané přílohy, zvlášť archivy ZIP, dokumenty "
                    "s makry nebo spustitelné soubory.</li>"
                    "</ul>"
                    "<h2>Přeposílání</h2>"
                    "<p>Automatické přeposílání pracovní pošty na soukromou adresu je "
                    "zakázáno: služební korespondence by opustila systémy úřadu a úřad by "
                    "ztratil kontrolu nad tím, kde jsou osobní údaje uloženy. Stejně tak "
                    "si neposílejte pracovní dokumenty domů, „abych to dodělal“. Při "
                    "ručním přeposlání zvažte, zda nový příjemce potřebuje celou historii "
                    "konverzace – v dlouhém vlákně bývají informace, které mu nepatří. "
                    "Pozor také na tlačítko „Odpovědět všem“.</p>"
                    "<h2>Klasifikace informací</h2>"
                    "<p>Ne všechny informace jsou stejně citlivé. Vnitřní předpis úřadu "
                    "obvykle rozlišuje několik stupňů, například:</p>"
                    "<ul>"
                    "<li><strong>veřejné</strong> – zveřejněné na úřední desce, webu nebo "
                    "v registru smluv;</li>"
                    "<li><strong>interní</strong> – určené zaměstnancům, například "
                    "pracovní postupy a organizační pokyny;</li>"
                    "<li><strong>chráněné</strong> – osobní údaje, zejména zvláštní "
                    "kategorie, obchodní tajemství dodavatelů, bezpečnostní dokumentace, "
                    "hesla a konfigurace systémů.</li>"
                    "</ul>"
                    "<p>Stupeň klasifikace určuje, kdo k informaci smí, zda ji lze poslat "
                    "e-mailem, jak ji uložit a jak zlikvidovat. Interní klasifikace přitom "
                    "neznamená utajení: i interní dokument může být na žádost poskytnut "
                    "podle zákona o svobodném přístupu k informacím. Nezaměňujte ji ani "
                    "s utajovanými informacemi podle zvláštního zákona – s těmi smějí "
                    "pracovat jen osoby s příslušným oprávněním.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Než stisknete Odeslat",
                        "text": (
                            "<p>Zkontrolujte tři věci: komu zpráva jde, co je v příloze "
                            "a co je ve vlákně pod zprávou.</p>"
                        ),
                    },
                ),
                (
                    "key_points",
                    [
                        "Uvnitř úřadu sdílejte odkaz s řízeným přístupem místo přílohy.",
                        "Pracovní poštu nikdy nepřeposílejte na soukromou adresu.",
                        "Před odesláním zkontrolujte skryté listy, komentáře a historii vlákna.",
                        "Stupeň klasifikace určuje, jak s informací zacházet.",
                    ],
                ),
            ],
        },
        {
            "slug": "archivace-a-skartace",
            "title": "Ukládání, archivace a skartace",
            "body": [
                (
                    "rich_text",
                    "<p>Každý dokument ve spisové službě má podle spisového a skartačního "
                    "plánu přidělen skartační znak a skartační lhůtu. Skartační lhůta "
                    "začíná běžet 1. ledna roku následujícího po spouštěcí události – "
                    "například po uzavření spisu, nabytí právní moci rozhodnutí nebo "
                    "skončení pracovního poměru.</p>"
                    "<h2>Skartační znaky</h2>"
                    "<ul>"
                    "<li><strong>A</strong> (archiv) – dokument má trvalou hodnotu a po "
                    "uplynutí lhůty bude předán do archivu, například usnesení "
                    "zastupitelstva.</li>"
                    "<li><strong>V</strong> (výběr) – o tom, zda se dokument stane "
                    "archiválií, rozhodne archivář ve skartačním řízení.</li>"
                    "<li><strong>S</strong> (skartace) – dokument bude po uplynutí lhůty "
                    "zničen, například běžná provozní korespondence.</li>"
                    "</ul>"
                    "<h2>Spisovna</h2>"
                    "<p>Vyřízené a uzavřené spisy se ukládají do spisovny úřadu, o kterou "
                    "se stará pověřený pracovník. Spisy se nemají hromadit v kancelářích "
                    "ani „u sebe“ v počítači. Elektronické dokumenty zůstávají ve spisové "
                    "službě nebo v elektronické spisovně, kde je zajištěna jejich "
                    "věrohodnost a čitelnost po celou dobu skartační lhůty.</p>"
                    "<h2>Skartační řízení</h2>"
                    "<p>Evidované dokumenty se smějí zničit pouze ve <strong>skartačním "
                    "řízení</strong>. Po uplynutí skartačních lhůt úřad sestaví návrh "
                    "dokumentů k vyřazení a příslušný veřejný archiv provede výběr "
                    "archiválií. Dokumenty vybrané jako archiválie archiv převezme, "
                    "ostatní se zničí teprve po ukončení řízení. Svévolná likvidace "
                    "evidovaného dokumentu – i jen proto, že „zabírá místo“ – porušuje "
                    "zákon o archivnictví a spisové službě a úřadu za ni hrozí "
                    "pokuta.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Dvojí význam slova skartace",
                        "text": (
                            "<p>Drcení pracovních kopií ve skartovačce je běžná bezpečnostní "
                            "povinnost. Zničení evidovaného dokumentu je ale možné jen po "
                            "ukončeném skartačním řízení.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Co zničit smíte – a máte</h2>"
                    "<p>Pracovní kopie, koncepty, poznámky a vytištěné duplikáty, které "
                    "nejsou součástí spisu, by se neměly hromadit. Jakmile je "
                    "nepotřebujete, zlikvidujte je bezpečně – skartovačkou nebo "
                    "prostřednictvím uzamčeného kontejneru. Stejně tak mažte pracovní "
                    "kopie elektronických dokumentů na discích a v poště. Originál žije "
                    "ve spisové službě.</p>",
                ),
                (
                    "key_points",
                    [
                        "Skartační znak A znamená archiv, V výběr a S zničení.",
                        "Skartační lhůta běží od 1. ledna roku po spouštěcí události.",
                        "Evidované dokumenty se ničí jen po ukončeném skartačním řízení.",
                        "Pracovní kopie a koncepty likvidujte bezpečně, jakmile je nepotřebujete.",
                    ],
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "topic": "Evidence dokumentů",
            "text": (
                "<p>Občan vám pošle žádost o vydání rozhodnutí přímo na váš pracovní "
                "e-mail. Jak s ní naložíte?</p>"
            ),
            "explanation": (
                "<p>Úřední podání se eviduje ve spisové službě bez ohledu na to, jakou "
                "cestou přišlo. Jen tak lze doložit datum přijetí a běh lhůt.</p>"
            ),
            "choices": [
                {
                    "text": "Vyřídím ji přímo z pošty, evidence je zbytečná byrokracie.",
                    "correct": False,
                    "feedback": "Bez evidence nelze prokázat, kdy úřad podání přijal.",
                },
                {
                    "text": "Předám ji k zaevidování podatelně nebo ji zaeviduji sám podle "
                    "spisového řádu.",
                    "correct": True,
                    "feedback": "Správně. Podání musí mít své místo ve spisové službě.",
                },
                {
                    "text": "Smažu ji a občanovi napíšu, ať ji pošle na podatelnu.",
                    "correct": False,
                    "feedback": "Podání už úřad přijal; smazat ho nelze.",
                },
                {
                    "text": "Vytisknu ji a uložím do šuplíku.",
                    "correct": False,
                    "feedback": "Šuplík není spisová služba; dokument by se ztratil z evidence.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Evidence dokumentů",
            "text": (
                "<p>Obce vykonávají spisovou službu podle zákona č. 499/2004 Sb., "
                "o archivnictví a spisové službě.</p>"
            ),
            "explanation": (
                "<p>Pravda. Zákon o archivnictví a spisové službě a jeho prováděcí "
                "předpisy stanoví, jak obce dokumenty evidují, ukládají a vyřazují.</p>"
            ),
            "correct": True,
        },
        {
            "type": "multiple",
            "topic": "Spisový a skartační plán",
            "text": (
                "<p>Co určuje spisový a skartační plán? Vyberte všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Spisový a skartační plán přiřazuje dokumentům spisový znak, "
                "skartační znak a skartační lhůtu. Zpracovatele určuje vedoucí "
                "a pokuty stanoví zákon.</p>"
            ),
            "choices": [
                {
                    "text": "Spisový znak.",
                    "correct": True,
                    "feedback": "Ano, podle něj se dokumenty věcně zatřiďují.",
                },
                {"text": "Skartační znak.", "correct": True, "feedback": "Ano, znak A, V nebo S."},
                {
                    "text": "Skartační lhůtu.",
                    "correct": True,
                    "feedback": "Ano, jak dlouho se dokument uchovává.",
                },
                {
                    "text": "Jméno zpracovatele dokumentu.",
                    "correct": False,
                    "feedback": "Zpracovatele určuje vedoucí nebo spisová služba při přidělení.",
                },
                {
                    "text": "Výši pokuty za ztrátu dokumentu.",
                    "correct": False,
                    "feedback": "Sankce stanoví zákon, nikoli spisový plán.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Datové schránky",
            "text": (
                "<p>Firma, které máte doručit rozhodnutí, má zpřístupněnou datovou "
                "schránku. Jak rozhodnutí doručíte?</p>"
            ),
            "explanation": (
                "<p>Má-li adresát zpřístupněnou datovou schránku, orgán veřejné moci mu "
                "doručuje přednostně do ní. Úřad tak má spolehlivý doklad "
                "o doručení.</p>"
            ),
            "choices": [
                {
                    "text": "E-mailem na adresu z webu firmy.",
                    "correct": False,
                    "feedback": "Obyčejný e-mail doručení neprokáže.",
                },
                {
                    "text": "Do datové schránky firmy.",
                    "correct": True,
                    "feedback": "Správně. Doručování do datové schránky má přednost.",
                },
                {
                    "text": "Obyčejným dopisem.",
                    "correct": False,
                    "feedback": "Doporučený či obyčejný dopis přichází na řadu, jen "
                    "když datovou schránku použít nelze.",
                },
                {
                    "text": "Telefonicky sdělím, jak bylo rozhodnuto.",
                    "correct": False,
                    "feedback": "Rozhodnutí se musí doručit písemně.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Datové schránky",
            "text": (
                "<p>Datová schránka může sloužit jako archiv, protože zprávy v ní "
                "zůstávají neomezeně dlouho.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Zprávy se ze schránky standardně mažou 90 dní po doručení. "
                "Proto se musí evidovat a ukládat ve spisové službě.</p>"
            ),
            "correct": False,
        },
        {
            "type": "multiple",
            "topic": "E-mail a přílohy",
            "text": (
                "<p>Které postupy při práci s e-mailem jsou správné? Vyberte všechny "
                "správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Sdílení odkazem s řízeným přístupem, kontrola obsahu přílohy "
                "a zvážení historie vlákna snižují riziko úniku. Automatické "
                "přeposílání na soukromou adresu je zakázáno.</p>"
            ),
            "choices": [
                {
                    "text": "Kolegovi pošlu odkaz na dokument ve spisové službě místo přílohy.",
                    "correct": True,
                    "feedback": "Ano, přístup tak zůstává řízený a zaznamenaný.",
                },
                {
                    "text": "Nastavím si automatické přeposílání na soukromý e-mail, abych "
                    "nic nezmeškal.",
                    "correct": False,
                    "feedback": "Služební pošta by opustila systémy úřadu; je to zakázáno.",
                },
                {
                    "text": "Před odesláním tabulky zkontroluji skryté listy a sloupce.",
                    "correct": True,
                    "feedback": "Ano, skryté části tabulky často obsahují osobní údaje.",
                },
                {
                    "text": "Při přeposlání zvážím, zda příjemce potřebuje celé vlákno.",
                    "correct": True,
                    "feedback": "Ano, starší zprávy ve vlákně mu nemusejí patřit.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Klasifikace informací",
            "text": (
                "<p>Do které kategorie podle obvyklé interní klasifikace patří seznam "
                "klientů odboru sociálních věcí s údaji o jejich zdravotním stavu?</p>"
            ),
            "explanation": (
                "<p>Údaje o zdraví jsou zvláštní kategorií osobních údajů, a patří proto "
                "mezi chráněné informace. Utajovanými informacemi se stávají jen "
                "dokumenty označené podle zvláštního zákona.</p>"
            ),
            "choices": [
                {
                    "text": "Veřejné.",
                    "correct": False,
                    "feedback": "Takové údaje se nikdy nezveřejňují.",
                },
                {
                    "text": "Interní.",
                    "correct": False,
                    "feedback": "Interní informace mohou vidět všichni zaměstnanci; "
                    "tento seznam ne.",
                },
                {
                    "text": "Chráněné.",
                    "correct": True,
                    "feedback": "Správně. Jde o zvláštní kategorii osobních údajů.",
                },
                {
                    "text": "Utajovaná informace.",
                    "correct": False,
                    "feedback": "Utajované informace se řídí zvláštním zákonem; seznam "
                    "klientů mezi ně běžně nepatří.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Skartační znaky",
            "text": "<p>Co znamená skartační znak A?</p>",
            "explanation": (
                "<p>Znak A označuje dokumenty s trvalou hodnotou, které budou po uplynutí "
                "skartační lhůty předány do archivu. Znak V znamená výběr, znak S "
                "zničení.</p>"
            ),
            "choices": [
                {
                    "text": "Dokument bude po uplynutí lhůty zničen.",
                    "correct": False,
                    "feedback": "To je znak S.",
                },
                {
                    "text": "Dokument bude předán do archivu jako archiválie.",
                    "correct": True,
                    "feedback": "Správně. A znamená archiv.",
                },
                {
                    "text": "O osudu dokumentu rozhodne archivář.",
                    "correct": False,
                    "feedback": "To je znak V (výběr).",
                },
                {
                    "text": "Dokument je administrativní a nemá skartační lhůtu.",
                    "correct": False,
                    "feedback": "Každý evidovaný dokument má skartační lhůtu.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Skartační řízení",
            "text": (
                "<p>Dokumenty evidované ve spisové službě lze zničit až po ukončeném "
                "skartačním řízení.</p>"
            ),
            "explanation": (
                "<p>Pravda. Ve skartačním řízení archiv vybere archiválie a teprve poté "
                "se ostatní dokumenty zničí. Svévolná likvidace porušuje zákon.</p>"
            ),
            "correct": True,
        },
        {
            "type": "single",
            "topic": "Skartační řízení",
            "text": "<p>Kdo ve skartačním řízení vybírá, které dokumenty se stanou "
            "archiváliemi?</p>",
            "explanation": (
                "<p>Výběr archiválií provádí příslušný veřejný archiv. Úřad předkládá "
                "návrh dokumentů k vyřazení, ale sám o archivní hodnotě "
                "nerozhoduje.</p>"
            ),
            "choices": [
                {
                    "text": "Referent, který spis vyřizoval.",
                    "correct": False,
                    "feedback": "Referent spis vyřizuje, o archivní hodnotě nerozhoduje.",
                },
                {
                    "text": "Příslušný veřejný archiv.",
                    "correct": True,
                    "feedback": "Správně. Archivář posoudí, co má trvalou hodnotu.",
                },
                {
                    "text": "Pověřenec pro ochranu osobních údajů.",
                    "correct": False,
                    "feedback": "Pověřenec se skartačním řízením nezabývá.",
                },
                {
                    "text": "Dodavatel systému spisové služby.",
                    "correct": False,
                    "feedback": "Dodavatel zajišťuje software, ne výběr archiválií.",
                },
            ],
        },
    ],
}


# ---------------------------------------------------------------------------
# 6. Práce na dálku a mobilní zařízení
# ---------------------------------------------------------------------------

_REMOTE = {
    "slug": "prace-na-dalku-a-mobilni-zarizeni",
    "title": "Práce na dálku a mobilní zařízení",
    "summary": (
        "Jak bezpečně pracovat z domova, v terénu a na cestách: VPN a veřejné Wi-Fi, "
        "zabezpečení notebooku a telefonu, hlášení ztráty, USB média a tisk doma."
    ),
    "estimated_minutes": 20,
    "risk_categories": ["mobile-remote"],
    "required_from_level": "medium",
    "refresher_months": 24,
    "audience": "all",
    "lessons": [
        {
            "slug": "vpn-a-verejne-wi-fi",
            "title": "Bezpečné připojení: VPN a veřejné Wi-Fi",
            "body": [
                (
                    "rich_text",
                    "<p>Práce z domova, na služební cestě nebo v terénu – sociální "
                    "pracovnice na šetření v domácnosti, referent stavebního úřadu na "
                    "kontrolní prohlídce stavby – je dnes běžná. Mimo budovu úřadu ale "
                    "chybí řada ochran, na které jste zvyklí: firewall, oddělená síť "
                    "a fyzická kontrola přístupu. Proto platí zvláštní pravidla.</p>"
                    "<h2>VPN</h2>"
                    "<p>Do interních systémů úřadu – spisové služby, agendových aplikací, "
                    "sdílených disků – se zvenčí připojujte výhradně přes "
                    "<strong>VPN</strong> (virtuální privátní síť) nastavenou odborem "
                    "informatiky. VPN vytvoří šifrovaný tunel mezi vaším zařízením "
                    "a úřadem, takže data nikdo po cestě nepřečte ani nezmění. Přístup "
                    "k VPN bývá chráněn vícefaktorovým ověřením.</p>"
                    "<h2>Veřejné Wi-Fi</h2>"
                    "<p>Wi-Fi v kavárně, hotelu, vlaku nebo na nádraží sdílíte s cizími "
                    "lidmi. Útočník může spustit vlastní síť s důvěryhodně znějícím názvem "
                    "(„Hotel_Free_WiFi“) a sledovat nebo podvrhovat provoz. Přihlašovací "
                    "stránky veřejných sítí navíc někdy vyžadují údaje, které nechcete "
                    "nikomu dávat.</p>"
                    "<ul>"
                    "<li>Na veřejné Wi-Fi pracujte jen s aktivní VPN; bez ní se "
                    "nepřihlašujte do pracovních systémů.</li>"
                    "<li>Bezpečnější alternativou je sdílení internetu ze služebního "
                    "telefonu.</li>"
                    "<li>Vypněte automatické připojování k otevřeným sítím a sdílení "
                    "souborů.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Bez VPN žádné obezličky",
                        "text": (
                            "<p>Pokud se nedaří připojit k VPN, nepracujte oklikou přes "
                            "soukromý e-mail nebo soukromý cloud. Zavolejte helpdesk.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Domácí síť</h2>"
                    "<p>Domácí router chraňte silným heslem k Wi-Fi i ke správě routeru – "
                    "výchozí heslo z výroby změňte – a udržujte jeho firmware aktuální. "
                    "Služební počítač nepřipojujte k síti, o které nevíte, komu patří "
                    "a kdo ji spravuje.</p>"
                    "<h2>Kdo se dívá přes rameno</h2>"
                    "<p>Ve vlaku nebo v čekárně vidí spolucestující vaši obrazovku a slyší "
                    "vaše telefonáty. Neprobírejte na veřejnosti konkrétní klienty, jména "
                    "a čísla spisů a používejte privátní filtr na obrazovku. Při "
                    "videohovorech z domova dbejte na to, co je vidět za vámi a kdo "
                    "v místnosti slyší jednání.</p>",
                ),
                (
                    "key_points",
                    [
                        "Do systémů úřadu se zvenčí připojujte jen přes VPN.",
                        "Na veřejné Wi-Fi nepracujte bez VPN; lepší je hotspot ze služebního "
                        "telefonu.",
                        "Když VPN nefunguje, volejte helpdesk a nehledejte náhradní cesty.",
                        "Na veřejnosti chraňte obrazovku i hovory před cizími lidmi.",
                    ],
                ),
            ],
        },
        {
            "slug": "notebooky-telefony-a-ztrata",
            "title": "Notebooky, telefony a jejich ztráta",
            "body": [
                (
                    "rich_text",
                    "<p>Služební notebook nebo telefon nese nejen přístup do systémů úřadu, "
                    "ale často i uložené dokumenty, e-maily a kontakty. Jeho ztráta proto "
                    "může znamenat porušení zabezpečení osobních údajů.</p>"
                    "<h2>Šifrování a zámek</h2>"
                    "<ul>"
                    "<li>Služební notebooky mají šifrovaný disk (například BitLocker). "
                    "Šifrování nevypínejte a pro práci nepoužívejte nešifrovaná "
                    "zařízení.</li>"
                    "<li>Telefon i tablet chraňte dostatečně dlouhým PINem nebo heslem, "
                    "případně biometrikou; jednoduché gesto nebo „1234“ nestačí.</li>"
                    "<li>Nastavte automatické zamčení po krátké nečinnosti.</li>"
                    "<li>Instalujte aktualizace systému a aplikací, jakmile jsou "
                    "k dispozici, a nevypínejte je.</li>"
                    "<li>Aplikace instalujte jen z oficiálních obchodů a na služební "
                    "zařízení jen ty, které úřad povoluje.</li>"
                    "</ul>"
                    "<h2>Služební a soukromé</h2>"
                    "<p>Služební zařízení používáte k práci vy – ne děti na hry ani partner "
                    "na nakupování. Pokud úřad umožňuje číst pracovní poštu v soukromém "
                    "telefonu, děje se tak zpravidla přes spravovanou aplikaci, která "
                    "pracovní data odděluje. Tato pravidla dodržujte a pracovní dokumenty "
                    "neukládejte do soukromé galerie ani do soukromého cloudu.</p>"
                    "<h2>Ztráta nebo krádež</h2>"
                    "<p>Ztrátu nebo krádež služebního zařízení – i soukromého telefonu "
                    "s pracovní poštou – nahlaste <strong>okamžitě</strong> helpdesku "
                    "odboru informatiky, mimo pracovní dobu na pohotovostní kontakt, "
                    "pokud ho úřad zřídil. Informatici mohou zařízení na dálku zablokovat "
                    "nebo vymazat, zneplatnit přihlášení a změnit hesla. Informujte také "
                    "nadřízeného; obsahovalo-li zařízení osobní údaje, posoudí pověřenec, "
                    "zda jde o porušení zabezpečení, které je nutné do 72 hodin ohlásit "
                    "ÚOOÚ. Krádež oznamte Policii ČR.</p>"
                    "<p>Šifrovaný a zamčený notebook nahlášený do hodiny znamená malý "
                    "problém. Nešifrovaný notebook s tabulkou klientů, o jehož ztrátě se "
                    "úřad dozví po týdnu, znamená problém velký.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Kontakt na helpdesk mějte i jinde",
                        "text": (
                            "<p>Uložte si číslo helpdesku i mimo služební telefon – na papír "
                            "do peněženky nebo do soukromého telefonu. Když služební "
                            "telefon ztratíte, nebudete ho v něm moci vyhledat.</p>"
                        ),
                    },
                ),
                (
                    "key_points",
                    [
                        "Služební zařízení má šifrovaný disk, zámek obrazovky a aktuální software.",
                        "Služební zařízení neslouží rodině ani soukromým účelům.",
                        "Ztrátu nebo krádež hlaste helpdesku okamžitě, i mimo pracovní dobu.",
                        "Zda ztrátu ohlásit ÚOOÚ do 72 hodin, posoudí pověřenec – proto "
                        "hlaste hned.",
                    ],
                ),
            ],
        },
        {
            "slug": "usb-media-tisk-a-prace-doma",
            "title": "USB média, tisk a práce doma",
            "body": [
                (
                    "rich_text",
                    "<h2>USB média</h2>"
                    "<p>Flash disky jsou malé, levné a snadno se ztratí. Zároveň jsou "
                    "osvědčenou cestou, jak do sítě úřadu dostat škodlivý kód – útočníci "
                    "je nechávají „zapomenuté“ na parkovišti nebo je rozesílají jako "
                    "propagační dárky.</p>"
                    "<ul>"
                    "<li>Používejte jen šifrovaná média vydaná úřadem, a to jen tehdy, "
                    "když jiná cesta (sdílené úložiště, spisová služba) není možná.</li>"
                    "<li>Nalezený nebo neznámý flash disk nikdy nepřipojujte k počítači, "
                    "ani „jen abych zjistil, komu patří“. Předejte ho odboru "
                    "informatiky.</li>"
                    "<li>Média od občanů a stavebníků – například projektovou dokumentaci "
                    "na flash disku – připojujte jen postupem, který úřad určil, "
                    "například přes kontrolní stanici.</li>"
                    "<li>Nepřipojujte soukromý telefon k USB portu služebního počítače, "
                    "ani jen kvůli nabíjení.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Nalezený flash disk je návnada",
                        "text": (
                            "<p>Zvědavost je nejúčinnější zbraň útočníků. Neznámé médium "
                            "předejte informatikům nepřipojené, i když je na něm lákavý "
                            "nápis jako „Mzdy 2025“.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Tisk doma</h2>"
                    "<p>Tisk dokumentů s osobními údaji na domácí tiskárně je riskantní: "
                    "výtisk leží na stole, kde ho vidí rodina, tiskárna si ho může uchovat "
                    "v paměti a papír je pak nutné bezpečně zlikvidovat. Proto doma "
                    "tiskněte jen tehdy, když je to nezbytné a vnitřní pravidla to "
                    "dovolují. Výtisky přepravujte v uzavřené složce a doma je ukládejte "
                    "mimo dosah ostatních. Nepotřebné výtisky nevyhazujte do domácího "
                    "odpadu ani do tříděného papíru – přineste je zpět na úřad "
                    "a zlikvidujte skartovačkou.</p>"
                    "<h2>Spisy mimo kancelář</h2>"
                    "<p>Originály spisů vynášejte z budovy jen v nezbytných případech, "
                    "například na místní šetření, a se souhlasem nadřízeného, vyžaduje-li "
                    "to vnitřní předpis. Nenechávejte je v autě a po návratu je ihned "
                    "vraťte na místo. Sociální pracovnice, která jde na šetření do rodiny, "
                    "si bere jen dokumenty týkající se této rodiny, ne celý šanon.</p>"
                    "<h2>Doma jako v kanceláři</h2>"
                    "<p>I doma platí čistý stůl a zamykání obrazovky. Pracujte tam, kde "
                    "vám nikdo nečte přes rameno, a při telefonátech o konkrétních "
                    "klientech zavřete dveře.</p>",
                ),
                (
                    "key_points",
                    [
                        "Používejte jen šifrovaná média vydaná úřadem.",
                        "Nalezený flash disk nepřipojujte a předejte ho informatikům.",
                        "Nepotřebné domácí výtisky vraťte na úřad ke skartaci.",
                        "Originály spisů vynášejte jen v nezbytných případech a nenechávejte "
                        "je v autě.",
                    ],
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "topic": "VPN a sítě",
            "text": (
                "<p>Jste na služební cestě v hotelu a potřebujete pracovat ve spisové "
                "službě. Jak se připojíte?</p>"
            ),
            "explanation": (
                "<p>Do interních systémů se zvenčí připojujte jen přes VPN úřadu. "
                "Připojení přes hotspot služebního telefonu je bezpečnější než hotelová "
                "Wi-Fi.</p>"
            ),
            "choices": [
                {
                    "text": "Přes hotelovou Wi-Fi bez VPN, je chráněná heslem z recepce.",
                    "correct": False,
                    "feedback": "Heslo z recepce znají všichni hosté; bez VPN je provoz ohrožen.",
                },
                {
                    "text": "Přes VPN úřadu, ideálně s internetem sdíleným ze služebního telefonu.",
                    "correct": True,
                    "feedback": "Správně. VPN šifruje provoz a hotspot omezuje rizika cizí sítě.",
                },
                {
                    "text": "Pošlu si potřebné dokumenty na soukromý e-mail.",
                    "correct": False,
                    "feedback": "Dokumenty by opustily systémy úřadu.",
                },
                {
                    "text": "Nahraji si dokumenty do soukromého cloudu.",
                    "correct": False,
                    "feedback": "Soukromý cloud je mimo kontrolu úřadu.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "VPN a sítě",
            "text": (
                "<p>Wi-Fi síť pojmenovaná podle hotelu, ve kterém jste ubytováni, je "
                "vždy bezpečná, protože ji provozuje hotel.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Útočník může spustit vlastní síť se stejným nebo podobným "
                "názvem. Na veřejných sítích pracujte jen s aktivní VPN.</p>"
            ),
            "correct": False,
        },
        {
            "type": "multiple",
            "topic": "Zabezpečení zařízení",
            "text": (
                "<p>Která opatření na služebním notebooku a telefonu jsou správná? "
                "Vyberte všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Šifrovaný disk, automatické zamčení a aktuální software jsou "
                "základem. Jednoduchý PIN a vypnuté aktualizace zařízení naopak "
                "oslabují.</p>"
            ),
            "choices": [
                {
                    "text": "Šifrovaný disk.",
                    "correct": True,
                    "feedback": "Ano, bez klíče nikdo data ze ztraceného zařízení nepřečte.",
                },
                {
                    "text": "Automatické zamčení po krátké nečinnosti.",
                    "correct": True,
                    "feedback": "Ano, chrání zařízení, když ho necháte bez dozoru.",
                },
                {
                    "text": "Pravidelně instalované aktualizace.",
                    "correct": True,
                    "feedback": "Ano, aktualizace opravují zneužitelné chyby.",
                },
                {
                    "text": "PIN 1234, aby se na něj nezapomnělo.",
                    "correct": False,
                    "feedback": "Takový PIN uhodne každý.",
                },
                {
                    "text": "Vypnuté aktualizace, aby zařízení nezdržovalo.",
                    "correct": False,
                    "feedback": "Neaktualizované zařízení je snadným cílem.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Ztráta zařízení",
            "text": (
                "<p>V sobotu zjistíte, že jste ve vlaku nechali služební telefon "
                "s pracovní poštou. Co uděláte?</p>"
            ),
            "explanation": (
                "<p>Ztrátu je nutné nahlásit okamžitě, aby informatici mohli zařízení "
                "zablokovat nebo vymazat. Kvůli možnému porušení zabezpečení osobních "
                "údajů běží i lhůta 72 hodin.</p>"
            ),
            "choices": [
                {
                    "text": "Počkám do pondělí, třeba se telefon najde.",
                    "correct": False,
                    "feedback": "Během víkendu může nálezce nebo zloděj získat přístup k poště.",
                },
                {
                    "text": "Okamžitě to nahlásím helpdesku nebo na pohotovostní kontakt "
                    "a informuji nadřízeného.",
                    "correct": True,
                    "feedback": "Správně. Čím dřív, tím menší riziko.",
                },
                {
                    "text": "Koupím si nový telefon a nikomu nic neřeknu.",
                    "correct": False,
                    "feedback": "Ztracený telefon by zůstal připojený k účtům úřadu.",
                },
                {
                    "text": "Nic, telefon je zamčený PINem.",
                    "correct": False,
                    "feedback": "PIN je jen jedna z ochran; ztrátu je třeba vždy nahlásit.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Ztráta zařízení",
            "text": (
                "<p>Ztráta zařízení s osobními údaji může být porušením zabezpečení, "
                "které je nutné ohlásit Úřadu pro ochranu osobních údajů.</p>"
            ),
            "explanation": (
                "<p>Pravda. Zda ohlášení ÚOOÚ do 72 hodin skutečně vyžaduje, posoudí "
                "pověřenec – šifrování například riziko výrazně snižuje. Proto je nutné "
                "ztrátu hlásit okamžitě.</p>"
            ),
            "correct": True,
        },
        {
            "type": "single",
            "topic": "USB média",
            "text": (
                "<p>Na parkovišti úřadu najdete flash disk s nápisem „Mzdy 2025“. "
                "Co s ním uděláte?</p>"
            ),
            "explanation": (
                "<p>Nalezené médium může obsahovat škodlivý kód. Předejte ho "
                "nepřipojené odboru informatiky, který ho bezpečně prověří.</p>"
            ),
            "choices": [
                {
                    "text": "Připojím ho ke služebnímu počítači, abych zjistil majitele.",
                    "correct": False,
                    "feedback": "Právě na tuto zvědavost útočníci spoléhají.",
                },
                {
                    "text": "Připojím ho doma k soukromému počítači.",
                    "correct": False,
                    "feedback": "Ohrozíte svůj počítač a případná data úřadu se dostanou "
                    "mimo jeho kontrolu.",
                },
                {
                    "text": "Předám ho nepřipojený odboru informatiky.",
                    "correct": True,
                    "feedback": "Správně. Informatici ho prověří bezpečným způsobem.",
                },
                {
                    "text": "Vyhodím ho do koše.",
                    "correct": False,
                    "feedback": "Lepší je předat ho informatikům, kteří mohou varovat "
                    "kolegy, pokud jde o cílený útok.",
                },
            ],
        },
        {
            "type": "multiple",
            "topic": "Tisk doma",
            "text": (
                "<p>Musíte doma vytisknout podklady s osobními údaji. Které postupy jsou "
                "správné? Vyberte všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Doma tiskněte jen nezbytné, výtisky přepravujte v uzavřené složce "
                "a nepotřebné vraťte na úřad ke skartaci. Domácí odpad ani tříděný papír "
                "ochranu neposkytují.</p>"
            ),
            "choices": [
                {
                    "text": "Tisknu jen to, co je opravdu nezbytné.",
                    "correct": True,
                    "feedback": "Ano, každý výtisk je další riziko.",
                },
                {
                    "text": "Výtisky přepravuji v uzavřené složce.",
                    "correct": True,
                    "feedback": "Ano, nikdo je cestou nepřečte ani neztratí.",
                },
                {
                    "text": "Nepotřebné výtisky vyhodím do tříděného papíru.",
                    "correct": False,
                    "feedback": "Tříděný papír může číst kdokoli.",
                },
                {
                    "text": "Nepotřebné výtisky vrátím na úřad a zlikviduji skartovačkou.",
                    "correct": True,
                    "feedback": "Ano, tak je likvidace bezpečná.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Služební a soukromé",
            "text": ("<p>Syn si chce na vašem služebním notebooku zahrát hru. Jak odpovíte?</p>"),
            "explanation": (
                "<p>Služební zařízení slouží jen k práci a jen vám. Hry a další aplikace "
                "mohou přinést škodlivý kód a syn by se mohl dostat k datům úřadu.</p>"
            ),
            "choices": [
                {
                    "text": "Dovolím mu to pod svým účtem.",
                    "correct": False,
                    "feedback": "Syn by měl přístup ke všemu, k čemu máte přístup vy.",
                },
                {
                    "text": "Vytvořím mu na notebooku vlastní účet.",
                    "correct": False,
                    "feedback": "Služební zařízení spravuje úřad; vlastní účty na něm nezřizujete.",
                },
                {
                    "text": "Odmítnu, služební notebook je jen pro mě a k práci.",
                    "correct": True,
                    "feedback": "Správně. Služební zařízení se s rodinou nesdílí.",
                },
                {
                    "text": "Dovolím to jen po odpojení od internetu.",
                    "correct": False,
                    "feedback": "Instalace hry i tak může zařízení ohrozit.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "USB média",
            "text": (
                "<p>Flash disk s projektovou dokumentací, který přinesl stavebník "
                "osobně, je možné připojit k počítači bez jakékoli kontroly.</p>"
            ),
            "explanation": (
                "<p>Nepravda. I médium od účastníka řízení může obsahovat škodlivý kód, "
                "o kterém sám neví. Připojujte ho jen postupem, který úřad určil.</p>"
            ),
            "correct": False,
        },
    ],
}


# ---------------------------------------------------------------------------
# 7. Kybernetická bezpečnost pro vedoucí zaměstnance
# ---------------------------------------------------------------------------

_MANAGEMENT = {
    "slug": "kyberneticka-bezpecnost-pro-vedouci",
    "title": "Kybernetická bezpečnost pro vedoucí zaměstnance",
    "summary": (
        "Co po vedoucích zaměstnancích žádá zákon o kybernetické bezpečnosti a směrnice "
        "NIS2: odpovědnost za rizika, cyklus PDCA, schvalování oprávnění a dodavatelů, "
        "eskalace incidentů a vedení příkladem."
    ),
    "estimated_minutes": 40,
    "risk_categories": ["privileged-it", "suppliers"],
    "required_from_level": "low",
    "refresher_months": 12,
    "audience": "management",
    "lessons": [
        {
            "slug": "odpovednost-vedeni",
            "title": "Odpovědnost vedení podle zákona o kybernetické bezpečnosti a NIS2",
            "body": [
                (
                    "rich_text",
                    "<p>Kybernetická bezpečnost není jen věcí odboru informatiky. Směrnice "
                    "NIS2, kterou Česká republika provedla novým zákonem o kybernetické "
                    "bezpečnosti (zákon č. 264/2025 Sb.), výslovně přenáší odpovědnost na "
                    "vedení. Orgány veřejné moci včetně řady obcí a měst spadají do "
                    "režimu vyšších nebo nižších povinností podle kritérií zákona "
                    "a prováděcích předpisů. Zda a v jakém režimu se zákon vztahuje na váš "
                    "úřad, vám sdělí manažer kybernetické bezpečnosti.</p>"
                    "<h2>Co zákon a NIS2 požadují od vedení</h2>"
                    "<ul>"
                    "<li><strong>Schvalovat</strong> opatření k řízení kybernetických "
                    "rizik a dohlížet na jejich zavedení.</li>"
                    "<li><strong>Nést odpovědnost</strong> za jejich plnění – vedení se "
                    "nemůže vymlouvat, že bezpečnost „předalo informatikům“.</li>"
                    "<li><strong>Vzdělávat se</strong> – NIS2 výslovně ukládá členům "
                    "vedení absolvovat školení, aby uměli rizika rozpoznat a posoudit. "
                    "Tento kurz je součástí plnění této povinnosti.</li>"
                    "<li><strong>Zajistit zdroje</strong> – lidi, rozpočet a čas na "
                    "bezpečnostní opatření.</li>"
                    "<li><strong>Zajistit hlášení</strong> významných incidentů Národnímu "
                    "úřadu pro kybernetickou a informační bezpečnost (NÚKIB) v zákonných "
                    "lhůtách.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "title": "Odpovědnost nelze delegovat",
                        "text": (
                            "<p>Úkoly můžete svěřit manažerovi kybernetické bezpečnosti "
                            "nebo informatikům. Odpovědnost za to, že jsou splněny, však "
                            "zůstává vedení.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Role v úřadě</h2>"
                    "<p>Za bezpečnost odpovídá vedení úřadu – u magistrátu tajemník "
                    "a vedení města podle rozdělení kompetencí. Vedení určuje "
                    "<strong>manažera kybernetické bezpečnosti</strong>, který koordinuje "
                    "bezpečnostní opatření, vede přezkumy rizik a navrhuje plán rozvoje "
                    "bezpečnostního povědomí. Odbor informatiky zajišťuje technická "
                    "opatření. Vedoucí odborů a oddělení jsou vlastníky informací a rizik "
                    "ve své agendě: vedoucí stavebního úřadu rozhoduje o tom, kdo smí do "
                    "agendy stavebního řízení, vedoucí odboru sociálních věcí odpovídá za "
                    "to, jak jeho lidé zacházejí se spisy klientů.</p>"
                    "<h2>Bezpečnost je manažerská disciplína</h2>"
                    "<p>Kybernetický útok na úřad neznamená jen nefunkční počítače. "
                    "Vyděračský software může na týdny zastavit matriku, vydávání dokladů, "
                    "výplatu dávek i stavební řízení – takové situace už zažily české "
                    "nemocnice, univerzity i obce. Rozhodnutí o tom, kolik rizika je úřad "
                    "ochoten nést, které služby musí fungovat i při výpadku a kolik do "
                    "ochrany investovat, jsou manažerská rozhodnutí, která za vedení nikdo "
                    "jiný neudělá.</p>",
                ),
                (
                    "key_points",
                    [
                        "NIS2 a zákon o kybernetické bezpečnosti kladou odpovědnost na vedení.",
                        "Vedení schvaluje opatření, dohlíží na ně a zajišťuje zdroje.",
                        "Členové vedení mají povinnost se v kybernetické bezpečnosti vzdělávat.",
                        "Vedoucí odborů jsou vlastníky informací a rizik ve své agendě.",
                    ],
                ),
            ],
        },
        {
            "slug": "rizika-a-pdca",
            "title": "Řízení rizik a cyklus PDCA",
            "body": [
                (
                    "rich_text",
                    "<p>Magistrát zmapoval své bezpečnostní procesy, provedl analýzu rizik "
                    "pro jednotlivá pracoviště a činnosti a zavedl model neustálého "
                    "zlepšování <strong>PDCA</strong> (Plan – Do – Check – Act). Vedoucí "
                    "zaměstnanci jsou v tomto cyklu klíčovými aktéry.</p>"
                    "<h2>Analýza rizik</h2>"
                    "<p>Riziko se posuzuje jako kombinace <strong>pravděpodobnosti</strong>, "
                    "že nežádoucí událost nastane, a jejího <strong>dopadu</strong>. "
                    "Manažer kybernetické bezpečnosti vede přezkum rizik, ale podklady "
                    "musí dodat vedoucí pracoviště – jen on ví, že jeho oddělení denně "
                    "posílá desítky e-mailů s rodnými čísly, že pokladna přijímá hotovost "
                    "nebo že dva referenti mohou měnit údaje pro výplatu dávek. U každého "
                    "významného rizika vedení rozhodne, zda ho <strong>sníží</strong> "
                    "opatřením, <strong>přenese</strong> (například smlouvou s dodavatelem "
                    "nebo pojištěním), <strong>vyhne se mu</strong> změnou procesu, nebo "
                    "ho vědomě <strong>přijme</strong>. Přijetí rizika je legitimní volba, "
                    "ale musí být vědomé a zdokumentované.</p>"
                    "<h2>Cyklus PDCA v praxi</h2>"
                    "<ul>"
                    "<li><strong>Plan</strong> – přezkum rizik pracoviště, schválení "
                    "opatření a plánu vzdělávání: kdo musí absolvovat které kurzy a do "
                    "kdy.</li>"
                    "<li><strong>Do</strong> – zavedení opatření; zaměstnanci absolvují "
                    "školení a testy.</li>"
                    "<li><strong>Check</strong> – vyhodnocení: dokončili lidé školení "
                    "včas? Ve kterých otázkách nejčastěji chybují? Kolik lidí kliklo na "
                    "cvičný phishing? Co ukázal audit?</li>"
                    "<li><strong>Act</strong> – úprava opatření a plánu: opakovací "
                    "školení, změna postupu, nový přezkum rizik po incidentu nebo "
                    "reorganizaci.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Riziko má mít jméno",
                        "text": (
                            "<p>Každé významné riziko má mít vlastníka – konkrétního "
                            "vedoucího, který rozhoduje o opatřeních a odpovídá za jejich "
                            "plnění. Riziko, které patří „všem“, nepatří nikomu.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Co to znamená pro vás</h2>"
                    "<p>Jako vedoucí schvalujete přezkum rizik svého pracoviště, a tím "
                    "i povinná školení svých lidí. Sledujte v přehledech, kdo má školení "
                    "po termínu, a řešte to stejně jako jiné pracovní povinnosti. Když se "
                    "na vašem pracovišti změní agenda, odejde klíčový člověk nebo dojde "
                    "k incidentu, dejte podnět k novému přezkumu rizik – cyklus se nemá "
                    "otáčet jen jednou za rok podle kalendáře.</p>",
                ),
                (
                    "key_points",
                    [
                        "Riziko je kombinací pravděpodobnosti a dopadu.",
                        "Riziko lze snížit, přenést, vyhnout se mu, nebo ho vědomě "
                        "a zdokumentovaně přijmout.",
                        "PDCA: plánovat, provést, vyhodnotit, zlepšit – a znovu.",
                        "Po změně agendy nebo incidentu dejte podnět k novému přezkumu rizik.",
                    ],
                ),
            ],
        },
        {
            "slug": "opravneni-a-dodavatele",
            "title": "Přístupová oprávnění, privilegované účty a dodavatelé",
            "body": [
                (
                    "rich_text",
                    "<h2>Schvalování přístupových oprávnění</h2>"
                    "<p>Vedoucí zaměstnanec schvaluje, k jakým systémům a datům mají jeho "
                    "lidé přístup. Je to jedna z nejdůležitějších bezpečnostních kontrol "
                    "– a zároveň ta, kterou nejčastěji podepisujeme rutinně. Řiďte se "
                    "dvěma zásadami:</p>"
                    "<ul>"
                    "<li><strong>nejnižší nutná oprávnění</strong> – každý má přístup jen "
                    "k tomu, co skutečně potřebuje ke své práci;</li>"
                    "<li><strong>potřeba znát</strong> – matrikářka nepotřebuje přístup "
                    "do agendy sociálních dávek, i když „by se to mohlo hodit při "
                    "zastupování“.</li>"
                    "</ul>"
                    "<h2>Nástup, převedení, odchod</h2>"
                    "<p>Oprávnění se nejčastěji hromadí při přechodech mezi odbory: "
                    "zaměstnanec dostane nová oprávnění, ale stará mu nikdo neodebere. "
                    "Po několika letech má přístup všude, kde kdy pracoval. Proto při "
                    "nástupu žádejte jen oprávnění odpovídající pozici, při převedení "
                    "dejte podnět k odebrání starých oprávnění a odchod zaměstnance "
                    "oznamte personálnímu oddělení a odboru informatiky včas, aby byl účet "
                    "zablokován nejpozději poslední pracovní den. Pravidelně, například "
                    "jednou ročně, projděte seznam oprávnění svých lidí a každé potvrďte "
                    "nebo zrušte.</p>"
                    "<h2>Privilegované účty</h2>"
                    "<p>Účty správců systémů mají nejširší oprávnění a jsou hlavním cílem "
                    "útočníků. Mají být oddělené od běžných uživatelských účtů, chráněné "
                    "vícefaktorovým ověřením a jejich použití se má zaznamenávat. "
                    "Nežádejte administrátorská práva pro sebe „pro jistotu“ a neschvalujte "
                    "je svým lidem kvůli pohodlí, například aby si mohli sami instalovat "
                    "programy.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Podpis není formalita",
                        "text": (
                            "<p>Podpisem žádosti o oprávnění přebíráte odpovědnost za to, "
                            "že přístup je potřebný. Pokud nevíte, co oprávnění umožňuje, "
                            "zeptejte se správce systému dřív, než podepíšete.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Dodavatelé</h2>"
                    "<p>Úřad využívá řadu externích dodavatelů: systém spisové služby, "
                    "agendové aplikace, správu sítě, servis tiskáren, cloudové služby. "
                    "Dodavatelé mají často vzdálený přístup a vysoká oprávnění. NIS2 "
                    "zdůrazňuje bezpečnost dodavatelského řetězce, protože řada velkých "
                    "incidentů začala právě u dodavatele. Při zadávání a přebírání "
                    "zakázek proto dbejte, aby smlouva obsahovala bezpečnostní požadavky "
                    "– ochranu dat, povinnost hlásit incidenty, právo na kontrolu, "
                    "zpracovatelskou smlouvu podle GDPR a vrácení či výmaz dat po skončení "
                    "spolupráce. Vzdálený přístup dodavatele povolujte jen na dobu "
                    "nezbytnou a se záznamem činnosti a po skončení spolupráce zajistěte "
                    "zrušení všech jeho přístupů.</p>",
                ),
                (
                    "key_points",
                    [
                        "Schvalujte jen nejnižší nutná oprávnění podle potřeby znát.",
                        "Při převedení a odchodu zaměstnance zajistěte odebrání oprávnění.",
                        "Administrátorská práva nejsou odměna ani pohodlí.",
                        "Smlouvy s dodavateli musí obsahovat bezpečnostní požadavky "
                        "a přístup dodavatele musí být časově omezený.",
                    ],
                ),
            ],
        },
        {
            "slug": "incidenty-a-vedeni-prikladem",
            "title": "Eskalace incidentů a vedení příkladem",
            "body": [
                (
                    "rich_text",
                    "<h2>Když zaměstnanec hlásí incident</h2>"
                    "<p>Když vám zaměstnanec nahlásí incident – kliknutí na phishing, "
                    "ztracený notebook, e-mail odeslaný špatnému adresátovi, podezřelé "
                    "chování systému – je vaše reakce rozhodující. Postupujte podle "
                    "postupu úřadu pro zvládání incidentů:</p>"
                    "<ol>"
                    "<li>poděkujte za nahlášení a ujistěte zaměstnance, že udělal "
                    "správně;</li>"
                    "<li>bez odkladu zajistěte, aby o incidentu věděl odbor informatiky "
                    "a manažer kybernetické bezpečnosti, u osobních údajů i pověřenec;</li>"
                    "<li>nesnažte se incident „vyřešit v rámci odboru“ ani ho "
                    "bagatelizovat – o jeho závažnosti rozhodují odborníci;</li>"
                    "<li>spolupracujte na omezení dopadů – rozhodnutí o odpojení systému "
                    "nebo dočasném omezení agendy může být na vás;</li>"
                    "<li>komunikaci s médii a veřejností přenechte určeným osobám.</li>"
                    "</ol>"
                    "<h2>Lhůty</h2>"
                    "<p>Významné kybernetické incidenty se podle NIS2 hlásí postupně: "
                    "včasné varování do 24 hodin od zjištění, hlášení incidentu do 72 "
                    "hodin a závěrečná zpráva do jednoho měsíce. Porušení zabezpečení "
                    "osobních údajů se hlásí ÚOOÚ do 72 hodin. Lhůty jsou krátké – zvlášť "
                    "když incident nastane v pátek večer. Proto musí být předem jasné, kdo "
                    "rozhoduje, kdo je dosažitelný a jak se eskaluje mimo pracovní "
                    "dobu.</p>"
                    "<h2>Po incidentu</h2>"
                    "<p>Každý incident je příležitostí k poučení. S manažerem kybernetické "
                    "bezpečnosti vyhodnoťte příčiny a přijměte opatření: úpravu postupu, "
                    "technickou změnu, opakovací školení pro pracoviště. Hledejte příčiny "
                    "v systému, ne viníka – pokud lidé zažijí, že nahlášení znamená trest, "
                    "příští incident zatají.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Na poradě stačí pět minut",
                        "text": (
                            "<p>Zařaďte bezpečnost jako pravidelný krátký bod porad odboru: "
                            "aktuální podvodná kampaň, stav povinných školení, poučení "
                            "z posledního incidentu. Pravidelnost je účinnější než "
                            "jednorázová přednáška.</p>"
                        ),
                    },
                ),
                (
                    "rich_text",
                    "<h2>Vedení příkladem</h2>"
                    "<p>Zaměstnanci se řídí tím, co vidí, ne tím, co je napsáno ve "
                    "směrnici. Pokud vedoucí žádá výjimku z vícefaktorového ověření, sdílí "
                    "heslo s asistentkou, posílá si dokumenty na soukromý e-mail nebo "
                    "odkládá povinné školení, dává najevo, že pravidla platí jen pro "
                    "ostatní. Naopak vedoucí, který školení dokončí mezi prvními, na "
                    "poradě zmíní aktuální phishing a sám nahlásí podezřelou zprávu, "
                    "vytváří kulturu, ve které je bezpečnost normální součástí práce.</p>",
                ),
                (
                    "key_points",
                    [
                        "Za nahlášení incidentu poděkujte a ihned ho eskalujte.",
                        "NIS2: včasné varování do 24 hodin, hlášení do 72 hodin, závěrečná "
                        "zpráva do měsíce.",
                        "Po incidentu hledejte příčiny v systému, ne viníka.",
                        "Pravidla dodržujte jako první – zaměstnanci se řídí vaším příkladem.",
                    ],
                ),
            ],
        },
    ],
    "questions": [
        {
            "type": "single",
            "topic": "Odpovědnost vedení",
            "text": (
                "<p>Kdo podle NIS2 nese odpovědnost za zavedení opatření k řízení "
                "kybernetických rizik?</p>"
            ),
            "explanation": (
                "<p>NIS2 ukládá vedení schvalovat opatření, dohlížet na ně a nést za ně "
                "odpovědnost. Úkoly lze delegovat, odpovědnost nikoli.</p>"
            ),
            "choices": [
                {
                    "text": "Výhradně odbor informatiky.",
                    "correct": False,
                    "feedback": "Informatici zajišťují technická opatření, odpovědnost "
                    "však nesou vedoucí.",
                },
                {
                    "text": "Dodavatel IT služeb.",
                    "correct": False,
                    "feedback": "Dodavatel odpovídá za plnění smlouvy, ne za řízení rizik úřadu.",
                },
                {
                    "text": "Vedení úřadu, i když úkoly svěří jiným.",
                    "correct": True,
                    "feedback": "Správně. Odpovědnost zůstává vedení.",
                },
                {
                    "text": "Každý zaměstnanec sám za sebe.",
                    "correct": False,
                    "feedback": "Zaměstnanci dodržují pravidla, ale opatření schvaluje "
                    "a odpovídá za ně vedení.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Odpovědnost vedení",
            "text": (
                "<p>NIS2 ukládá členům vedení povinnost absolvovat školení v oblasti "
                "kybernetické bezpečnosti.</p>"
            ),
            "explanation": (
                "<p>Pravda. Členové vedení mají být proškoleni, aby uměli rozpoznat "
                "a posoudit rizika a jejich dopad na služby úřadu.</p>"
            ),
            "correct": True,
        },
        {
            "type": "multiple",
            "topic": "Řízení rizik",
            "text": (
                "<p>Které způsoby naložení s významným rizikem jsou legitimní? Vyberte "
                "všechny správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Riziko lze snížit opatřením, přenést nebo vědomě a zdokumentovaně "
                "přijmout. Ignorovat ho bez rozhodnutí není přípustné.</p>"
            ),
            "choices": [
                {
                    "text": "Snížit ho bezpečnostním opatřením.",
                    "correct": True,
                    "feedback": "Ano, nejčastější způsob.",
                },
                {
                    "text": "Přenést ho, například smlouvou s dodavatelem nebo pojištěním.",
                    "correct": True,
                    "feedback": "Ano, i když odpovědnost vůči občanům zůstává úřadu.",
                },
                {
                    "text": "Vědomě a zdokumentovaně ho přijmout.",
                    "correct": True,
                    "feedback": "Ano, přijetí je legitimní, pokud je vědomé a zapsané.",
                },
                {
                    "text": "Nechat ho být, dokud se nic nestane.",
                    "correct": False,
                    "feedback": "Ignorování není rozhodnutí; riziko musí mít vlastníka a řešení.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Cyklus PDCA",
            "text": (
                "<p>Do které fáze cyklu PDCA patří vyhodnocení výsledků testů a otázek, "
                "ve kterých zaměstnanci nejčastěji chybují?</p>"
            ),
            "explanation": (
                "<p>Vyhodnocení účinnosti opatření patří do fáze Check. Na jeho základě "
                "se ve fázi Act upravují opatření a plán vzdělávání.</p>"
            ),
            "choices": [
                {
                    "text": "Plan.",
                    "correct": False,
                    "feedback": "Ve fázi Plan se rizika posuzují a opatření plánují.",
                },
                {
                    "text": "Do.",
                    "correct": False,
                    "feedback": "Ve fázi Do se opatření zavádějí a lidé se školí.",
                },
                {
                    "text": "Check.",
                    "correct": True,
                    "feedback": "Správně. Check znamená vyhodnocení.",
                },
                {
                    "text": "Act.",
                    "correct": False,
                    "feedback": "Act je reakce na výsledky vyhodnocení.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Přístupová oprávnění",
            "text": (
                "<p>Referentka přechází z matriky na váš odbor sociálních věcí. Co "
                "uděláte s jejími oprávněními?</p>"
            ),
            "explanation": (
                "<p>Při převedení je nutné přidělit nová oprávnění podle nové pozice "
                "a zároveň odebrat ta stará. Jinak se oprávnění hromadí.</p>"
            ),
            "choices": [
                {
                    "text": "Stará oprávnění jí ponechám pro případ zastupování.",
                    "correct": False,
                    "feedback": "Zastupování se řeší samostatně; nepotřebná oprávnění jsou riziko.",
                },
                {
                    "text": "Požádám o oprávnění pro novou agendu a o odebrání přístupu k matrice.",
                    "correct": True,
                    "feedback": "Správně. Oprávnění mají odpovídat aktuální práci.",
                },
                {
                    "text": "Nechám ji pracovat pod účtem její předchůdkyně.",
                    "correct": False,
                    "feedback": "Účty se nesdílejí, ani mezi předchůdcem a nástupcem.",
                },
                {
                    "text": "Požádám pro ni o administrátorská práva, ať nic nečeká.",
                    "correct": False,
                    "feedback": "Administrátorská práva nejsou pro běžnou agendu potřeba.",
                },
            ],
        },
        {
            "type": "multiple",
            "topic": "Přístupová oprávnění",
            "text": (
                "<p>Které postupy při správě oprávnění jsou správné? Vyberte všechny "
                "správné odpovědi.</p>"
            ),
            "explanation": (
                "<p>Pravidelná kontrola oprávnění, včasné blokování účtů a zásada "
                "potřeby znát brání hromadění přístupů. Administrátorská práva se kvůli "
                "pohodlí neudělují.</p>"
            ),
            "choices": [
                {
                    "text": "Jednou ročně projdu oprávnění svých lidí a nepotřebná zruším.",
                    "correct": True,
                    "feedback": "Ano, pravidelná kontrola odhalí nahromaděné přístupy.",
                },
                {
                    "text": "Odchod zaměstnance oznámím tak, aby byl účet zablokován "
                    "nejpozději poslední pracovní den.",
                    "correct": True,
                    "feedback": "Ano, účet bývalého zaměstnance je snadným cílem.",
                },
                {
                    "text": "Schválím administrátorská práva, aby si lidé mohli sami "
                    "instalovat programy.",
                    "correct": False,
                    "feedback": "Instalaci zajišťuje odbor informatiky; administrátorská "
                    "práva jsou riziko.",
                },
                {
                    "text": "Přístupy přiděluji podle zásady potřeby znát.",
                    "correct": True,
                    "feedback": "Ano, každý vidí jen to, co potřebuje.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Dodavatelé",
            "text": (
                "<p>Vzdálený přístup dodavatele by měl být povolen trvale, aby mohl "
                "kdykoli rychle reagovat.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Vzdálený přístup dodavatele se povoluje jen na nezbytnou "
                "dobu a jeho činnost se zaznamenává. Trvalý přístup je častou branou "
                "útoků přes dodavatelský řetězec.</p>"
            ),
            "correct": False,
        },
        {
            "type": "single",
            "topic": "Eskalace incidentů",
            "text": (
                "<p>Zaměstnanec vám přizná, že zadal své heslo na podvodné stránce. Jak "
                "zareagujete?</p>"
            ),
            "explanation": (
                "<p>Poděkujte za nahlášení a bez odkladu zajistěte, aby o incidentu "
                "věděl odbor informatiky a manažer kybernetické bezpečnosti. Trest "
                "by vedl k zatajování dalších incidentů.</p>"
            ),
            "choices": [
                {
                    "text": "Vyřešíme to v rámci odboru, ať z toho není aféra.",
                    "correct": False,
                    "feedback": "Bez informatiků nelze zjistit, co útočník s heslem udělal.",
                },
                {
                    "text": "Zaměstnance pokárám, aby se to neopakovalo.",
                    "correct": False,
                    "feedback": "Trest naučí lidi incidenty skrývat.",
                },
                {
                    "text": "Poděkuji mu a ihned zajistím informování odboru informatiky "
                    "a manažera kybernetické bezpečnosti.",
                    "correct": True,
                    "feedback": "Správně. Rychlá eskalace omezí škody.",
                },
                {
                    "text": "Počkám, jestli se něco stane.",
                    "correct": False,
                    "feedback": "Než se něco projeví, útočník může mít přístup několik dní.",
                },
            ],
        },
        {
            "type": "single",
            "topic": "Eskalace incidentů",
            "text": (
                "<p>Do kdy je podle NIS2 nutné podat včasné varování o významném "
                "kybernetickém incidentu?</p>"
            ),
            "explanation": (
                "<p>Včasné varování se podává do 24 hodin od zjištění, hlášení incidentu "
                "do 72 hodin a závěrečná zpráva do jednoho měsíce.</p>"
            ),
            "choices": [
                {
                    "text": "Do 24 hodin od zjištění.",
                    "correct": True,
                    "feedback": "Správně. Proto musí být eskalace připravena i na víkendy.",
                },
                {
                    "text": "Do 72 hodin od zjištění.",
                    "correct": False,
                    "feedback": "72 hodin je lhůta pro samotné hlášení incidentu, "
                    "varování přichází dřív.",
                },
                {
                    "text": "Do jednoho týdne.",
                    "correct": False,
                    "feedback": "Tak dlouhou lhůtu NIS2 pro varování nestanoví.",
                },
                {
                    "text": "Do jednoho měsíce.",
                    "correct": False,
                    "feedback": "Do měsíce se podává závěrečná zpráva.",
                },
            ],
        },
        {
            "type": "truefalse",
            "topic": "Vedení příkladem",
            "text": (
                "<p>Vedoucí zaměstnanci by měli mít výjimku z vícefaktorového ověření, "
                "aby je nezdržovalo.</p>"
            ),
            "explanation": (
                "<p>Nepravda. Účty vedoucích mají často široká oprávnění a útočníci se "
                "na ně zaměřují. Výjimka by oslabila ochranu i důvěryhodnost "
                "pravidel.</p>"
            ),
            "correct": False,
        },
    ],
}


COURSES = [
    _PERSONAL_DATA,
    _PHISHING,
    _PASSWORDS,
    _PHYSICAL,
    _RECORDS,
    _REMOTE,
    _MANAGEMENT,
]
