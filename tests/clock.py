"""The day the review-cycle tests live on: clinical dates are computed from it."""

import datetime

TODAY = datetime.date(2025, 3, 10)
MORNING = datetime.datetime(2025, 3, 10, 9, tzinfo=datetime.UTC)
