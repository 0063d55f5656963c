"""Swiss identifiers with valid check digits, for a demo company that passes real validation.

Written here from the published rules (EAN-13 for AHV numbers, ISO 13616 mod 97 for IBANs,
eCH-0097 mod 11 for company UIDs), independently of the SDK and of the Odoo addons.
"""


def ahv_check_digit(first12):
    """EAN-13 check digit of the first twelve digits of a 13-digit AHV number."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def make_ahv(serial):
    """A valid AHV number 756.XXXX.XXXX.XC from a 9-digit serial."""
    body = f"756{serial:09d}"
    digits = body + str(ahv_check_digit(body))
    return f"{digits[:3]}.{digits[3:7]}.{digits[7:11]}.{digits[11:]}"


def iban_check_digits(country, bban):
    rearranged = bban + country + "00"
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return f"{98 - int(number) % 97:02d}"


def make_ch_iban(clearing, account):
    """A valid Swiss IBAN from a 5-digit bank clearing number and an account number."""
    bban = f"{clearing:05d}{account:012d}"
    return f"CH{iban_check_digits('CH', bban)}{bban}"


def iban_is_valid(iban):
    iban = iban.replace(" ", "").upper()
    if len(iban) < 15 or not iban.isalnum():
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def ahv_is_valid(ahv):
    digits = ahv.replace(".", "")
    return (
        len(digits) == 13
        and digits.isdigit()
        and digits.startswith("756")
        and int(digits[-1]) == ahv_check_digit(digits[:12])
    )


def make_uid(serial):
    """A valid company UID CHE-XXX.XXX.XXX (eCH-0097: weights 5,4,3,2,7,6,5,4; mod 11)."""
    weights = (5, 4, 3, 2, 7, 6, 5, 4)
    while True:
        body = f"{serial:08d}"
        check = 11 - sum(int(d) * w for d, w in zip(body, weights, strict=False)) % 11
        if check == 11:
            check = 0
        if check != 10:  # 10 is not a valid check digit: take the next serial
            digits = body + str(check)
            return f"CHE-{digits[:3]}.{digits[3:6]}.{digits[6:]}"
        serial += 1
