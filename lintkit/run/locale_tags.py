"""Whether a folder name is a locale tag, for a project that has no configuration to say so.

Without a configuration the layout is guessed (`{locale}/{path}`), and a code
repository's `src/`, `app/`, `lib/` and `doc/` are not translations of
anything. A name counts as a locale when it is a well-formed BCP 47 tag (`fr`,
`pt-BR`, `zh-Hant-TW`, `es-419`) or POSIX locale name (`pt_BR`,
`zh_Hant_TW`, `sr@latin`, `de_DE.UTF-8`) whose language subtag is a known
language code: any ISO 639-1 code, or one of the three-letter codes that
localized sites use. A three-letter code followed by a region or script
(`yue-HK`) is accepted too, since folder names such as `lib-x` are not
written that way. The private-use codes `qaa`–`qtz` count too. A folder
that is none of these is a locale only when the configuration's `locales`
allow-list names it.
"""

from __future__ import annotations

import re

from lintkit.patterns import on_first_use


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ISO 639-1: every two-letter language code (including the deprecated iw, in, ji, jw, mo still seen in layouts).
_TWO_LETTER = _codes(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee
    el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io
    is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk
    ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc
    sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve
    vi vo wa wo xh yi yo za zh zu
    """
)
# Three-letter codes (ISO 639-2/3) that have no two-letter code and that translation platforms and CLDR use.
_THREE_LETTER = _codes(
    """
    ace agq arq ars ary arz asa ast bas bez bho brx byn ceb cgg chr ckb crh csb dav dje dsb dua dyo dzg ebu ewo
    fil fon frr fur gaa gsw guz haw hsb jbo jgo jmc kab kbd kde kea khq kkj kln kok krc ksb ksf ksh lad lag lkt
    lmo lrc luo luy mai mas mfe mgh mgo mni mua myv mzn naq nds nmg nnh nqo nso nus nyn pcm quc rof rwk sah saq
    sat sbp scn sco seh ses shi sma smj smn sms szl teo tlh tok twq tzm udm vai vun wae wuu xog yav yue zgh
    """
)
# Codes above were chosen so that no common folder name (bin, man, new, min, pro, ...) is among them.
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")
_SCRIPT = re.compile(r"[A-Za-z]{4}")
_REGION = re.compile(r"[A-Za-z]{2}|[0-9]{3}")


_variant = on_first_use(r"[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}")


_POSIX_TAIL = re.compile(r"(?:\.[A-Za-z0-9-]+)?(?:@[A-Za-z0-9]+)?\Z")


def looks_like_locale(name: str) -> bool:
    """`fr`, `pt-BR`, `zh_Hant_TW`, `sr@latin`, `de_DE.UTF-8`: yes; `src`, `app`, `lib`, `doc`, `docs`: no."""
    tail = _POSIX_TAIL.search(name)
    tag = name[: tail.start()] if tail else name
    parts = re.split(r"[-_]", tag)
    if not parts or not all(_SUBTAG.fullmatch(part) for part in parts):
        return False
    language, rest = parts[0].lower(), parts[1:]
    if not re.fullmatch(r"[a-z]{2,3}", language):
        return False
    private_use = len(language) == 3 and "qaa" <= language <= "qtz"  # BCP 47 reserves qaa-qtz for local use
    known = language in _TWO_LETTER or language in _THREE_LETTER or private_use
    if not known and not (len(language) == 3 and rest and (_SCRIPT.fullmatch(rest[0]) or _REGION.fullmatch(rest[0]))):
        return False
    return _well_formed(rest)


def _well_formed(subtags: list[str]) -> bool:
    """Script, region, variants, then extensions or private use (`x-…`), in BCP 47's order."""
    stage = 0  # 0: script may come, 1: region may come, 2: variants only
    for index, subtag in enumerate(subtags):
        if len(subtag) == 1:  # an extension or private-use singleton: the rest is free-form
            return index + 1 < len(subtags)
        if stage == 0 and _SCRIPT.fullmatch(subtag):
            stage = 1
        elif (stage <= 1 and _REGION.fullmatch(subtag)) or _variant().fullmatch(subtag):
            stage = 2
        else:
            return False
    return True
