"""Child process for the SIGKILL test: writes through the real store until it is killed.

Usage: python tests/crash_writer.py FOLDER SEED LOG [behind|encrypted]. After the store
confirms each step, the step's number is appended to LOG and fsynced, so the parent knows what
was confirmed.
With `behind`, the store saves as the app does: from its writer thread, each change appended
to the change log, which is folded into the file every few kilobytes (so that kills land in
appends, in folds and between them); a step is confirmed once `flush` says it is on disk.
`encrypted` saves as `behind` does, into an encrypted folder, with the key named in
ASPIRE_TEST_IDENTITY. `shared` saves as `behind` does, in a folder another computer's file
is being synced into meanwhile: that computer's records are left out of the model.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aspire_tui.store import AspireStore, change_log  # noqa: E402
from aspire_tui.store.sealing import DataKey  # noqa: E402
from tests.crash_model import (  # noqa: E402
    apply_to_model,
    apply_to_store,
    model_from_store,
    next_op,
    without_other_computers,
)


def main() -> None:
    folder, seed, log_path = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    behind = sys.argv[4:] in (["behind"], ["encrypted"], ["shared"])
    identity = os.environ.get("ASPIRE_TEST_IDENTITY")
    key = DataKey(identity) if sys.argv[4:] == ["encrypted"] and identity else None
    store = AspireStore.open(folder, backup=False, key=key)
    if behind:
        change_log.FOLD_AT = 4096
        store.write_in_background()
    model = without_other_computers(model_from_store(store))
    rng = random.Random(seed)
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    print("ready", flush=True)
    step = 0
    while True:
        op = next_op(rng, model, f"{seed}-{step}")
        apply_to_store(store, op)
        if behind:
            store.flush()
        model = apply_to_model(model, op)
        os.write(log, f"{step}\n".encode())
        os.fsync(log)
        step += 1


if __name__ == "__main__":
    main()
