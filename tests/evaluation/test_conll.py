"""Hand-checked values: the worked example of Pradhan et al. (2014), 'Scoring Coreference
Partitions of Predicted Mentions: A Reference Implementation' (key {a,b,c},{d,e,f,g};
response {a,b},{c,d},{f,g,h,i}), and the MUC example of Vilain et al. (1995)."""

from __future__ import annotations

import pytest

from storyline.evaluation.conll import b_cubed, ceaf_e, clusters_from_labels, conll, muc

KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_muc_pradhan_example() -> None:
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(2 / 5)
    assert s.precision == pytest.approx(2 / 5)
    assert s.f1 == pytest.approx(0.4)


def test_b_cubed_pradhan_example() -> None:
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx(35 / 84)
    assert s.precision == pytest.approx(4 / 8)
    assert s.f1 == pytest.approx(2 * (35 / 84) * 0.5 / (35 / 84 + 0.5))


def test_ceaf_e_pradhan_example() -> None:
    s = ceaf_e(KEY, RESPONSE)
    # best alignment {a,b,c}-{a,b} (phi4 0.8) and {d,e,f,g}-{f,g,h,i} (0.5)
    assert s.recall == pytest.approx(1.3 / 2)
    assert s.precision == pytest.approx(1.3 / 3)
    assert s.f1 == pytest.approx(0.52)


def test_conll_is_the_mean() -> None:
    s = conll(KEY, RESPONSE)
    assert s.conll_f1 == pytest.approx((0.4 + s.b_cubed.f1 + 0.52) / 3)


def test_muc_vilain_example() -> None:
    # Vilain et al.: key A-B-C-D, response A-B, C-D -> recall 2/3, precision 1.
    s = muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])
    assert s.recall == pytest.approx(2 / 3)
    assert s.precision == pytest.approx(1.0)


def test_perfect_and_singletons() -> None:
    key = [{1, 2}, {3}, {4, 5, 6}]
    s = conll(key, [{6, 5, 4}, {2, 1}, {3}])
    assert s.conll_f1 == pytest.approx(1.0)
    # all singletons: MUC has no links to find, B3 precision is perfect
    single = conll(key, [{m} for m in range(1, 7)])
    assert single.muc.f1 == 0.0
    assert single.b_cubed.precision == pytest.approx(1.0)
    assert single.b_cubed.recall == pytest.approx((2 * 0.5 + 1 + 3 * (1 / 3)) / 6)


def test_overlapping_clusters_are_rejected() -> None:
    with pytest.raises(ValueError, match="two clusters"):
        muc([{1, 2}, {2, 3}], [{1}])


def test_clusters_from_labels() -> None:
    got = clusters_from_labels({"m1": "x", "m2": "y", "m3": "x"})
    assert sorted(map(sorted, got)) == [["m1", "m3"], ["m2"]]
