"""The default risk catalogue for a municipality: nine categories every office faces."""

DEFAULT_CATEGORIES = [
    {
        "code": "personal-data",
        "name": "Osobní údaje",
        "description": (
            "Zpracování osobních údajů občanů, klientů a zaměstnanců v agendách úřadu, "
            "například v evidenci obyvatel, na matrice nebo v sociálních věcech. Riziko "
            "zahrnuje neoprávněný přístup, únik, ztrátu nebo zpracování bez právního "
            "základu. Řídí se obecným nařízením GDPR a zákonem o zpracování osobních údajů."
        ),
    },
    {
        "code": "records-management",
        "name": "Spisová služba a dokumenty",
        "description": (
            "Příjem, evidence, oběh, ukládání a vyřazování dokumentů ve spisové službě "
            "a v datových schránkách. Riziko představuje nezaevidovaný nebo ztracený "
            "dokument, zmeškaná lhůta, chybné doručení či svévolná skartace."
        ),
    },
    {
        "code": "phishing",
        "name": "Phishing a sociální inženýrství",
        "description": (
            "Podvodné e-maily, telefonáty, SMS a osobní návštěvy, jejichž cílem je vylákat "
            "přihlašovací údaje, peníze nebo informace či spustit škodlivý kód. Týká se "
            "každého zaměstnance s e-mailem a telefonem, zvlášť těch, jejichž kontakty "
            "jsou zveřejněny na webu města."
        ),
    },
    {
        "code": "passwords-access",
        "name": "Hesla a přístupová oprávnění",
        "description": (
            "Správa hesel, vícefaktorové ověření a přidělování přístupových oprávnění "
            "do informačních systémů. Riziko vzniká slabými nebo opakovaně používanými "
            "hesly, sdílením účtů a hromaděním nepotřebných oprávnění."
        ),
    },
    {
        "code": "physical-security",
        "name": "Fyzická bezpečnost a čistý stůl",
        "description": (
            "Ochrana kanceláří, spisoven, serveroven a pracovišť s veřejností před "
            "neoprávněným vstupem a nahlížením do dokumentů. Zahrnuje zásadu čistého "
            "stolu, pohyb návštěv, identifikační průkazy, tiskárny a likvidaci papírových "
            "dokumentů."
        ),
    },
    {
        "code": "mobile-remote",
        "name": "Mobilní zařízení a práce na dálku",
        "description": (
            "Práce mimo budovu úřadu – z domova, v terénu nebo na cestách – a používání "
            "notebooků, telefonů a přenosných médií. Riziko představuje ztráta či krádež "
            "zařízení, nezabezpečené sítě a únik dokumentů mimo kontrolu úřadu."
        ),
    },
    {
        "code": "privileged-it",
        "name": "Privilegovaný přístup k IT",
        "description": (
            "Účty a činnosti s rozšířenými oprávněními, zejména správa serverů, sítí "
            "a aplikací a schvalování přístupů ostatním. Zneužití nebo kompromitace "
            "privilegovaného účtu může ohrozit celý úřad, proto vyžaduje nejpřísnější "
            "kontrolu."
        ),
    },
    {
        "code": "payments",
        "name": "Platby a pokladna",
        "description": (
            "Přijímání a odesílání plateb, vedení pokladny a správa bankovních údajů "
            "dodavatelů a příjemců. Typickými hrozbami jsou podvodné faktury, podvržená "
            "změna čísla účtu a pokyn k platbě od falešného nadřízeného."
        ),
    },
    {
        "code": "suppliers",
        "name": "Dodavatelé a externí služby",
        "description": (
            "Externí dodavatelé IT služeb, servisní firmy, cloudové služby a zpracovatelé "
            "osobních údajů, kteří mají přístup k systémům nebo datům úřadu. Riziko vzniká "
            "nedostatečnými smluvními požadavky, trvalým vzdáleným přístupem "
            "a nekontrolovaným předáváním dat."
        ),
    },
]


def catalogue_seed() -> int:
    """Create the default categories that do not exist yet (by code); edited ones stay as they are.

    Returns how many were created. Safe to run any number of times.
    """
    from .models import RiskCategory

    created = 0
    for order, item in enumerate(DEFAULT_CATEGORIES):
        _category, was_created = RiskCategory.objects.get_or_create(
            code=item["code"],
            defaults={
                "name": item["name"],
                "description": item["description"],
                "sort_order": order,
            },
        )
        created += was_created
    return created
