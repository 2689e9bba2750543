"""Encryption at rest, in age's format (age-encryption.org/v1), so that the data can always be
read without Aspire: `age -d` opens every file.

Two layers, so that a write never pays for the passphrase:
- The *key file* (`aspire.key.age`) holds an age X25519 identity, encrypted with the passphrase
  (age's scrypt recipient). Unlocking runs scrypt once, tuned to about a third of a second.
  Changing the passphrase rewrites this one small file; the data stays as it is.
- Every data file (the data, each change, backups, drafts, kept copies) is encrypted to that
  identity's public key by pyrage (the Python binding of rage, an audited age implementation):
  no KDF, a fraction of a millisecond for a small write.

pyrage encrypts with a passphrase only at rage's own work factor (calibrated to about a second,
1.3 s on the test machine), so the key file is written here, to the age specification, with the
`cryptography` library's scrypt, HKDF, HMAC and ChaCha20-Poly1305; it is read by pyrage, and the
tests read it with the `age` command too.
"""

from __future__ import annotations

import base64
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from aspire_tui.store.errors import StoreError

KEY_FILE_NAME = "aspire.key.age"
AGE_MAGIC = b"age-encryption.org/v1"
CHUNK = 64 * 1024
TARGET_UNLOCK_SECONDS = 0.35
"""What one unlock's scrypt should take on this computer: the issue's 0.25–0.5 s."""
MIN_LOG_N = 17
"""Never less, however slow this computer: about a third of a second on the test machine
(age itself uses 18)."""
MAX_LOG_N = 22


WRONG_KEY_MESSAGE = "Decryption failed"
"""What pyrage says when a passphrase does not unwrap the file key (tests/test_sealing.py
fails if that changes)."""


class SealingError(StoreError):
    """A sealed file or the key could not be opened; the message says why, in words."""


class WrongPassphrase(SealingError):
    pass


class Damaged(SealingError):
    """Changed since Aspire wrote it: by a disk, a copy cut short, or someone."""


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def _scrypt(passphrase: str, salt: bytes, log_n: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    label = AGE_MAGIC + b"/scrypt"
    return Scrypt(salt=label + salt, length=32, n=1 << log_n, r=8, p=1).derive(
        passphrase.encode("utf-8")
    )


def passphrase_encrypt(plaintext: bytes, passphrase: str, log_n: int) -> bytes:
    """An age file encrypted with `passphrase` at scrypt work factor 2^`log_n`: the header
    with its one scrypt stanza and MAC, then the STREAM payload, as the specification says."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    file_key = os.urandom(16)
    salt = os.urandom(16)
    wrapped = ChaCha20Poly1305(_scrypt(passphrase, salt, log_n)).encrypt(bytes(12), file_key, None)
    body = _b64(wrapped)
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    if len(lines[-1]) == 64:
        lines.append(b"")  # a body ends with a line shorter than 64 columns
    header = (
        AGE_MAGIC
        + b"\n-> scrypt "
        + _b64(salt)
        + b" "
        + str(log_n).encode()
        + b"\n"
        + b"\n".join(lines)
        + b"\n---"
    )
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, sha256).digest()
    nonce = os.urandom(16)
    payload = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    chunks = [plaintext[i : i + CHUNK] for i in range(0, len(plaintext), CHUNK)] or [b""]
    sealed = []
    for index, chunk in enumerate(chunks):
        last = b"\x01" if index == len(chunks) - 1 else b"\x00"
        sealed.append(payload.encrypt(index.to_bytes(11, "big") + last, chunk, None))
    return header + b" " + _b64(mac) + b"\n" + nonce + b"".join(sealed)


def unlock_seconds(log_n: int) -> float:
    started = time.perf_counter()
    _scrypt("calibrating", bytes(16), log_n)
    return time.perf_counter() - started


def calibrated_log_n(
    target: float = TARGET_UNLOCK_SECONDS, timed: Callable[[int], float] = unlock_seconds
) -> int:
    """The work factor whose scrypt takes about `target` seconds here, and never less than
    MIN_LOG_N: the fastest of three runs at 2^16 (one run on a busy machine would choose too
    low a factor), then doubled or halved, as each step doubles the time."""
    log_n, seconds = 16, min(timed(16) for _ in range(3))
    while seconds * 2 <= target * 1.4 and log_n < MAX_LOG_N:
        log_n, seconds = log_n + 1, seconds * 2
    while seconds > target * 1.4 and log_n > MIN_LOG_N:
        log_n, seconds = log_n - 1, seconds / 2
    return max(log_n, MIN_LOG_N)


def is_sealed(path: Path) -> bool:
    """Whether a file is an age file (a look at its first line only)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(AGE_MAGIC) + 1) == AGE_MAGIC + b"\n"
    except OSError:
        return False


@dataclass(frozen=True)
class DataKey:
    """The X25519 identity every data file is encrypted to, unlocked for this session."""

    identity: str
    """"AGE-SECRET-KEY-1…", as `age -i` reads it."""

    @classmethod
    def generate(cls) -> DataKey:
        from pyrage import x25519

        return cls(str(x25519.Identity.generate()))

    @property
    def recipient(self) -> str:
        from pyrage import x25519

        return str(x25519.Identity.from_str(self.identity).to_public())

    def key_file(self, passphrase: str, log_n: int) -> bytes:
        """The key file: this identity, as age writes an identity file, under `passphrase`."""
        return passphrase_encrypt(f"{self.identity}\n".encode("ascii"), passphrase, log_n)

    @classmethod
    def unlock(cls, key_file: bytes, passphrase: str) -> DataKey:
        from pyrage import DecryptError
        from pyrage import passphrase as age_passphrase

        if not key_file.startswith(AGE_MAGIC + b"\n-> scrypt "):
            raise Damaged("The key file is not an age file encrypted with a passphrase.")
        try:
            text = age_passphrase.decrypt(key_file, passphrase).decode("ascii")
        except DecryptError as error:
            # rage says only this when the passphrase's key does not open the file key; a
            # header or payload changed on disk fails its MAC and says so otherwise
            if str(error) == WRONG_KEY_MESSAGE:
                raise WrongPassphrase("That passphrase does not open this data.") from None
            raise Damaged("The key file is damaged or was changed.") from None
        except UnicodeDecodeError:
            raise Damaged("The key file does not hold an age identity.") from None
        identity = text.strip()
        if not identity.startswith("AGE-SECRET-KEY-1"):
            raise Damaged("The key file does not hold an age identity.")
        return cls(identity)


class Sealer:
    """Seals what Aspire writes about the person, and opens what it reads. `Sealer(None)`
    leaves bytes as they are: a folder without encryption."""

    def __init__(self, key: DataKey | None, switching: bool = False) -> None:
        self.key = key
        self.switching = switching
        """Encryption is being turned on or off (`encryption.py`): files of either kind are
        read, as a switch cut short leaves some of each. At any other time a plain file in an
        encrypted folder is refused."""
        self._recipient = None
        self._identity = None
        if key is not None:
            from pyrage import x25519

            self._identity = x25519.Identity.from_str(key.identity)
            self._recipient = self._identity.to_public()

    @property
    def on(self) -> bool:
        return self.key is not None

    def seal(self, data: bytes) -> bytes:
        if self._recipient is None:
            return data
        import pyrage

        return bytes(pyrage.encrypt(data, [self._recipient]))

    def open(self, data: bytes, what: str = "This file") -> bytes:
        """`data` as written, or `Damaged` if it was changed (age authenticates every chunk
        and its header) or is not sealed to this key."""
        if self._identity is None:
            return data
        import pyrage

        if not data.startswith(AGE_MAGIC + b"\n"):
            if self.switching:
                return data
            raise Damaged(f"{what} is not encrypted, though this data folder is.")
        try:
            return bytes(pyrage.decrypt(data, [self._identity]))
        except pyrage.DecryptError:
            raise Damaged(f"{what} is damaged or was changed since Aspire wrote it.") from None

    def seal_line(self, line: bytes) -> bytes:
        """One line of an appended log: the sealed line as base64 on one line of its own, so
        that a line cut short by a crash is still found and left out, as a plain one is."""
        if self._recipient is None:
            return line
        return base64.b64encode(self.seal(line.rstrip(b"\n"))) + b"\n"

    def open_line(self, line: bytes, what: str = "A saved change") -> bytes:
        if self._identity is None or (self.switching and line.lstrip().startswith(b"[")):
            return line
        try:
            sealed = base64.b64decode(line.strip(), validate=True)
        except ValueError:
            raise Damaged(f"{what} is damaged or was changed since Aspire wrote it.") from None
        return self.open(sealed, what)
