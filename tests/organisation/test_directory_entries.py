"""The directory's side of the sync as pure functions: account flags, DNs, departments."""

from organisation import directory

CONFIG = directory.Config(base_dn="OU=Zaměstnanci,DC=horni-lhota,DC=cz")


def entry(dn: str, **values: str) -> tuple[str, dict[str, list[bytes]]]:
    return dn, {name: [value.encode()] for name, value in values.items()}


def test_active_directory_disables_with_bit_2_of_user_account_control():
    flags = {"512": False, "514": True, "66048": False, "66050": True, "": False, "x": False}
    for value, disabled in flags.items():
        assert directory.is_disabled({"useraccountcontrol": [value.encode()]}, CONFIG) is disabled


def test_openldap_disables_with_a_mapped_attribute_and_values():
    config = directory.Config(
        base_dn="dc=x", disabled_attribute="employeeType", disabled_values=frozenset({"vystoupil"})
    )
    assert directory.is_disabled({"employeetype": [b"Vystoupil"]}, config)
    assert not directory.is_disabled({"employeetype": [b"referent"]}, config)
    assert not directory.is_disabled({}, config)


def test_dns_compare_whatever_their_case_spacing_and_escapes():
    escaped = (
        r"CN=Ji\C5\99\C3\AD \C5\98ezn\C3\AD\C4\8Dek, "
        r"OU=Odbor dopravy\, silničního hospodářství,DC=cz"
    )
    plain = "cn=jiří řezníček,ou=odbor dopravy\\, silničního hospodářství,dc=cz"
    assert directory.dn_key(escaped) == directory.dn_key(plain)
    assert directory.dn_parts(escaped)[1] == ("ou", "Odbor dopravy, silničního hospodářství")


def test_the_department_is_the_path_of_ous_below_the_base_dn_top_first():
    dn = f"CN=Šárka Bílá,OU=Pokladna,OU=Oddělení rozpočtu,OU=Odbor ekonomický,{CONFIG.base_dn}"
    assert directory.workplace_path(dn, CONFIG.base_dn) == (
        "Odbor ekonomický",
        "Oddělení rozpočtu",
        "Pokladna",
    )


def test_entries_become_the_import_csv_with_managers_as_personal_numbers():
    base = CONFIG.base_dn
    boss = f"CN=Tomáš Žák,OU=Odbor ekonomický,{base}"
    results = [
        entry(boss, employeeNumber="1201", givenName="Tomáš", sn="Žák", mail="T.Zak@x.cz"),
        entry(
            f"CN=Petra Nováčková,OU=Oddělení rozpočtu,OU=Odbor ekonomický,{base}",
            employeeNumber="1211",
            givenName="Petra",
            sn="Nováčková",
            mail="petra@x.cz",
            title="vedoucí; oddělení",
            manager=boss.upper(),
        ),
        entry(
            f"CN=Gone,OU=Odbor ekonomický,{base}", employeeNumber="1299", userAccountControl="514"
        ),
        entry(f"CN=Podatelna,{base}", mail="podatelna@x.cz"),
    ]
    reading = directory.entries_read(results, CONFIG)
    assert (len(reading.enabled), len(reading.disabled), reading.not_employees) == (2, 1, 1)
    source = directory.import_input(
        reading,
        workplace_codes={
            ("Odbor ekonomický",): "oe",
            ("Odbor ekonomický", "Oddělení rozpočtu"): "oe-r",
        },
        known_numbers=[],
        with_job_title=True,
    )
    assert source.data.decode().splitlines() == [
        "personal number,first name,last name,e-mail,workplace,manager personal number,job title",
        "1211,Petra,Nováčková,petra@x.cz,oe-r,1201,vedoucí; oddělení",
        "1201,Tomáš,Žák,t.zak@x.cz,oe,,",
    ]
    assert {line: e.personal_number for line, e in source.lines.items()} == {2: "1211", 3: "1201"}
    assert source.errors == []
