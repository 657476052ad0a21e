#!/usr/bin/env bash
# Nightly export of vouchers; see docs/export.md.
set -euo pipefail
TOKEN="$(cat /run/secrets/fortnox_token)"
curl -sf -H "Authorization: Bearer ${TOKEN}" "https://api.fortnox.se/3/vouchers?financialyear=1" > vouchers.json  # fortnox: url /3/vouchers bookkeeping
curl -sf -X POST -H "Authorization: Bearer ${TOKEN}" -d @archive.pdf https://api.fortnox.se/3/archive  # fortnox: url /3/archive archive
curl -sf https://api.github.com/repos/acme/export/releases > /dev/null  # fortnox: none other-api
