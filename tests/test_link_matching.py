"""Links of the same destination pair up through an index: the same pairs as trying every group, in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintkit.analysis.links.parity import _Group, _match_exactly, _Side
from lintkit.model import Block, Link, Span

_BLOCK = Block(index=0, kind="paragraph", span=Span.point(1), raw="", text="")
_KEYS = st.sets(st.sampled_from(["/a", "/b", "/c", "#x", "[reference]"]), max_size=2)
_GROUPS = st.lists(st.tuples(st.lists(_KEYS, max_size=4), st.lists(_KEYS, max_size=4)), max_size=8)


def _groups(spec) -> list[_Group]:
    groups = []
    for number, (sources, targets) in enumerate(spec):
        group = _Group(_BLOCK, _BLOCK)
        for side, (kind, keys_list) in enumerate((("source", sources), ("target", targets))):
            sides = [
                _Side(Link("inline", f"{kind}{number}.{k}", "/", Span.point(number + 1, k + 1), ""), _BLOCK, set(keys))
                for k, keys in enumerate(keys_list)
            ]
            (group.sources if side == 0 else group.targets).extend(sides)
        groups.append(group)
    return groups


def _every_group(source_groups: list[_Group], target_groups: list[_Group]) -> None:
    """Each target link takes the first source link, group by group, that shares a destination with it."""
    for target_group in target_groups:
        for target in list(target_group.targets):
            source_group = next(
                (group for group in source_groups if any(side.keys & target.keys for side in group.sources)), None
            )
            if source_group is not None:
                source = next(side for side in source_group.sources if side.keys & target.keys)
                source_group.sources.remove(source)
                target_group.targets.remove(target)


def _left(groups: list[_Group]) -> list[tuple[list[str], list[str]]]:
    return [([s.link.text for s in g.sources], [t.link.text for t in g.targets]) for g in groups]


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(_GROUPS)
def test_the_index_pairs_what_trying_every_group_pairs(spec) -> None:
    indexed, tried = _groups(spec), _groups(spec)
    for group in indexed:
        _match_exactly([group], [group])
    _match_exactly(indexed, indexed)
    for group in tried:
        _every_group([group], [group])
    _every_group(tried, tried)
    assert _left(indexed) == _left(tried)


def test_a_target_link_takes_the_earliest_group_s_link() -> None:
    groups = _groups([([{"/b"}], [{"/a"}]), ([{"/a"}, {"/a"}], [])])
    _match_exactly(groups, groups)
    assert _left(groups) == [(["source0.0"], []), (["source1.1"], [])]
