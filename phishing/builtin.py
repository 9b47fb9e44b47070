"""The five Czech templates supplied with the product (created by a data migration)."""

TEMPLATES = [
    {
        "name": "Datová schránka: nová zpráva",
        "subject": "Do Vaší datové schránky byla dodána nová zpráva",
        "sender_name": "Informační systém datových schránek",
        "sender_address": "notifikace@datove-schranky.example.net",
        "body_html": (
            "<p>Vážený uživateli,</p>"
            "<p>do Vaší datové schránky byla dodána nová datová zpráva od odesílatele "
            "<b>Finanční úřad</b>. Zprávu si vyzvedněte do 10 dnů, jinak bude považována za "
            "doručenou.</p>"
            '<p><a href="{{ link }}">Přihlásit se do datové schránky</a></p>'
            "<p>S pozdravem<br>Informační systém datových schránek</p>"
        ),
        "landing_title": "Přihlášení do datové schránky",
        "landing_html": (
            "<p>Pro zobrazení zprávy se přihlaste svým uživatelským jménem a heslem.</p>"
        ),
        "landing_form": True,
        "signs": "\n".join(
            [
                "Adresa odesílatele není z domény mojedatovaschranka.cz.",
                "Informační systém datových schránek neposílá odkazy k přihlášení e-mailem.",
                "Tlak na čas: „do 10 dnů, jinak bude považována za doručenou“.",
                "Neosobní oslovení „Vážený uživateli“.",
                "Odkaz vede jinam, než ukazuje jeho text (najeďte na něj myší).",
            ]
        ),
    },
    {
        "name": "IT helpdesk: vypršení hesla",
        "subject": "Vaše heslo vyprší dnes",
        "sender_name": "IT Helpdesk",
        "sender_address": "helpdesk@it-podpora.example.net",
        "body_html": (
            "<p>Dobrý den, {{ first_name }},</p>"
            "<p>platnost Vašeho hesla k účtu {{ email }} vyprší <b>dnes ve 23:59</b>. Abyste "
            "nepřišel(a) o přístup k poště a dokumentům, potvrďte své současné heslo.</p>"
            '<p><a href="{{ link }}">Ponechat současné heslo</a></p>'
            "<p>IT Helpdesk</p>"
        ),
        "landing_title": "Ověření účtu",
        "landing_html": "<p>Zadejte své současné heslo, aby zůstalo v platnosti.</p>",
        "landing_form": True,
        "signs": "\n".join(
            [
                "Odesílatel je z cizí domény, ne z domény úřadu.",
                "Skutečný helpdesk nikdy nechce znát vaše heslo.",
                "Hrozba ztráty přístupu a krátká lhůta („dnes ve 23:59“).",
                "„Ponechat současné heslo“ není postup, který by správce IT nabízel.",
            ]
        ),
    },
    {
        "name": "Faktura od dodavatele",
        "subject": "Faktura č. 2026-1187 po splatnosti",
        "sender_name": "Účtárna – Kancelářské potřeby s.r.o.",
        "sender_address": "fakturace@kancelarske-potreby.example.net",
        "body_html": (
            "<p>Dobrý den,</p>"
            "<p>evidujeme neuhrazenou fakturu č. 2026-1187 na částku 48 370 Kč, která je "
            "14 dní po splatnosti. Fakturu a nové platební údaje najdete zde:</p>"
            '<p><a href="{{ link }}">Faktura_2026-1187.pdf</a></p>'
            "<p>Prosíme o úhradu do zítřka, jinak předáme pohledávku k vymáhání.</p>"
        ),
        "landing_title": "Dokument nelze zobrazit",
        "landing_html": "<p>Dokument se nepodařilo načíst.</p>",
        "landing_form": False,
        "signs": "\n".join(
            [
                "„Nové platební údaje“: změnu účtu vždy ověřte telefonem na známém čísle.",
                "Odkaz vypadá jako soubor PDF, ale vede na webovou stránku.",
                "Výhrůžka vymáháním a lhůta „do zítřka“.",
                "Faktura, kterou nikdo z vašeho odboru neobjednal.",
            ]
        ),
    },
    {
        "name": "Doručení zásilky",
        "subject": "Vaši zásilku nelze doručit – doplňte adresu",
        "sender_name": "Doručovací služba",
        "sender_address": "info@zasilky-doruceni.example.net",
        "body_html": (
            "<p>Vážený zákazníku,</p>"
            "<p>Vaši zásilku č. CZ4471902 se nepodařilo doručit kvůli neúplné adrese. "
            "Doplňte ji prosím a uhraďte poplatek 29 Kč za opětovné doručení.</p>"
            '<p><a href="{{ link }}">Doplnit adresu</a></p>'
        ),
        "landing_title": "Sledování zásilky",
        "landing_html": "<p>Zásilka čeká na doplnění adresy.</p>",
        "landing_form": False,
        "signs": "\n".join(
            [
                "Zásilku na pracovní adresu jste nečekali.",
                "Malý „poplatek“ má vylákat údaje z platební karty.",
                "Obecné oslovení „Vážený zákazníku“ a cizí doména odesílatele.",
            ]
        ),
    },
    {
        "name": "Sdílený dokument",
        "subject": "{{ organisation }}: byl s Vámi sdílen dokument „Odměny 2026.xlsx“",
        "sender_name": "Sdílení dokumentů",
        "sender_address": "sdileni@dokumenty-online.example.net",
        "body_html": (
            "<p>Dobrý den, {{ first_name }},</p>"
            "<p>kolega s Vámi sdílel dokument <b>Odměny 2026.xlsx</b>. Dokument je dostupný "
            "pouze 48 hodin.</p>"
            '<p><a href="{{ link }}">Otevřít dokument</a></p>'
        ),
        "landing_title": "Přihlášení k dokumentu",
        "landing_html": "<p>Pro otevření sdíleného dokumentu se přihlaste pracovním účtem.</p>",
        "landing_form": True,
        "signs": "\n".join(
            [
                "Lákavý název souboru („Odměny“) má přemoci opatrnost.",
                "Není uvedeno, který kolega dokument sdílel.",
                "Přihlašovací stránka není na adrese úřadu.",
                "Umělá lhůta „pouze 48 hodin“.",
            ]
        ),
    },
]
