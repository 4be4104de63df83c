#!/usr/bin/env bash
# Install the LanguageTool server for the G tests: Maven Central → ~/.cache/copylint/languagetool
# (or $COPYLINT_LANGUAGETOOL_HOME), reusing ~/.m2. Idempotent: when the jars are already there it
# only reads the manifest and checks their sizes (well under a second).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m lint languagetool install
