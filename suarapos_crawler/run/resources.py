"""What a process of the crawler costs: its peak memory."""

from __future__ import annotations

import resource


def peak_rss_mib() -> float:
    """This process's peak resident memory, in MiB, from Linux's ``VmHWM``.

    Not ``ru_maxrss``: that keeps the peak of the process that forked this one (a child shares its
    parent's pages until ``exec``), so a crawl started by a big parent would report the parent's size."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
