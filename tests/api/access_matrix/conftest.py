"""Fixtures shared by the API access-matrix tests: the matrix's content, users and a patient."""

import pytest


@pytest.fixture
def content(access_content):
    return access_content


@pytest.fixture
def users(content, make_api_user):
    return {
        "patient": make_api_user("pat", "Patients"),
        "member": make_api_user("mem", "Patients", "Rheumatology clinic"),
        "editor": make_api_user("ed", "Editors"),
    }


@pytest.fixture
def patient_api(make_api_user, api_client_for):
    return api_client_for(make_api_user("token-user", "Patients"))
