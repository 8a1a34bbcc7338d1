"""Verification codes: 80 random bits from the operating system's CSPRNG, written in
Crockford's base32 (no I, L, O, U, so nothing is misread) in groups of four, with a Luhn
mod 32 check character that catches every single mistyped character and most swaps of two
neighbours, e.g. KOPA-7Q2M-XW4D-9HRT-K3ZB-C."""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "KOPA"
DATA_LENGTH = 16  # 16 characters of 5 bits: 80 bits
CODE_LENGTH = DATA_LENGTH + 1
# What people type for what they mean (Crockford's decoding rules).
CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


class MalformedCode(ValueError):
    """The text cannot be a certificate code (wrong length, letter or check character)."""


def check_character(data: str) -> str:
    """Luhn mod N over ALPHABET (N = 32)."""
    n = len(ALPHABET)
    factor, total = 2, 0
    for char in reversed(data):
        addend = factor * ALPHABET.index(char)
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return ALPHABET[(n - total % n) % n]


def new_code() -> str:
    number = int.from_bytes(secrets.token_bytes(DATA_LENGTH * 5 // 8), "big")
    data = "".join(ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(DATA_LENGTH)))
    return data + check_character(data)


def display_code(code: str) -> str:
    data, check = code[:DATA_LENGTH], code[DATA_LENGTH:]
    groups = [data[i:i + 4] for i in range(0, DATA_LENGTH, 4)]
    return "-".join([PREFIX, *groups, check])


def normalise_code(text: str) -> str:
    """The stored form of what someone typed or scanned; raises MalformedCode."""
    compact = "".join((text or "").split()).replace("-", "").upper()
    if len(compact) == CODE_LENGTH + len(PREFIX) and compact.startswith(PREFIX):
        compact = compact[len(PREFIX):]
    compact = compact.translate(CONFUSABLE)
    if len(compact) != CODE_LENGTH or any(char not in ALPHABET for char in compact):
        raise MalformedCode(text)
    if check_character(compact[:DATA_LENGTH]) != compact[DATA_LENGTH]:
        raise MalformedCode(text)
    return compact
