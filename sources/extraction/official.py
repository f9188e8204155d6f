"""Texts the actors publish themselves: press statements, readouts, joint statements, transcripts.

Finds who the text speaks for (the principal), which paragraphs are its own words, and the
speaker turns of an interview transcript (``SECRETARY BLINKEN: ...``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sources.extraction.names import TITLE_WORDS, ActorIndex, Resolved, names_a_spokesperson
from sources.extraction.text import Span, fold_char_text, word_set

_GOV_OUTLET = re.compile(
    r"\b(department|ministry|government|office|embassy|mission|white house|kremlin|"
    r"united nations|secretary|spokesperson|council|commission|presidency|chancellery|"
    r"state\.gov|gov\.uk|mfa|foreign affairs)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^([A-Z][\w.’'\- ]{2,60}?), ([A-Z][\w.’'/\- ]{2,80})$")
# A line that is only a name, perhaps after a title: the first line of a two-line byline.
_NAME_LINE = re.compile(r"^(?:[A-Z][\w.’'\-]*\s){1,5}[A-Z][\w’'\-]+$")
# A byline's title names a post: "Antony J. Blinken, Secretary of State".
_BYLINE_TITLES = word_set(
    """secretary minister spokesperson spokesman spokeswoman president ambassador director
    commissioner chancellor envoy representative chair chairman chief head adviser advisor
    general secretary-general counselor counsellor premier governor mayor senator"""
)
_STATEMENT_BY_WORDS = (
    "(?:the following is (?:the )?(?:full )?text of (?:a |the )?)?(?P<joint>joint )?"
    "(?:statement|remarks|message|readout|declaration|communiqu[eé]|speech|address)"
    "(?: (?:delivered|made|given|issued|released))? (?:by|from|of) (?:the )?"
    "(?P<who>.+?)(?:,? (?:on|at|regarding|about|to|before|during) |, |[.:]?$)"
)
# Any space may be a non-breaking one in a release: "joint statement\xa0by".
_STATEMENT_BY = re.compile(_STATEMENT_BY_WORDS.replace(" ", r"\s+"), re.IGNORECASE)
_SIGNATORY_LIST = re.compile(r"(?P<who>[^.:;]+?)(?: on | regarding | about |[.:;]|\s*$)")
# "Secretary-General’s Remarks to Press on ...": the title names whose words these are.
# "Foreign Secretary David Lammy said:" alone on the first lines of a release.
_OPENING_SAID = re.compile(
    r"^(?P<who>[A-Z][\w.’'\- ]{3,100}?)\s+(?:said|says|stated|added)\s*:\s*$"
)
_TITLE_HOLDER = re.compile(
    r"^(?P<who>[A-Z][\w.\- ]{1,60}?)[’']s? (?:[Rr]emarks|[Ss]tatement|[Mm]essage|[Aa]ddress|"
    r"[Ss]peech|(?:[Rr]egular )?[Pp]ress [Cc]onference|(?:[Pp]ress )?[Bb]riefing|[Ii]nterview|"
    r"[Cc]omments|[Aa]nswers)\b"
)
_TITLE_BODY = re.compile(
    r"^(?P<who>[A-Z][\w.\- ]{1,60}?) (?:[Cc]onclusions|[Cc]ommuniqu[eé]|[Dd]eclaration|"
    r"[Ss]tatement)\b"
)
_ATTRIBUTABLE = re.compile(
    r"attributable to (?:the )?(?:(?:Principal |Deputy |Acting |Chief )*"
    r"[Ss]pokes(?:person|man|woman)) ([^:]{3,80}):?\s*$"
)
_SPOKESPERSON_FOR = re.compile(
    r"Spokes(?:person|man|woman) for the (?:UN |United Nations )?(?P<post>[A-Z][\w\-]+"
    r"(?: [A-Z][\w\-]+){0,3})"
)
_HAVE_ISSUED = re.compile(
    r"^(?:the\s+)?(?:governments?\s+of\s+)?(?P<who>.{3,300}?)\s+(?:have|has)\s+(?:issued|released|"
    r"adopted|agreed(?:\s+on|\s+to)?)\s+the\s+following\s+(?:joint\s+)?(?:statement|declaration)",
    re.IGNORECASE,
)
_ISSUED_BY = re.compile(
    r"statement\s+was\s+(?:issued|released|delivered)(?:\s+today)?\s+by\s+(?:the\s+)?"
    r"(Spokes(?:person|man|woman)\s+for\s+)?(.{3,300}?)(?:(?:\s+to\s+|\s+in\s+order\s+to\s+)"
    r"(.+?))?[:.]?\s*$"
)
# A label in capitals, accented ones included ("FOREIGN MINISTER ÇAVUŞOĞLU:"): the class takes
# any letter but a-z, and _detect_turns keeps only labels that are their own upper case. The
# label may stand alone, the words in the next paragraph: "SECRETARY BLINKEN:".
_CAPITAL = r"[^\W\d_a-z]"
_TURN = re.compile(
    rf"({_CAPITAL}(?:{_CAPITAL}|[.’'\- ]){{0,48}}(?:{_CAPITAL}|\.)|Q|A)\s?:(?:\s+|$)"
)
# Briefing transcripts in mixed case: "Question: ...", "Maria Zakharova: ...".
_MIXED_TURN = re.compile(r"([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3})\s?:(?:\s+(?![“\"«])|$)")
_NOT_LABELS = frozenset(
    {
        "read also", "note", "editor's note", "update", "source", "sources", "background",
        "photo", "video", "watch", "related", "see also", "correction", "summary",
        "begin text", "end text", "notes to editors", "note to editors", "contact", "contacts",
        "read more", "also read", "see more", "listen", "advertisement", "media enquiries",
    }
)  # fmt: skip
INTERVIEWER_LABELS = frozenset(
    {"question", "q", "moderator", "reporter", "journalist", "interviewer", "host", "participant"}
)
_ANSWER_LABELS = frozenset({"a", "answer"})
# Headings after which a press release gives background, not its positions.
_AFTERWORD = frozenset(
    {
        "notes to editors", "note to editors", "background", "further information",
        "media enquiries", "about the author", "related links", "###",
    }
)  # fmt: skip
_MARKERS = re.compile(
    r"^(begin text|end text|office of the spokesperson|for immediate release|media note|"
    r"press statement|readout|joint statement|remarks|sg/sm/\S+|\(end\)|\*\*\*|###)[:.]?$",
    re.IGNORECASE,
)


@dataclass
class Turn:
    label_end: int
    speaker: Resolved | None
    is_interviewer: bool
    via: str = ""  # a spokesperson answering for their government


@dataclass
class OfficialInfo:
    is_official: bool = False
    principal: Resolved | None = None
    via: str = ""
    # Signatories of a joint statement, each also speaking for what the release line says.
    signatories: list[tuple[Resolved, int, int]] = field(default_factory=list)
    release_content: tuple[int, int] | None = None
    own_paragraphs: set[int] = field(default_factory=set)
    skip_paragraphs: set[int] = field(default_factory=set)
    turns: dict[int, Turn] = field(default_factory=dict)

    @property
    def is_transcript(self) -> bool:
        return len(self.turns) >= 2


def _resolve_person(index: ActorIndex, name: str, role: str) -> Resolved:
    found = index.resolve_name(name)
    if found is not None:
        return found
    words = name.split()
    while len(words) > 2 and fold_char_text(words[0]).strip(".") in TITLE_WORDS:
        words = words[1:]  # "Ambassador Kelly Craft": the title is not the name
    plain = " ".join(w for w in words if not (len(w) <= 2 and w.endswith(".")))
    found = index.resolve_name(plain) or index.resolve_name(" ".join(words))
    if found is not None:
        return found
    return Resolved(" ".join(words).strip(), "person", True, index.state_of(role), role, "new")


def _state_for(index: ActorIndex, *texts: str) -> Resolved | None:
    for text in texts:
        name = index.state_of(text)
        if name is not None:
            found = index.resolve_name(name)
            return found if found is not None else Resolved(name, "state", True, how="metonym")
    return None


def _group_for(index: ActorIndex, members: list[Resolved], text: str) -> Resolved:
    """The registry group whose name names every member's state or body; else a new one."""
    names = []
    for member in members:
        if member.kind == "person":
            names.append(member.affiliation or member.name)
        else:
            names.append(member.name)
    folded = [fold_char_text(n) for n in names]
    # The closest group that names them all: "A, B and C" before "The members of the Quartet
    # (A, B and C) and the Nordic Union".
    naming_all = [
        (len(key), k, actor)
        for k, actor in enumerate(index.registry.actors)
        if actor.kind == "group"
        for key in map(fold_char_text, (actor.name, *actor.aliases))
        if all(n in key for n in folded)
    ]
    if naming_all:
        return index.record(min(naming_all, key=lambda c: (c[0], c[1]))[2])
    # Else the registry group the release line names ("the G7 foreign ministers of ...").
    said = fold_char_text(text)
    named = [
        (len(key), actor)
        for actor in index.registry.actors
        if actor.kind == "group"
        for key in map(fold_char_text, (actor.name, *actor.aliases))
        if len(key) > 2 and re.search(rf"\b{re.escape(key)}\b", said)
    ]
    if named:
        return index.record(max(named, key=lambda pair: pair[0])[1])
    return Resolved(" and ".join(names), "group", True, how="new")


def detect(body: str, paras: list[Span], index: ActorIndex, header: dict[str, str]) -> OfficialInfo:
    info = OfficialInfo()
    outlet = header.get("outlet", "")
    info.is_official = bool(_GOV_OUTLET.search(outlet))
    _detect_turns(body, paras, index, info)
    begin = end = None
    for i, para in enumerate(paras[:8]):
        line = body[para.start : para.end].strip()
        low = line.lower().rstrip(":.")
        if _MARKERS.match(line):
            info.skip_paragraphs.add(i)
            info.is_official = True
            if low == "begin text":
                begin = i
            continue
        if i + 1 < len(paras) and _NAME_LINE.match(line):
            # "Ambassador Kelly Craft" over "Permanent Representative": one byline, two lines.
            title_line = body[paras[i + 1].start : paras[i + 1].end].strip()
            if _is_title_line(title_line):
                line = f"{line}, {title_line}"
                info.skip_paragraphs.add(i + 1)
        if m := _BYLINE.match(line):
            name, title = m.group(1), m.group(2)
            title_words = set(fold_char_text(title).replace(",", " ").split())
            name_ok = len(name.split()) <= 5 and all(w[:1].isupper() for w in name.split())
            if (
                name_ok
                and title_words & _BYLINE_TITLES
                and len(line.split()) <= 14
                and not line.endswith(".")
            ):
                info.is_official = True
                info.skip_paragraphs.add(i)
                if names_a_spokesperson(title):
                    person = _resolve_person(index, name, title)
                    info.principal = (
                        _state_for(index, person.affiliation or "", title, outlet) or person
                    )
                    info.via = person.name
                else:
                    person = _resolve_person(index, name, title)
                    if person.affiliation is None:
                        state = _state_for(index, title, outlet)
                        if state is not None:
                            person = Resolved(
                                person.name,
                                person.kind,
                                person.is_new,
                                state.name,
                                person.role or title,
                                person.how,
                            )
                    info.principal = person
                continue
        said = _OPENING_SAID.match(line) if i <= 2 and info.principal is None else None
        if said is not None and info.is_official:
            # "Foreign Office Minister Sir Alan Duncan said:" opening a release: what follows
            # is the minister's statement, as under a byline.
            who_start = para.start + (
                len(body[para.start : para.end]) - len(body[para.start : para.end].lstrip())
            )
            issuer = _issuer_person(index, body, who_start, who_start + said.end("who"))
            if issuer is not None and issuer.kind == "person":
                if issuer.affiliation is None:
                    issuer = _with_state(index, issuer, line, outlet)
                info.principal = issuer  # the line itself stays: its 'said:' opens what follows
                continue
        m = _STATEMENT_BY.match(line)
        if m and len(m.group("who").split()) <= 16 and len(line.split()) <= 40:
            # "Statement from President Joseph R. Biden, Jr. on ...", "Statement by Ambassador
            # X, UK Deputy Permanent Representative, at the Security Council": the author
            # speaks. "The following is the text of a joint statement by the Governments of A
            # and B": the group of its signatories does.
            info.is_official = True
            info.skip_paragraphs.add(i)
            who_start, who_end = para.start + m.start("who"), para.start + m.end("who")
            if m.group("joint"):
                # The signatories' list runs past its commas: "A and B, C, and D".
                listed = _SIGNATORY_LIST.match(body, who_start, para.end)
                who_end = listed.end("who") if listed else who_end
            members = _signatories(index, body, who_start, who_end) if m.group("joint") else []
            if len(members) >= 2:
                info.principal = _group_for(index, [r for r, _, _ in members], m.group("who"))
                continue
            issuer = _issuer_person(index, body, who_start, who_end)
            if issuer is None:
                issuer = _state_for(index, m.group("who"))
            elif issuer.affiliation is None:
                issuer = _with_state(index, issuer, line, outlet)
            info.principal = issuer or info.principal
            continue
        if m := _ATTRIBUTABLE.search(line):
            info.is_official = True
            info.skip_paragraphs.add(i)
            info.via = m.group(1).strip()
            info.principal = _state_for(index, outlet) or info.principal
            spoken_for = _spoken_for(index, line)
            if spoken_for is not None:
                info.principal, info.via = spoken_for
            continue
        if m := _ISSUED_BY.search(line):
            info.is_official = True
            info.skip_paragraphs.add(i)
            issuer_start = para.start + m.start(2)
            issuer_text = m.group(2)
            if m.group(1):
                info.via = (m.group(1) + issuer_text).strip()
                issuer = _issuer_person(index, body, issuer_start, issuer_start + len(issuer_text))
                info.principal = issuer or info.principal
            else:
                members = _signatories(index, body, issuer_start, issuer_start + len(issuer_text))
                if len(members) >= 2:
                    info.signatories = members
                    info.principal = _group_for(index, [r for r, _, _ in members], issuer_text)
                elif members:
                    info.principal = members[0][0]
                if m.group(3):
                    content_start = para.start + m.start(3)
                    info.release_content = (content_start, para.start + m.end(3))
            continue
        if m := _HAVE_ISSUED.match(line):
            # "The governments of A, B and C have issued the following joint statement.": the
            # group of the signatories speaks.
            members = _signatories(index, body, para.start, para.start + m.end("who"))
            if len(members) >= 2:
                info.is_official = True
                info.skip_paragraphs.add(i)
                info.signatories = members
                info.principal = _group_for(index, [r for r, _, _ in members], m.group("who"))
                continue
        if low in ("end text",):
            end = i
    for i in range(len(paras)):
        line = body[paras[i].start : paras[i].end].strip().lower().rstrip(":.")
        if line == "end text" or (line in _AFTERWORD and end is None and i > 0):
            # "Notes to editors", "Background": the release's own words end here.
            end = i
            info.skip_paragraphs.add(i)
        elif line == "begin text":
            begin = i
    if info.is_official and info.principal is None and not info.is_transcript:
        title = header.get("title", "")
        spoken_for = _spoken_for(index, title)
        if spoken_for is not None:
            info.principal, info.via = spoken_for
        else:
            info.principal = (
                _title_holder(index, title)
                or _opening_signatories(body, paras, index, info.skip_paragraphs)
                or _state_for(index, outlet)
            )
    _answerer(index, header, info)
    start = (begin + 1) if begin is not None else 0
    stop = end if end is not None else len(paras)
    if info.is_official:
        info.own_paragraphs = {
            i for i in range(start, stop) if i not in info.skip_paragraphs and i not in info.turns
        }
    return info


def _answerer(index: ActorIndex, header: dict[str, str], info: OfficialInfo) -> None:
    """'A: ...' turns are the words of whom the text is by: its byline or its title's holder
    ("Foreign Ministry Spokesperson Mao Ning's Remarks on ...")."""
    answers = [t for t in info.turns.values() if t.speaker is None and not t.is_interviewer]
    if not answers:
        return
    title = header.get("title", "")
    who = info.principal or _title_holder(index, title)
    if who is None:
        spoken_for = _spoken_for(index, title)
        who = spoken_for[0] if spoken_for else None
    via = ""
    if who is not None and who.kind == "person" and names_a_spokesperson(who.role or title):
        # "Foreign Ministry Spokesperson Hong Lei's Regular Press Conference": the answers are
        # the government's, via its spokesperson.
        state = _state_for(index, who.affiliation or "", title, header.get("outlet", ""))
        if state is not None:
            who, via = state, who.name
    for turn in answers:
        turn.speaker = who
        turn.via = via


def _with_state(index: ActorIndex, person: Resolved, *texts: str) -> Resolved:
    """The person, affiliated to the state their title or the outlet names."""
    state = _state_for(index, *texts)
    if state is None:
        return person
    return Resolved(person.name, person.kind, person.is_new, state.name, person.role, person.how)


def _spoken_for(index: ActorIndex, title: str) -> tuple[Resolved, str] | None:
    """The one known holder of the post a spokesperson speaks for, and the spokesperson.

    "Statement attributable to the Spokesperson for the Secretary-General": the
    Secretary-General speaks, via the spokesperson.
    """
    m = _SPOKESPERSON_FOR.search(title)
    if m is None:
        return None
    holder = _post_holder(index, m.group("post"))
    return (holder, m.group(0).strip()) if holder is not None else None


def _post_holder(index: ActorIndex, post: str) -> Resolved | None:
    found = index.resolve_name(post)
    if found is not None:
        return found
    folded = fold_char_text(post)
    holders = [
        index.record(actor)
        for actor in index.registry.actors
        if actor.kind == "person" and actor.role and fold_char_text(actor.role) == folded
    ]
    return holders[0] if len(holders) == 1 else None


def _title_holder(index: ActorIndex, title: str) -> Resolved | None:
    """The one known person whose post the title names: "Secretary-General’s Remarks"; or the
    known body whose text it is: "European Council conclusions on Ukraine"."""
    m = _TITLE_HOLDER.match(title.strip())
    if m is None:
        body = _TITLE_BODY.match(title.strip())
        return index.resolve_name(body.group("who")) if body else None
    who = m.group("who").strip()
    found = index.resolve_name(who)
    if found is not None:
        return found
    words = who.split()
    for n in (3, 2):
        # "Foreign Ministry Spokesperson Mao Ning": the name after the post.
        found = index.resolve_name(" ".join(words[-n:])) if len(words) > n else None
        if found is not None and found.kind == "person":
            return found
    return _post_holder(index, who)


def _issuer_person(index: ActorIndex, body: str, start: int, end: int) -> Resolved | None:
    from sources.extraction.text import tokens

    toks = tokens(body, start, end)
    folded = [t.lower for t in toks]
    best: Resolved | None = None
    i = 0
    while i < len(toks):
        hit = index.match_at(toks, folded, i)
        if hit is not None:
            n, actor = hit
            if actor.kind == "person":
                best = actor
            i += n
        else:
            i += 1
    if best is None:
        run = [t.text for t in toks if t.text[:1].isupper() and t.lower not in TITLE_WORDS]
        if len(run) >= 2:
            best = _resolve_person(index, " ".join(run[-2:]), body[start:end])
    return best


def _signatories(
    index: ActorIndex, body: str, start: int, end: int
) -> list[tuple[Resolved, int, int]]:
    from sources.extraction.text import tokens

    text = body[start:end]
    parts = []
    pos = 0
    for m in re.finditer(r",?\s+and\s+|,\s+", text):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(text)))
    out: list[tuple[Resolved, int, int]] = []
    for a, b in parts:
        toks = tokens(body, start + a, start + b)
        folded = [t.lower for t in toks]
        found: tuple[Resolved, int, int] | None = None
        i = 0
        while i < len(toks):
            hit = index.match_at(toks, folded, i)
            if hit is not None:
                n, actor = hit
                # A person beats the state named in their title.
                if found is None or actor.kind == "person" or found[0].kind != "person":
                    found = (actor, toks[i].start, toks[i + n - 1].end)
                i += n
            else:
                i += 1
        if found is None:
            run = [t for t in toks if t.text[:1].isupper() and t.lower not in TITLE_WORDS]
            if run:
                name = " ".join(t.text for t in run[-2:])
                found = (
                    _resolve_person(index, name, body[start + a : start + b]),
                    run[0].start,
                    run[-1].end,
                )
        if found is not None:
            out.append(found)
    return out


def _speaker_like(index: ActorIndex, label: str) -> bool:
    """A mixed-case label names a speaker: an interviewer, a known actor or a full name."""
    low = fold_char_text(label).strip(". ")
    if low in INTERVIEWER_LABELS or low in ("answer", "a", "q"):
        return True
    if index.resolve_name(label) is not None:
        return True
    words = label.split()
    return 2 <= len(words) <= 4 and not (set(low.split()) & _NOT_LABELS)


def _one_name(m: re.Match[str]) -> bool:
    return len(m.group(1).split()) == 1 and m.group(1).lower() not in _NOT_LABELS


def _detect_turns(body: str, paras: list[Span], index: ActorIndex, info: OfficialInfo) -> None:
    labels: dict[int, tuple[str, int]] = {}
    askers: set[int] = set()
    asked: dict[str, list[bool]] = {}  # per label, whether each of its turns asks
    for i, para in enumerate(paras):
        m = _TURN.match(body, para.start, para.end)
        if m is not None and m.group(1) != m.group(1).upper():
            m = None
        asks = body[para.start : para.end].rstrip().endswith("?")
        if m is None:
            m = _MIXED_TURN.match(body, para.start, para.end)
            # "Bloomberg: Will the minister visit Japan?": a one-word label that asks.
            if m is None or not (_speaker_like(index, m.group(1)) or asks and _one_name(m)):
                continue
        if asks and index.resolve_name(m.group(1)) is None:
            askers.add(i)  # "AFP: ... What is China's response?": a journalist's turn
        label = m.group(1).strip()
        if len(label) < 1 or label.lower() in _NOT_LABELS:
            continue
        labels[i] = (label, m.end())
        asked.setdefault(label, []).append(body[para.start : para.end].rstrip(' ”"’').endswith("?"))
    if len(labels) < 2 or len({label for label, _ in labels.values()}) < 2:
        return
    # "MS BLAUW: ... Why suddenly this term?": a label whose turns mostly ask is the
    # interviewer's, even when the registry knows her name.
    asking_labels = {
        label for label, asks in asked.items() if len(asks) >= 2 and sum(asks) * 2 > len(asks)
    }
    for i, (label, end) in labels.items():
        low = fold_char_text(label).strip(". ")
        is_interviewer = low in INTERVIEWER_LABELS or i in askers or label in asking_labels
        speaker = index.resolve_name(label)
        if low in _ANSWER_LABELS:
            speaker = None  # whom the text is by: set once its byline or title is read
        elif speaker is None and not is_interviewer:
            words = [w for w in label.split() if fold_char_text(w).strip(".") not in TITLE_WORDS]
            if words:
                speaker = index.resolve_name(" ".join(words)) or index.resolve_name(words[-1])
                if speaker is None:
                    name = " ".join(w.capitalize() for w in words)
                    speaker = Resolved(name, "person", True, role=label.title(), how="new")
        info.turns[i] = Turn(end, speaker, is_interviewer)


def _is_title_line(line: str) -> bool:
    """A short line naming a post: "Permanent Representative", "Secretary of State"."""
    words = fold_char_text(line).replace(",", " ").split()
    return 0 < len(words) <= 8 and not line.endswith(".") and bool(set(words) & _BYLINE_TITLES)


# Words that may stand between the signatories named as a sentence's subject.
_SUBJECT_FILLER = word_set(
    """the of and members member governments government foreign ministers minister leaders
    heads state states representatives representative high"""
)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


def _opening_signatories(
    body: str, paras: list[Span], index: ActorIndex, skip: set[int]
) -> Resolved | None:
    """The group a joint text speaks for when its first sentence names it as the subject.

    "The members of the Troika (Norway, the United Kingdom and the United States) and the
    European Union extend our warm wishes ...": the actors named before a verb and its "our"
    are the "we" of the whole text.
    """
    from sources.extraction.text import sentences, tokens

    para = next((p for i, p in enumerate(paras[:8]) if i not in skip), None)
    if para is None:
        return None
    first = sentences(body, para.start, para.end)[0]
    we = _FIRST_PERSON.search(body, first.start, first.end)
    if we is None:
        return None
    toks = tokens(body, first.start, we.start())
    folded = [t.lower for t in toks]
    members: list[Resolved] = []
    i = 0
    while i < len(toks):
        hit = index.match_at(toks, folded, i)
        if hit is not None:
            members.append(hit[1])
            i += hit[0]
        elif folded[i] in _SUBJECT_FILLER:
            i += 1
        elif not members or i < len(toks) - 2:
            return None  # a word that is neither a name nor a filler: not a list of signatories
        else:
            break  # the verb before "our": "extend", "reaffirm"
    if len(members) == 1 and members[0].kind == "group":
        return members[0]  # the registry knows the group by this very phrase
    if len(members) < 2:
        return None
    return _group_for(index, members, body[first.start : we.start()])
