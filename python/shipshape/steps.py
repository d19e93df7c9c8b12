"""Every recipe step class, by the app's step kind."""

from .steps_clean import STEPS as _CLEAN
from .steps_feature import STEPS as _FEATURE

STEPS = {**_CLEAN, **_FEATURE}
