"""The `aspire` command: the app, and the data commands that work without it."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from aspire_tui import __version__

if TYPE_CHECKING:
    from aspire_tui.store import AspireStore
    from aspire_tui.store.lock import AlreadyOpenError
    from aspire_tui.store.sealing import DataKey


class CommandError(Exception):
    """A message for the person; the command exits with status 2."""


def build_parser() -> argparse.ArgumentParser:
    # SUPPRESS keeps a subcommand's unset --data-dir from hiding one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="use this folder for your data instead of the default",
    )
    parser = argparse.ArgumentParser(
        prog="aspire",
        parents=[common],
        description="Aspire: a private, keyboard-driven terminal app for steering your career.",
        epilog="Data lives in aspire.json in the data folder: --data-dir, else $ASPIRE_DATA_DIR, "
        "else your platform's user data folder (~/.local/share/aspire-tui on Linux). "
        "Exit status 3: the app closed with changes it could not save (a full disk, say). "
        "Encrypted data (aspire encrypt) asks for its passphrase, or reads it from the file "
        "named in ASPIRE_PASSPHRASE_FILE.",
    )
    parser.add_argument("--version", action="version", version=f"aspire {__version__}")
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="look without changing anything (works while another Aspire has the folder open)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="try Aspire on a year of made-up history, in a temporary folder deleted on quit "
        "(your own data is not touched)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("backups", parents=[common], help="list the backups of your data")
    restore = commands.add_parser(
        "restore", parents=[common], help="put a backup back (the current data is kept as one)"
    )
    restore.add_argument("name", help="a backup's name, as `aspire backups` lists it")
    export = commands.add_parser("export", parents=[common], help="write your data to a file")
    export.add_argument(
        "--format",
        choices=["markdown", "json", "ics"],
        default="markdown",
        help="markdown: a career plan to read or share; json: a complete backup to import; "
        "ics: goal deadlines, look-back days and the next review, for your calendar",
    )
    export.add_argument(
        "--with-notes",
        action="store_true",
        help="ics only: put goal descriptions and decisions in the events (titles only without)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument(
        "--encrypt",
        action="store_true",
        help="json only: encrypt the export with a passphrase (age; `age -d` opens it too)",
    )
    imported = commands.add_parser(
        "import", parents=[common], help="add the records of a JSON export to your data"
    )
    imported.add_argument("file", help="a file written by `aspire export --format json`")
    imported.add_argument(
        "--replace", action="store_true", help="replace all your data instead of merging"
    )
    imported.add_argument("--yes", action="store_true", help="do not ask before --replace")
    encrypt = commands.add_parser(
        "encrypt",
        parents=[common],
        help="encrypt your data with a passphrase (asked at every start; lost, it loses the data)",
    )
    encrypt.add_argument("--yes", action="store_true", help="do not ask before encrypting")
    decrypt = commands.add_parser(
        "decrypt", parents=[common], help="turn encryption off: your data in plain text again"
    )
    decrypt.add_argument("--yes", action="store_true", help="do not ask before decrypting")
    commands.add_parser(
        "passphrase", parents=[common], help="change the passphrase of encrypted data"
    )
    devices = commands.add_parser(
        "devices",
        parents=[common],
        help="list the computers that share this data folder (through a sync tool)",
    )
    devices.add_argument(
        "forget", nargs="?", choices=["forget"], help="stop reading one computer's file"
    )
    devices.add_argument("device", nargs="?", metavar="ID", help="the computer to forget")
    devices.add_argument("--yes", action="store_true", help="do not ask before forgetting")
    from aspire_tui.shell_commands import add_shell_commands

    add_shell_commands(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        # Starting the app allocates years of records at once; collecting garbage meanwhile
        # only slows the first frame. The app turns collection back on once it has drawn.
        gc.disable()
    # Imported here so that --help and --version answer without loading the store or the UI.
    from aspire_tui.store import StoreError, resolve_data_dir

    if args.demo and (args.command is not None or getattr(args, "data_dir", None)):
        print(
            "aspire: --demo opens the app on made-up data; it does not go with a command or "
            "--data-dir.",
            file=sys.stderr,
        )
        return 2
    folder = resolve_data_dir(getattr(args, "data_dir", None))
    from aspire_tui import shell_commands

    handlers: dict[str | None, Callable[[argparse.Namespace, Path], int]] = {
        None: run_app,
        "backups": list_backups_command,
        "restore": restore_command,
        "export": export_command,
        "import": import_command,
        "encrypt": encrypt_command,
        "decrypt": decrypt_command,
        "passphrase": passphrase_command,
        "devices": devices_command,
        "log": shell_commands.log_command,
        "note": shell_commands.note_command,
        "status": shell_commands.status_command,
        "goals": shell_commands.goals_command,
    }
    from aspire_tui.passphrase_input import PassphraseError
    from aspire_tui.store.errors import UnsavedChanges

    try:
        return handlers[args.command](args, folder)
    except UnsavedChanges as error:  # the app quit with changes the disk refused
        print(f"aspire: {error}", file=sys.stderr)
        return error.exit_status
    except (StoreError, CommandError, PassphraseError) as error:
        print(f"aspire: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `aspire export | head`: the reader stopped listening
        sys.stdout = None  # type: ignore[assignment]
        return 1
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        print(f"aspire: {error.strerror or error}{where}", file=sys.stderr)
        return 2


def folder_key(folder: Path) -> DataKey | None:
    """The data key of an encrypted folder, unlocked with its passphrase (three tries at a
    terminal); None for a plain folder."""
    from aspire_tui.passphrase_input import TRIES, PassphraseError, from_file, typed
    from aspire_tui.use_cases.encryption import WrongPassphrase, is_encrypted, unlock

    if not is_encrypted(folder):
        return None
    written = from_file()
    if written is not None:
        try:
            return unlock(folder, written)
        except WrongPassphrase:
            raise PassphraseError(
                "The passphrase in ASPIRE_PASSPHRASE_FILE does not open this data."
            ) from None
    for tries_left in range(TRIES - 1, -1, -1):
        try:
            return unlock(folder, typed(f"Passphrase for {folder}: "))
        except WrongPassphrase as wrong:
            if not tries_left:
                raise PassphraseError(
                    f"{wrong} Nothing was opened or changed. (If you are sure of the "
                    "passphrase, the key file may be damaged: put back a copy of it.)"
                ) from None
            print(f"{wrong} Try again.", file=sys.stderr)
    raise AssertionError("unreachable")


def open_store(folder: Path, **kwargs: object) -> AspireStore:
    from aspire_tui.store import AspireStore, default_data_dir

    key = kwargs.pop("key", None) or folder_key(folder)
    own = folder == default_data_dir()
    store = AspireStore.open(folder, own_folder=own, key=key, **kwargs)  # type: ignore[arg-type]
    if store.opening_note is not None:
        print(f"aspire: {store.opening_note}", file=sys.stderr)  # the app shows it as well
    return store


def run_app(args: argparse.Namespace, folder: Path, demo: bool = False) -> int:
    if getattr(args, "demo", False) and not demo:
        return run_demo(args)
    from textual.theme import BUILTIN_THEMES

    from aspire_tui.store.settings_file import load_settings, settings_path
    from aspire_tui.ui.keymap_check import keys_named

    settings = load_settings(settings_path(), set(BUILTIN_THEMES), keys_named)
    if demo:  # made-up data: the person's own settings are read, never written
        settings = dataclasses.replace(settings, may_write=False)
    keep = settings.settings.keep_backups
    from aspire_tui.store.lock import AlreadyOpenError

    key = app_key(folder, settings.settings.theme)
    try:
        store = open_store(
            folder, read_only=args.read_only, keep_backups=keep, check_later=True, key=key
        )
    except AlreadyOpenError as error:
        if not sys.stdin.isatty():
            raise CommandError(
                f"{error}\nTo look without changing anything: aspire --read-only"
            ) from None
        if not ask_read_only(error):
            return 2
        store = open_store(folder, read_only=True, key=key)
    from aspire_tui.ui.app import AspireApp

    app = AspireApp(store, tune_gc=True, demo=demo, settings=settings)
    try:
        app.run()
    finally:
        gc.unfreeze()
        gc.enable()
        store = app.store  # opened again if an encrypted Aspire was locked and unlocked
        problem = store.launch_backup_problem()
        store.close()
    if problem is not None:
        print(f"aspire: {problem}", file=sys.stderr)  # shown in the app too, if it was open
    if app.stopped_by is not None:
        raise app.stopped_by  # said as when opening finds it
    return app.return_code or 0


def app_key(folder: Path, theme: str) -> DataKey | None:
    """An encrypted folder's key for the app: from ASPIRE_PASSPHRASE_FILE, else asked on a
    screen of its own before anything is opened (`ui/passphrase_screen.py`)."""
    from aspire_tui.passphrase_input import PassphraseError, from_file
    from aspire_tui.use_cases.encryption import is_encrypted

    if not is_encrypted(folder) or from_file() is not None:
        return folder_key(folder)
    if not sys.stdin.isatty():
        return folder_key(folder)  # refused, saying how to give it without a terminal
    from aspire_tui.ui.passphrase_screen import PassphraseApp

    prompt = PassphraseApp(folder, theme)
    key = prompt.run()
    if key is None:
        raise PassphraseError(prompt.said or "Nothing was opened.")
    return key


def run_demo(args: argparse.Namespace) -> int:
    """The app on one made-up person's year (`demo_year`; the benchmarks use the heavier,
    mechanical history of tests/fixtures/history.py), in a folder of its own that goes when
    the app closes."""
    import shutil
    import tempfile

    from aspire_tui.demo_year import a_year
    from aspire_tui.store import AspireStore

    if args.read_only:
        raise CommandError("--demo and --read-only do not go together.")
    folder = Path(tempfile.mkdtemp(prefix="aspire-demo-"))
    try:
        store = AspireStore.open(folder / "data", backup=False)
        try:
            a_year(store, date.today())
        finally:
            store.close()
        return run_app(args, folder / "data", demo=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def ask_read_only(error: AlreadyOpenError, ask: Callable[[str], str] = input) -> bool:
    """Offer a read-only look instead of a second writer."""
    print(f"aspire: {error}", file=sys.stderr)
    try:
        answer = ask("Open it read-only [r], or quit [q]? ")
    except EOFError:
        return False
    return answer.strip().lower() in {"r", "read-only", "readonly"}


def list_backups_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.store.backups import backup_folder, describe_held, list_backups, records_held
    from aspire_tui.store.devices import own_data_file
    from aspire_tui.store.sealing import is_sealed
    from aspire_tui.use_cases.encryption import is_encrypted

    data_file = own_data_file(folder)
    if data_file.is_symlink():  # backups are kept beside the file a link leads to, as the app does
        with contextlib.suppress(OSError, RuntimeError):
            data_file = data_file.resolve()
    everything = list_backups(data_file)
    backups = [b for b in everything if not b.kept_unsaved]
    kept = [b for b in everything if b.kept_unsaved]
    if not backups:
        print(f"No backups yet in {backup_folder(data_file)}.")
    else:
        print(f"Backups in {backup_folder(data_file)}, newest first:")
    for backup in backups:
        said = backup.reason.replace("-", " ") if backup.reason else "at start"
        reason = f"  ({said}{', encrypted' if is_sealed(backup.path) else ''})"
        print(f"  {backup.name:<44} {backup.taken:%Y-%m-%d %H:%M}  {backup.size:>9,} bytes{reason}")
    if kept:
        print(
            "\nChanges that could not be saved into the data file, kept here instead\n"
            "(never removed automatically; delete one once you have what it holds):"
        )
    encrypted = is_encrypted(folder)
    for backup in kept:
        held = "encrypted" if encrypted else describe_held(records_held(backup))
        print(f"  {backup.name:<44} kept {backup.taken:%Y-%m-%d %H:%M}  {held}")
    if everything:
        print("Put one back with: aspire restore NAME")
    return 0


def restore_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.use_cases.data import restore_backup

    print(restore_backup(folder, args.name, datetime.now(), folder_key(folder)).said)
    return 0


def export_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.passphrase_input import chosen
    from aspire_tui.use_cases.data import check_export_to, export_bytes, export_text, export_to

    if args.encrypt and args.format != "json":
        raise CommandError("--encrypt goes with --format json (a plan is for reading).")
    if args.with_notes and args.format != "ics":
        raise CommandError("--with-notes goes with --format ics.")
    settings = None
    if args.format == "ics":
        from aspire_tui.shell_commands import settings_for_commands

        settings = settings_for_commands()
    store = open_store(folder, read_only=True)
    try:
        if store.sealer.on and not args.encrypt:
            print(
                "aspire: this export is written in plain text, though your data folder is "
                "encrypted"
                + ("" if args.format == "markdown" else " (--encrypt encrypts it)")
                + ".",
                file=sys.stderr,
            )
        if args.encrypt and args.output is None and sys.stdout.isatty():
            raise CommandError("An encrypted export is binary: give -o FILE, or pipe it.")
        target = Path(args.output).expanduser() if args.output is not None else None
        if target is not None and check_export_to(store, target, overwrite=args.force):
            print(f"Replacing {target}.", file=sys.stderr)
        passphrase = chosen() if args.encrypt else None
        if target is None:
            if args.format == "ics":
                data = export_bytes(store, "ics", date.today(), None, settings, args.with_notes)
                sys.stdout.buffer.write(data)
            elif passphrase is None:
                sys.stdout.write(export_text(store, args.format, date.today()))
            else:  # an age file: bytes
                sys.stdout.buffer.write(export_bytes(store, args.format, date.today(), passphrase))
            return 0
        export_to(
            store,
            args.format,
            target,
            date.today(),
            overwrite=args.force,
            passphrase=passphrase,
            settings=settings,
            with_notes=args.with_notes,
        )
    finally:
        store.close()
    print(f"Wrote {target} (readable by you only).", file=sys.stderr)
    return 0


def import_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.passphrase_input import from_file, typed
    from aspire_tui.use_cases.data import import_planned, plan_import, read_import

    source = Path(args.file).expanduser()
    export = read_import(  # a bad file is refused before the data opens
        source, date.today(), lambda: from_file() or typed(f"Passphrase for {source.name}: ")
    )
    store = open_store(folder, backup=False)
    try:
        plan = plan_import(store, source, export, replace=args.replace)
        if plan.nothing_to_add:
            print(plan.nothing_message)
            return 0
        if args.replace and not args.yes and not confirm_replace(store, plan.incoming):
            print("Nothing was changed.", file=sys.stderr)
            return 1
        done = import_planned(store, plan, datetime.now())
    finally:
        store.close()
    print(done.said)
    return 0


def confirm_replace(store: AspireStore, incoming: int, ask: Callable[[str], str] = input) -> bool:
    from aspire_tui.store.exchange import records_here

    if not sys.stdin.isatty():
        raise CommandError("--replace needs --yes when there is no terminal to ask in.")
    current = records_here(store)  # every kind: reviews and the profile go too
    prompt = (
        f"Replace all {current} records in {store.path} with the {incoming} in the file? "
        "Type y to go on: "
    )
    try:
        return ask(prompt).strip().lower() in {"y", "yes"}
    except EOFError:
        return False


def encrypt_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.passphrase_input import chosen, from_file
    from aspire_tui.use_cases.encryption import WARNING, is_encrypted, turn_on

    if is_encrypted(folder):
        raise CommandError(f"The data in {folder} is encrypted already.")
    print(WARNING, file=sys.stderr)
    passphrase = chosen()
    if not args.yes and from_file() is None and not typed_to_go_on("encrypt"):
        return 1
    print(turn_on(folder, passphrase))
    return 0


def devices_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.use_cases.devices import describe_devices, forget_device

    if args.forget and not args.device:
        raise CommandError("Name the computer to forget: aspire devices forget ID")
    if args.device and not args.forget:
        raise CommandError(
            "aspire devices lists the computers; aspire devices forget ID forgets one."
        )
    store = open_store(folder, backup=False, read_only=not args.forget)
    try:
        if not args.forget:
            print(f"Computers that write to {folder}:")
            for line in describe_devices(store):
                print(f"  {line.said}")
            return 0
        print(
            f"Aspire will stop reading the file of computer {args.device} here. What it brought "
            "so far stays; what it changes from now on will not arrive.",
            file=sys.stderr,
        )
        if not args.yes and not typed_to_go_on("forget"):
            return 1
        print(forget_device(store, args.device))
    finally:
        store.close()
    return 0


def typed_to_go_on(word: str, ask: Callable[[str], str] = input) -> bool:
    """A switch of the whole folder goes on only once the person types its name."""
    try:
        answer = ask(f"Type {word} to go on: ")
    except EOFError:
        answer = ""
    if answer.strip().lower() == word:
        return True
    print("Nothing was changed.", file=sys.stderr)
    return False


def decrypt_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.passphrase_input import from_file
    from aspire_tui.use_cases.encryption import is_encrypted, turn_off

    if not is_encrypted(folder):
        raise CommandError(f"The data in {folder} is not encrypted.")
    key = folder_key(folder)
    assert key is not None
    if not args.yes and from_file() is None:
        print("This writes your data, its backups and drafts in plain text again.", file=sys.stderr)
        if not typed_to_go_on("decrypt"):
            return 1
    print(turn_off(folder, key))
    return 0


def passphrase_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.passphrase_input import NEW_PASSPHRASE_FILE_VARIABLE, chosen
    from aspire_tui.use_cases.encryption import is_encrypted, new_passphrase

    if not is_encrypted(folder):
        raise CommandError(f"The data in {folder} is not encrypted: aspire encrypt turns it on.")
    key = folder_key(folder)
    assert key is not None
    passphrase = chosen(variable=NEW_PASSPHRASE_FILE_VARIABLE)  # in a script: the new one's file
    print(new_passphrase(folder, key, passphrase))
    return 0


if __name__ == "__main__":
    sys.exit(main())
