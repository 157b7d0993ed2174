"""The API's rate limits, per user and per client address: counted per window, cached
answers included, and lifted when the window ends."""

from datetime import timedelta

import pytest
import time_machine
from rest_framework.throttling import SimpleRateThrottle


@pytest.fixture
def rates(monkeypatch):
    def set_rates(user="1000/minute", address="1000/minute"):
        monkeypatch.setattr(
            SimpleRateThrottle,
            "THROTTLE_RATES",
            {**SimpleRateThrottle.THROTTLE_RATES, "user": user, "address": address},
        )

    return set_rates


@pytest.fixture
def patient_api(make_api_user, api_client_for):
    return api_client_for(make_api_user("reader", "Patients"))


def statuses(client, count, path="/api/v1/conditions/"):
    return [client.get(path).status_code for _ in range(count)]


def test_each_user_gets_the_rate_and_cached_answers_count(
    rates, patient_api, make_api_user, api_client_for
):
    rates(user="3/minute")
    with time_machine.travel("2026-03-02 10:00:30", tick=False) as clock:
        # The second and third are answered from the cache, and count all the same.
        assert statuses(patient_api, 4) == [200, 200, 200, 429]
        refused = patient_api.get("/api/v1/conditions/")
        assert refused.json()["code"] == "throttled"
        assert refused["Retry-After"] == "60"
        other = api_client_for(make_api_user("other", "Patients"))
        assert statuses(other, 1) == [200]

        clock.shift(timedelta(seconds=45))
        assert patient_api.get("/api/v1/conditions/")["Retry-After"] == "15"
        clock.shift(timedelta(seconds=15))
        assert statuses(patient_api, 4) == [200, 200, 200, 429]


def test_each_address_gets_the_rate(rates, make_api_user, api_client_for):
    rates(address="2/minute")
    first = api_client_for(make_api_user("first", "Patients"))
    second = api_client_for(make_api_user("second", "Patients"))
    with time_machine.travel("2026-03-02 10:00:00", tick=False):
        assert statuses(first, 1) + statuses(second, 2) == [200, 200, 429]
        # A claimed X-Forwarded-For is not a new address.
        forwarded = first.get("/api/v1/conditions/", HTTP_X_FORWARDED_FOR="198.51.100.7")
        assert forwarded.status_code == 429
