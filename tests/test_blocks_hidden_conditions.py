"""Blocks that link conditions leave out the ones patients may not see.

Draft, expired and deleted conditions are dropped from condition lists, treatments and
treatment plans; a condition list with nothing published renders nothing.
"""

import pytest

from education.blocks import ConditionListBlock, TreatmentBlock, TreatmentPlanBlock
from tests.block_helpers import HIDDEN_STATES, condition_list, soup, treatment, treatment_plan

# Condition list


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_condition_list_leaves_out_unpublished_conditions(conditions_by_state, state):
    live, hidden = conditions_by_state["live"], conditions_by_state[state]
    block = ConditionListBlock()
    html = block.render(block.to_python(condition_list(hidden, live)))
    assert hidden.name not in html
    assert [a.text for a in soup(html).find_all("a")] == ["Lupus"]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_condition_list_with_nothing_published_renders_nothing(conditions_by_state, state):
    block = ConditionListBlock()
    assert block.render(block.to_python(condition_list(conditions_by_state[state]))).strip() == ""


# Treatment


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_treatment_leaves_out_unpublished_conditions(conditions_by_state, state):
    live, hidden = conditions_by_state["live"], conditions_by_state[state]
    block = TreatmentBlock()
    html = block.render(block.to_python(treatment([hidden.pk, live.pk])))
    assert hidden.name not in html
    assert [a.text for a in soup(html).find_all("a")] == ["Lupus"]


# Treatment plan


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_treatment_plan_leaves_out_unpublished_conditions(conditions_by_state, state):
    live, hidden = conditions_by_state["live"], conditions_by_state[state]
    block = TreatmentPlanBlock()
    html = block.render(block.to_python(treatment_plan([hidden.pk, live.pk])))
    assert hidden.name not in html
    # Once for the group's "For:" line and once in the treatment's "Can help with:".
    assert [a.text for a in soup(html).find_all("a")] == ["Lupus", "Lupus"]
