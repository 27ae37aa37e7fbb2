"""The life of a request (law 31-13) as `information.states` tables it: every legal act leads to the documented
state, every other (state, act) pair is refused — checked on the pure table and through `services.perform`, where
a refused act changes nothing and every act writes one history entry with the states it moved between."""

import datetime
import itertools

import pytest

from infitah.information import services, states
from infitah.information.models import Ground, InformationRequest, RequestEvent
from infitah.information.services import InformationRefused
from infitah.information.states import IllegalTransition, next_state
from infitah.participation.models import AuditLogEntry
from tests.information.factories import MONDAY, filed_request

S = states
ALL_STATES = sorted(S.OPEN | S.CLOSED)
ALL_ACTS = sorted(S.TRANSITIONS)

# The documented life of a request, written out by hand (states.py's docstring and LAW.md), not read from the table:
# (state, act) -> the state it leads to.
DOCUMENTED = {
    (S.RECEIVED, S.START): S.IN_PROGRESS,
    (S.RECEIVED, S.ASK_CLARIFICATION): S.CLARIFICATION,
    (S.IN_PROGRESS, S.ASK_CLARIFICATION): S.CLARIFICATION,
    (S.CLARIFICATION, S.CLARIFY): S.IN_PROGRESS,
    (S.RECEIVED, S.EXTEND): S.EXTENDED,
    (S.IN_PROGRESS, S.EXTEND): S.EXTENDED,
    **{(state, S.ANSWER): S.ANSWERED for state in (S.RECEIVED, S.IN_PROGRESS, S.EXTENDED)},
    **{(state, S.ANSWER_PARTIALLY): S.PARTIAL for state in (S.RECEIVED, S.IN_PROGRESS, S.EXTENDED)},
    # An unclear request never clarified may be refused on that ground, so refusal is open during the pause too.
    **{(state, S.REFUSE): S.REFUSED for state in (S.RECEIVED, S.IN_PROGRESS, S.EXTENDED, S.CLARIFICATION)},
    **{(state, S.DECLARE_NOT_HELD): S.NOT_HELD for state in (S.RECEIVED, S.IN_PROGRESS, S.EXTENDED)},
    **{(state, S.TRANSFER): S.TRANSFERRED for state in (S.RECEIVED, S.IN_PROGRESS, S.EXTENDED)},
    # The requester may withdraw while the body still owes a reply, never after it.
    **{(state, S.WITHDRAW): S.WITHDRAWN for state in (S.RECEIVED, S.IN_PROGRESS, S.EXTENDED, S.CLARIFICATION)},
}
ILLEGAL = [pair for pair in itertools.product(ALL_STATES, ALL_ACTS) if pair not in DOCUMENTED]


def test_the_table_is_the_documented_life_of_a_request():
    table = {(state, act): target for act, (sources, target) in S.TRANSITIONS.items() for state in sources}
    assert table == DOCUMENTED
    assert len(DOCUMENTED) + len(ILLEGAL) == len(ALL_STATES) * len(ALL_ACTS)


@pytest.mark.parametrize(("state", "act"), sorted(DOCUMENTED), ids=[f"{s}-{a}" for s, a in sorted(DOCUMENTED)])
def test_every_legal_act_leads_to_its_documented_state(state, act):
    assert next_state(state, act) == DOCUMENTED[(state, act)]
    assert act in S.acts_from(state)


@pytest.mark.parametrize(("state", "act"), ILLEGAL, ids=[f"{s}-{a}" for s, a in ILLEGAL])
def test_every_other_pair_is_an_illegal_transition(state, act):
    with pytest.raises(IllegalTransition) as refused:
        next_state(state, act)
    assert (refused.value.act, refused.value.state) == (act, state)
    assert act not in S.acts_from(state)


DUE = datetime.date(2025, 3, 31)

# The illegal moves the law names, each with its reason.
LAW_NAMED = [
    pytest.param(S.EXTENDED, S.EXTEND, {}, id="extend-twice-from-the-extended-state"),
    pytest.param(S.IN_PROGRESS, S.EXTEND, {"already_extended": True}, id="extend-twice-after-clarifying"),
    pytest.param(
        S.IN_PROGRESS, S.EXTEND, {"due_on": DUE, "today": DUE + datetime.timedelta(days=1)}, id="extend-after-due"
    ),
    pytest.param(S.CLARIFICATION, S.EXTEND, {}, id="extend-while-the-clock-is-paused"),
    pytest.param(S.WITHDRAWN, S.ANSWER, {}, id="answer-a-withdrawn-request"),
    pytest.param(S.ANSWERED, S.ANSWER, {}, id="answer-an-answered-request"),
    pytest.param(S.REFUSED, S.ANSWER_PARTIALLY, {}, id="answer-a-refused-request"),
    pytest.param(S.CLARIFICATION, S.ANSWER, {}, id="answer-while-waiting-for-the-clarification"),
    pytest.param(S.IN_PROGRESS, S.CLARIFY, {}, id="clarify-what-was-not-asked"),
    pytest.param(S.ANSWERED, S.WITHDRAW, {}, id="withdraw-after-the-reply"),
    pytest.param(S.TRANSFERRED, S.REFUSE, {}, id="refuse-a-transferred-request"),
    pytest.param(S.EXTENDED, S.ASK_CLARIFICATION, {}, id="pause-an-extended-deadline"),
    pytest.param(S.IN_PROGRESS, S.START, {}, id="start-twice"),
    pytest.param(S.RECEIVED, "reopen", {}, id="an-act-the-law-does-not-know"),
]


@pytest.mark.parametrize(("state", "act", "context"), LAW_NAMED)
def test_the_illegal_moves_the_law_names(state, act, context):
    with pytest.raises(IllegalTransition):
        next_state(state, act, **context)


def test_the_extension_is_allowed_up_to_the_due_date_itself():
    assert next_state(S.IN_PROGRESS, S.EXTEND, due_on=DUE, today=DUE) == S.EXTENDED
    assert S.EXTEND not in S.acts_from(S.IN_PROGRESS, already_extended=True)


def test_overdue_is_read_from_the_due_date_never_while_paused_or_closed():
    late = DUE + datetime.timedelta(days=1)
    assert S.is_overdue(S.IN_PROGRESS, DUE, late)
    assert not S.is_overdue(S.IN_PROGRESS, DUE, DUE)
    assert not S.is_overdue(S.CLARIFICATION, DUE, late)
    assert not any(S.is_overdue(state, DUE, late) for state in S.CLOSED)


# --- Through the services: the same table, and the history it writes ------------------------------------------------

DAY = MONDAY + datetime.timedelta(days=1)  # within every deadline of a request filed on MONDAY

# What each act must say (the services refuse an act without it).
FIELDS = {
    S.START: {},
    S.ASK_CLARIFICATION: {"message": "Which year do you mean?"},
    S.CLARIFY: {"message": "2024"},
    S.EXTEND: {"message": "Third parties must be consulted"},
    S.ANSWER: {"response": "Here is the report"},
    S.ANSWER_PARTIALLY: {"response": "The totals", "ground": Ground.PRIVATE_LIFE, "withheld": "The names"},
    S.REFUSE: {"response": "Still in preparation", "ground": Ground.IN_PREPARATION},
    S.DECLARE_NOT_HELD: {"response": "We do not hold it"},
    S.TRANSFER: {"transferred_to": "The urban agency"},
    S.WITHDRAW: {},
}
# The shortest legal way from a new request to each state.
PATH = {S.RECEIVED: [], S.IN_PROGRESS: [S.START]} | {
    target: [act] for act, (sources, target) in S.TRANSITIONS.items() if S.RECEIVED in sources
}


def actor(people, act):
    return people.citizen if act in S.REQUESTER_ACTS else people.information_officer


def request_in(people, state):
    request = filed_request(people.commune_a, people.citizen)
    for act in PATH[state]:
        request = services.perform(actor(people, act), request, act, today=DAY, **FIELDS[act])
    assert request.state == state
    return request


@pytest.mark.django_db
@pytest.mark.parametrize(("state", "act"), sorted(DOCUMENTED), ids=[f"{s}-{a}" for s, a in sorted(DOCUMENTED)])
def test_perform_moves_a_request_along_each_legal_act_and_records_it(people, state, act):
    request = request_in(people, state)
    request = services.perform(actor(people, act), request, act, today=DAY, **FIELDS[act])
    assert request.state == DOCUMENTED[(state, act)]
    history = list(request.events.order_by("created_at", "pk").values_list("act", "state_from", "state_to", "on"))
    assert history == [
        ("file", "", S.RECEIVED, MONDAY),
        *((step, before, after, DAY) for step, before, after in _steps(PATH[state])),
        (act, state, DOCUMENTED[(state, act)], DAY),
    ]
    stored = InformationRequest.objects.get(pk=request.pk)
    assert stored.state == request.state
    assert (stored.replied_on == DAY) == (stored.state in S.CLOSED)


@pytest.mark.django_db
@pytest.mark.parametrize(("state", "act"), ILLEGAL, ids=[f"{s}-{a}" for s, a in ILLEGAL])
def test_perform_refuses_every_illegal_pair_and_changes_nothing(people, state, act):
    request = request_in(people, state)
    events = RequestEvent.objects.filter(request=request).count()
    with pytest.raises(InformationRefused):
        services.perform(actor(people, act), request, act, today=DAY, **FIELDS[act])
    stored = InformationRequest.objects.get(pk=request.pk)
    assert (stored.state, stored.due_on, stored.replied_on) == (request.state, request.due_on, request.replied_on)
    assert RequestEvent.objects.filter(request=request).count() == events


@pytest.mark.django_db
def test_a_whole_life_writes_one_entry_per_act_chained_from_state_to_state(people):
    request = filed_request(people.commune_a, people.citizen)
    officer, citizen = people.information_officer, people.citizen
    journey = [
        (officer, S.START, MONDAY + datetime.timedelta(days=1)),
        (officer, S.ASK_CLARIFICATION, MONDAY + datetime.timedelta(days=2)),
        (citizen, S.CLARIFY, MONDAY + datetime.timedelta(days=9)),
        (officer, S.EXTEND, MONDAY + datetime.timedelta(days=14)),
        (officer, S.ANSWER_PARTIALLY, MONDAY + datetime.timedelta(days=30)),
    ]
    for person, act, day in journey:
        request = services.perform(person, request, act, today=day, **FIELDS[act])
    events = list(request.events.order_by("created_at", "pk"))
    assert [e.act for e in events] == ["file", *(act for _p, act, _d in journey)]
    assert [e.on for e in events] == [MONDAY, *(day for *_x, day in journey)]
    for before, after in itertools.pairwise(events):
        assert after.state_from == before.state_to
    assert events[-1].state_to == S.PARTIAL == request.state
    # The pause is in the history: no due date while waiting, a later one after the clarification.
    assert events[2].due_on is None and events[3].due_on > events[1].due_on
    assert request.paused_working_days == 5 and request.extension_reason == FIELDS[S.EXTEND]["message"]
    # The officers' acts are audited; the requester's clarification is not an officer's act.
    entries = AuditLogEntry.objects.filter(action__startswith="information.", object_id=str(request.pk))
    audited = list(entries.values_list("action", flat=True))
    assert sorted(audited) == sorted(f"information.{act}" for person, act, _d in journey if person == officer)


def _steps(path):
    state = S.RECEIVED
    for act in path:
        after = DOCUMENTED[(state, act)]
        yield act, state, after
        state = after
