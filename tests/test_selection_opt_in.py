from lintkit.gate.selection import Selection
from lintkit.rules.base import Rule


class _Always(Rule):
    code = "LK801"
    name = "always-on"


class _Convention(Rule):
    code = "LK802"
    name = "project-convention"
    default_enabled = False


RULES = (_Always(), _Convention())


def test_an_opt_in_rule_is_off_by_default():
    selection = Selection((), (), {}, RULES)
    assert selection.enabled("LK801")
    assert not selection.enabled("LK802")


def test_an_opt_in_rule_runs_when_select_names_it_by_code_prefix_or_name():
    for entry in ("LK802", "LK8", "project-convention"):
        assert Selection((entry,), (), {}, RULES).enabled("LK802"), entry


def test_ignore_still_wins_over_a_shorter_select():
    assert not Selection(("LK8",), ("LK802",), {}, RULES).enabled("LK802")
