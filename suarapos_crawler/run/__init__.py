"""A run's bookkeeping: its row and ledger (record), status and exit code, redesign verdict, lock, resources, progress."""
