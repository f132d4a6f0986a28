# METADATA
# title: Policy configuration
# description: |
#   Thresholds and maps are data: these defaults are overridden key by key by the
#   user's config (`data.config`, set by the engine from --config).
package leakguard.lib.config

import rego.v1

defaults := {
	"enforcement": {
		"by_severity": {"critical": "hard", "high": "soft", "medium": "soft", "low": "advisory"},
		"rules": {},
		"controls": {},
	},
	"pii_classifications": ["pii", "confidential"],
}

default user := {}

user := data.config

settings := object.union(defaults, user)
