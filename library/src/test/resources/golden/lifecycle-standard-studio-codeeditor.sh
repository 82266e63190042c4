#!/bin/bash
# mlregistry: when this CodeEditor app starts, points pip at CodeArtifact ml-platform/ml-models.
# A token lasts 12 hours: run ~/.local/bin/codeartifact-login to renew it.
set -euo pipefail
mkdir -p "$HOME/.local/bin"
cat >"$HOME/.local/bin/codeartifact-login" <<'LOGIN'
#!/bin/bash
# Points pip at CodeArtifact ml-platform/ml-models with a new token, valid 12 hours (mlregistry).
set -euo pipefail
token="$(aws codeartifact get-authorization-token --domain ml-platform --domain-owner 111122223333 --region us-west-2 --query authorizationToken --output text)"
umask 077
mkdir -p "$HOME/.config/pip"
printf '[global]\nindex-url = https://aws:%s@%s\n' "$token" 'ml-platform-111122223333.d.codeartifact.us-west-2.amazonaws.com/pypi/ml-models/simple/' >"$HOME/.config/pip/pip.conf"
LOGIN
chmod 0700 "$HOME/.local/bin/codeartifact-login"
"$HOME/.local/bin/codeartifact-login"
