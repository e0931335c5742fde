"""The fault matrix and the theme zoo deal their runs into shares run side by side (``in_shares``)."""

from __future__ import annotations

import threading

from suarapos_crawler.sample_site.faultmatrix import in_shares


def test_shares_run_side_by_side_and_their_results_come_back_in_the_order_of_the_names():
    both_running = threading.Barrier(2, timeout=10)  # broken (an error) unless two shares run at once

    def run(share: list[str]) -> list[str]:
        both_running.wait()
        return [name.upper() for name in share]

    names = [f"fault-{i}" for i in range(7)]
    assert in_shares(names, run, workers=2) == [name.upper() for name in names]
    assert in_shares(names[:1], lambda share: [n + "!" for n in share]) == ["fault-0!"]  # one name: one share
