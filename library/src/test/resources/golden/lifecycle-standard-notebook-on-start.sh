#!/bin/bash
# mlregistry: when this notebook instance starts, points ec2-user's pip at CodeArtifact ml-platform/ml-models,
# and renews the token every 6 hours (a token lasts 12).
set -euo pipefail
cat >/usr/local/bin/codeartifact-login <<'LOGIN'
#!/bin/bash
# Points pip at CodeArtifact ml-platform/ml-models with a new token, valid 12 hours (mlregistry).
set -euo pipefail
token="$(aws codeartifact get-authorization-token --domain ml-platform --domain-owner 111122223333 --region us-west-2 --query authorizationToken --output text)"
umask 077
mkdir -p "$HOME/.config/pip"
printf '[global]\nindex-url = https://aws:%s@%s\n' "$token" 'ml-platform-111122223333.d.codeartifact.us-west-2.amazonaws.com/pypi/ml-models/simple/' >"$HOME/.config/pip/pip.conf"
LOGIN
chmod 0755 /usr/local/bin/codeartifact-login
sudo -u ec2-user -i /usr/local/bin/codeartifact-login
echo '0 */6 * * * ec2-user /usr/local/bin/codeartifact-login' >/etc/cron.d/codeartifact-login
