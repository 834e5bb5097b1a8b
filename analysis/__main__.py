"""``python -m analysis``: see :mod:`analysis.cli`."""

import atexit
import os
import sys

from analysis.cli import main

status = main()
# Everything is written and every worker process has stopped: run the exit handlers, then
# end the process without tearing the interpreter down object by object (about 0.1 s
# after a large corpus).
try:
    sys.stdout.flush()
    sys.stderr.flush()
except BrokenPipeError:  # e.g. piped into head
    pass
atexit._run_exitfuncs()
os._exit(status)
