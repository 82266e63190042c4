#!/bin/bash
# Points pip at CodeArtifact ml-platform/ml-models with a new token, valid 12 hours (mlregistry).
set -euo pipefail
token="$(aws codeartifact get-authorization-token --domain ml-platform --domain-owner 111122223333 --region us-west-2 --query authorizationToken --output text)"
umask 077
mkdir -p "$HOME/.config/pip"
printf '[global]\nindex-url = https://aws:%s@%s\n' "$token" 'ml-platform-111122223333.d.codeartifact.us-west-2.amazonaws.com/pypi/ml-models/simple/' >"$HOME/.config/pip/pip.conf"
