"""Programme policies as validated data (see resources/policies/)."""

from core.policy.loader import PolicyError, available_policies, load_policy, parse_policy
from core.policy.model import ApplicantKind, Item, Policy

__all__ = [
    "ApplicantKind",
    "Item",
    "Policy",
    "PolicyError",
    "available_policies",
    "load_policy",
    "parse_policy",
]
