"""Every recipe step class, by the app's step kind: each module of step classes has a `STEPS`."""

from .steps_clean import STEPS as _CLEAN
from .steps_dates import STEPS as _DATES
from .steps_feature import STEPS as _FEATURE
from .target_encode import STEPS as _TARGET_ENCODE

CLEAN_STEPS = {**_CLEAN, **_TARGET_ENCODE}
"""The cleaning and encoding step kinds (the app's `clean-steps.ts`), and their classes."""

FEATURE_STEPS = {**_DATES, **_FEATURE}
"""The feature step kinds (the app's `feature-steps.ts`), and their classes."""

STEPS = {**CLEAN_STEPS, **FEATURE_STEPS}
"""Every step kind, and its class."""
