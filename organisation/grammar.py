"""The grammatical gender Czech messages use for a person: their choice, else a guess, else none.

Czech past participles and adjectives agree with the person ("přihlášena", "přihlášen"). A
person sets their form of address in their profile; until then the first name suggests one
(vokativ knows Czech names), and a name it cannot tell gets the neutral wording. Messages pick
their variant with `gendered`, whose variants are `pgettext("female"|"male", ...)` entries.
"""

FEMALE, MALE, NEUTRAL = "female", "male", "neutral"


def gender_guess(first_name: str) -> str:
    """female/male from a Czech first name; neutral when there is none or it cannot tell."""
    name = (first_name or "").strip().split(" ")[0]
    if not name.isalpha():
        return NEUTRAL
    from vokativ import sex

    try:
        guess = sex(name)
    except Exception:  # an unusual name must never break a page
        return NEUTRAL
    return {"w": FEMALE, "m": MALE}.get(guess, NEUTRAL)


def gender_of(user) -> str:
    """The stored choice, else the guess from the first name."""
    chosen = getattr(user, "form_of_address", "") or ""
    if chosen in (FEMALE, MALE, NEUTRAL):
        return chosen
    return gender_guess(getattr(user, "first_name", ""))


def gendered(user, *, female: str, male: str, neutral: str) -> str:
    """The variant of a message that fits the user."""
    return {FEMALE: female, MALE: male}.get(gender_of(user), neutral)
