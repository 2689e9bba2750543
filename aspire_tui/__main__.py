import sys

from aspire_tui.cli import main

sys.exit(main())
